package jp.tachiiri.review;

import java.time.LocalDate;
import java.util.List;
import jp.tachiiri.model.BedBand;

/**
 * One line of the review list: the newest finalized revision of a received inspection, with what a
 * supervisor filters and sorts by. {@code nonCompliantItems} are the ministry's items answered 不適合: 参考 items are
 * never counted as the ministry's 不適合 (an item its catalog does not know is kept, as it cannot be told apart).
 */
public record ReviewRow(String inspectionId, int revision, LocalDate date, String facilityId, String facilityCode,
                        String facilityName, String facilityKana, int licensedBeds, String inspectors,
                        String catalogVersion, ReviewStatus status, List<String> nonCompliantItems) {

    public ReviewRow {
        nonCompliantItems = List.copyOf(nonCompliantItems);
    }

    /** The bed-size bands of the ministry's figures: under 200, 200–399, 400 and more. */
    public BedBand band() {
        return BedBand.of(licensedBeds);
    }
}
