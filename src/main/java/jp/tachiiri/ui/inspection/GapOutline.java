package jp.tachiiri.ui.inspection;

import java.util.Collection;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.ui.common.Scrolling;

/**
 * The field a jump from the list of what is missing lands on: outlined in red, scrolled into view and focused. The
 * outline stays until its gap is filled or the field is built anew.
 */
final class GapOutline {

    private static final String GAP_TARGET = "gap-target";

    private record Outlined(Node field, Gap gap) {
    }

    private Optional<Outlined> outlined = Optional.empty();

    /**
     * Where each gap is filled in, as a selector within the part of the screen that holds it: the item editor,
     * a row of the hospital's form, a vendor's block.
     */
    static String fieldOf(Gap.Kind kind) {
        return switch (kind) {
            case GATE_UNANSWERED, UNANSWERED -> "#answers";
            case ADVICE_MISSING -> "#advice";
            case TARGET_DATE_MISSING, TARGET_DATE_BEFORE_INSPECTION -> "#target-date";
            case JUSTIFICATION_MISSING, REASON_MISSING -> "#reason";
            case HOSPITAL_ANSWER_MISSING -> ".form-answers";
            case HOSPITAL_DATE_MISSING -> ".form-checked-on";
            case HOSPITAL_TARGET_MISSING, HOSPITAL_TARGET_AFTER_YEAR -> ".form-target-date";
            case VENDOR_FORM_MISSING -> ".vendor-status";
            case VENDOR_MISSING_REASON -> ".vendor-reason";
            case VENDOR_DATE_MISSING -> ".vendor-filled-on";
            case VENDOR_ANSWER_MISSING -> ".vendor-answers";
            case CONFIRMATION_MISSING, CONFIRMED_WITHOUT_ANSWER, CONFIRMED_AGAINST_FINDING -> "#confirmation";
            case CONFIRMATION_REASON_MISSING -> "#confirmation-reason";
        };
    }

    /**
     * Outlines the field of {@code gap} within {@code container} (taking any earlier outline off), brings it into
     * view in {@code scroll} and focuses it. Does nothing more than take the earlier outline off when the field is
     * not there.
     */
    void show(Gap gap, Node container, ScrollPane scroll) {
        forget();
        Node field = container.lookup(fieldOf(gap.kind()));
        if (field == null) {
            return;
        }
        field.getStyleClass().add(GAP_TARGET);
        outlined = Optional.of(new Outlined(field, gap));
        // Laid out now, not at the next pulse: the field's place is known only then.
        scroll.applyCss();
        scroll.layout();
        Scrolling.intoView(scroll, field);
        focusable(field).requestFocus();
    }

    /** Takes the outline off once its gap is no longer among {@code open}. */
    void keepOnly(Collection<Gap> open) {
        outlined.filter(shown -> !open.contains(shown.gap())).ifPresent(filled -> forget());
    }

    /** Takes the outline off: the field was filled, or is about to be replaced. */
    void forget() {
        outlined.ifPresent(shown -> shown.field().getStyleClass().remove(GAP_TARGET));
        outlined = Optional.empty();
    }

    /** What takes the focus for a field: a date picker's text, a control, or the first control in a group of buttons. */
    private static Node focusable(Node field) {
        if (field instanceof DatePicker picker) {
            return picker.getEditor();
        }
        if (field instanceof Control || !(field instanceof Parent parent)) {
            return field;
        }
        return parent.getChildrenUnmodifiable().stream().map(GapOutline::focusable)
                .filter(Control.class::isInstance).findFirst().orElse(field);
    }
}
