package jp.tachiiri.model;

/**
 * The bed-size bands of the ministry's duties and figures, by licensed beds (許可病床数) as recorded with the finalized revision: the
 * 200 and 400 bed lines are those of the catalog's conditions (診療録管理体制加算 and the first-response
 * advice). The store sorts facilities into bands with these bounds, so the definition lives here only.
 */
public enum BedBand {
    /** Fewer than 200 beds. */
    UNDER_200(200, "<200"),
    /** 200 to 399 beds. */
    FROM_200_TO_399(400, "200-399"),
    /** 400 beds or more. */
    FROM_400(Integer.MAX_VALUE, "400+");

    private final int below;
    private final String label;

    BedBand(int below, String label) {
        this.below = below;
        this.label = label;
    }

    /** The bed count at which the next band starts (exclusive); {@link Integer#MAX_VALUE} for the last band. */
    public int below() {
        return below;
    }

    /** A short language-neutral label for charts and exports: {@code <200}, {@code 200-399}, {@code 400+}. */
    public String label() {
        return label;
    }

    public static BedBand of(int licensedBeds) {
        for (BedBand band : values()) {
            if (licensedBeds < band.below) {
                return band;
            }
        }
        return FROM_400;
    }
}
