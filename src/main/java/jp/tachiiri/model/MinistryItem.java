package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One item of the ministry's checklist (医療機関確認用), which is what the inspection confirms first: its number
 * ("2-⑦"), the ministry's wording, and how far that wording and number were checked. Catalog items that answer
 * it point to it; when several do (the app's breakdown of one ministry item), {@code rollUp} says how their
 * answers make the one answer the ministry's form has. {@code onVendorForm}: the item is also on the vendors' form
 * (事業者確認用), which each vendor under contract fills in for the systems it looks after.
 */
public record MinistryItem(
        String number,
        String label,
        LocalizedText wording,
        Verification verification,
        String checkedAgainst,
        LocalDate checkedOn,
        Optional<RollUp> rollUp,
        boolean onVendorForm) {

    /** Only a check against the ministry's final PDF confirms a number and wording. */
    public boolean confirmed() {
        return verification == Verification.FINAL_PDF;
    }

    /** What the number and wording were checked against. */
    public enum Verification implements Spelled {
        /** The ministry's final checklist PDF. */
        FINAL_PDF("finalPdf"),
        /** The ministry's draft manual (e.g. the WG material of 2025-03-13), not the final PDF. */
        DRAFT_MANUAL("draftManual"),
        /** Secondary sources only (trade press, a prefecture's summary). */
        SECONDARY("secondary");

        private final String id;

        Verification(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Optional<Verification> fromId(String id) {
            return Spelled.parse(Verification.class, id);
        }
    }

    /** How the answers of a ministry item's parts make its one answer. */
    public enum RollUp implements Spelled {
        /**
         * 不適合 if any part is; otherwise unanswered if any part is; 該当なし if every part is; 代替措置 if any part
         * is; else 適合.
         */
        ALL_PARTS("allParts");

        private final String id;

        RollUp(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        /**
         * The ministry item's answer from its parts' answers (empty = not answered yet); a part that does not apply
         * to the facility counts as 該当なし.
         */
        public Optional<Answer> combine(List<Optional<Answer>> parts) {
            if (parts.contains(Optional.of(Answer.NON_COMPLIANT))) {
                return Optional.of(Answer.NON_COMPLIANT);
            }
            if (parts.contains(Optional.<Answer>empty())) {
                return Optional.empty();
            }
            if (parts.stream().allMatch(part -> part.equals(Optional.of(Answer.NOT_APPLICABLE)))) {
                return Optional.of(Answer.NOT_APPLICABLE);
            }
            if (parts.contains(Optional.of(Answer.ALTERNATIVE))) {
                return Optional.of(Answer.ALTERNATIVE);
            }
            return Optional.of(Answer.COMPLIANT);
        }

        public static Optional<RollUp> fromId(String id) {
            return Spelled.parse(RollUp.class, id);
        }
    }
}
