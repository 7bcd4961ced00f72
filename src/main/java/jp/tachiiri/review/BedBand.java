package jp.tachiiri.review;

/** The bed-size bands that the ministry's duties and figures use. */
public enum BedBand {
    UNDER_200,
    FROM_200_TO_399,
    FROM_400;

    public static BedBand of(int licensedBeds) {
        return licensedBeds < 200 ? UNDER_200 : licensedBeds < 400 ? FROM_200_TO_399 : FROM_400;
    }
}
