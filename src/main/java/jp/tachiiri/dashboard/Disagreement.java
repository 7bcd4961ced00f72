package jp.tachiiri.dashboard;

import java.util.Optional;

/**
 * How inspectors confirmed hospitals' own answers (医療機関確認用) to one item of the ministry's checklist over the
 * counted inspections of a year: 確認 ({@code agrees}: the answer matches what the inspector found), 相違
 * ({@code differs}: it does not), 未確認 ({@code notConfirmed}: the inspector could not check it on site), and rows of
 * the hospital's form left without a confirmation ({@code unconfirmed}). The share of disagreement is differs /
 * (agrees + differs); 未確認 and unconfirmed rows are not in its base and are counted beside it.
 */
public record Disagreement(int agrees, int differs, int notConfirmed, int unconfirmed) {

    /** No row of the hospital's form for the item. */
    public static final Disagreement NONE = new Disagreement(0, 0, 0, 0);

    public Disagreement {
        if (agrees < 0 || differs < 0 || notConfirmed < 0 || unconfirmed < 0) {
            throw new IllegalArgumentException("negative count: " + agrees + ", " + differs + ", " + notConfirmed + ", "
                    + unconfirmed);
        }
    }

    /** The base of the share: the answers the inspector confirmed or contradicted. */
    public int confirmed() {
        return agrees + differs;
    }

    /** differs / (agrees + differs); empty when no answer was confirmed or contradicted. */
    public Optional<Double> ratio() {
        return confirmed() == 0 ? Optional.empty() : Optional.of((double) differs / confirmed());
    }
}
