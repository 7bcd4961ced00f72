package jp.tachiiri.ui;

import java.util.Optional;
import jp.tachiiri.model.Language;

/** Moves between the app's screens; every screen gets one through its {@link UiContext}. */
interface Navigator {

    /** The list of inspections and facilities. */
    void home();

    /** One facility: its attributes, its inspections, and starting a new one. */
    void facility(String facilityId);

    /**
     * One inspection: its latest revision (or the given one, read-only when finalized), showing {@code itemId}
     * when given, else where the inspector was or the first question.
     */
    void inspection(String inspectionId, Optional<Integer> revision, Optional<String> itemId);

    /** Shows the screen again in another language. */
    void switchLanguage(Language language);
}
