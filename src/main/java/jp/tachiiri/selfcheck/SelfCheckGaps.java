package jp.tachiiri.selfcheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;

/**
 * What the ministry asks inspectors to confirm of the forms, as gaps: every item of the hospital's form answered
 * and dated, a target date for every いいえ (within the fiscal year, or the item's own later year), a form or the
 * reason it is missing for every vendor contract, answered and dated; and the inspector's confirmation of every
 * ministry item. Nothing is asked when the gate says the facility has no medical information system.
 */
public final class SelfCheckGaps {

    private SelfCheckGaps() {
    }

    /** The gaps in the ministry's order of items, the hospital's form, then vendors, then confirmations. */
    public static List<Gap> of(Checklist checklist, SelfCheck selfCheck, List<VendorContract> contracts) {
        if (checklist.gate().answer().equals(Optional.of(Answer.NO))) {
            return List.of();
        }
        List<Gap> gaps = new ArrayList<>();
        List<MinistryResult> results = checklist.ministryResults();
        for (MinistryResult result : results) {
            hospitalRow(checklist, result, selfCheck.entry(result.item().number()), gaps);
        }
        for (VendorContract contract : contracts) {
            vendorForm(checklist, contract, selfCheck.vendorForm(contract), gaps);
        }
        for (MinistryResult result : results) {
            confirmation(result, selfCheck.entry(result.item().number()), gaps);
        }
        return gaps;
    }

    /**
     * The last day the hospital's target date for a ministry item is expected by: the latest of its parts' (two-factor
     * authentication has a later year than the rest).
     */
    public static LocalDate targetYearEnd(Checklist checklist, MinistryResult result) {
        return result.parts().stream().map(part -> checklist.targetYearEnd(part.item())).max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static void hospitalRow(Checklist checklist, MinistryResult result, HospitalFormEntry entry, List<Gap> gaps) {
        String number = result.item().number();
        if (entry.answer().isEmpty()) {
            gaps.add(new Gap(number, Gap.Kind.HOSPITAL_ANSWER_MISSING));
        }
        if (entry.checkedOn().isEmpty()) {
            gaps.add(new Gap(number, Gap.Kind.HOSPITAL_DATE_MISSING));
        }
        if (entry.answer().equals(Optional.of(SelfCheckAnswer.NO))) {
            if (entry.targetDate().isEmpty()) {
                gaps.add(new Gap(number, Gap.Kind.HOSPITAL_TARGET_MISSING));
            } else if (entry.targetDate().get().isAfter(targetYearEnd(checklist, result))) {
                gaps.add(new Gap(number, Gap.Kind.HOSPITAL_TARGET_AFTER_YEAR));
            }
        }
    }

    private static void vendorForm(Checklist checklist, VendorContract contract, Optional<VendorForm> form, List<Gap> gaps) {
        String key = contract.key();
        if (form.isEmpty()) {
            gaps.add(new Gap(key, Gap.Kind.VENDOR_FORM_MISSING));
            return;
        }
        VendorForm recorded = form.get();
        if (recorded.status() == VendorForm.Status.MISSING) {
            if (recorded.missingReason().isBlank()) {
                gaps.add(new Gap(key, Gap.Kind.VENDOR_MISSING_REASON));
            }
            return;
        }
        if (recorded.filledOn().isEmpty()) {
            gaps.add(new Gap(key, Gap.Kind.VENDOR_DATE_MISSING));
        }
        boolean unanswered = checklist.catalog().ministryItems().stream().filter(MinistryItem::onVendorForm)
                .anyMatch(item -> recorded.answer(item.number()).isEmpty());
        if (unanswered) {
            gaps.add(new Gap(key, Gap.Kind.VENDOR_ANSWER_MISSING));
        }
    }

    private static void confirmation(MinistryResult result, HospitalFormEntry entry, List<Gap> gaps) {
        String number = result.item().number();
        if (entry.confirmation().isEmpty()) {
            gaps.add(new Gap(number, Gap.Kind.CONFIRMATION_MISSING));
            return;
        }
        Confirmation confirmation = entry.confirmation().get();
        if (confirmation != Confirmation.AGREES) {
            if (entry.confirmationReason().isBlank()) {
                gaps.add(new Gap(number, Gap.Kind.CONFIRMATION_REASON_MISSING));
            }
            return;
        }
        if (entry.answer().isEmpty()) {
            gaps.add(new Gap(number, Gap.Kind.CONFIRMED_WITHOUT_ANSWER));
        } else if (contradicts(entry.answer().get(), result.answer())) {
            gaps.add(new Gap(number, Gap.Kind.CONFIRMED_AGAINST_FINDING));
        }
    }

    /**
     * Whether the inspector's own result for a ministry item says the opposite of the hospital's answer: はい against
     * 不適合, いいえ against 適合 or 代替措置. 該当なし and an item not yet answered contradict nothing.
     */
    public static boolean contradicts(SelfCheckAnswer hospital, Optional<Answer> inspector) {
        if (inspector.isEmpty()) {
            return false;
        }
        return switch (inspector.get()) {
            case NON_COMPLIANT -> hospital == SelfCheckAnswer.YES;
            case COMPLIANT, ALTERNATIVE -> hospital == SelfCheckAnswer.NO;
            default -> false;
        };
    }

}
