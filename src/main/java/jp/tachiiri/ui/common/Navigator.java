package jp.tachiiri.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import jp.tachiiri.model.Language;

/** Moves between the app's screens; every screen gets one through its {@link UiContext}. */
public interface Navigator {

    /** The list of inspections and facilities. */
    void home();

    /** The list, with {@code notice} confirming what was just done; it stays until closed or the screen changes. */
    void home(String notice);

    /** One facility: its attributes, its inspections, and starting a new one. */
    void facility(String facilityId);

    /**
     * One inspection: its latest revision (or the given one, read-only when finalized), showing {@code itemId}
     * when given, else where the inspector was or the first question.
     */
    void inspection(String inspectionId, Optional<Integer> revision, Optional<String> itemId);

    /** The office's dashboard of compliance figures. */
    void dashboard();

    /** Sending findings to the office and receiving its answers. */
    void transfer();

    /**
     * The current screen's way to store what it still holds (text typed a moment ago): run before another
     * screen is shown, when the window is closed and when the platform pauses the app.
     */
    void beforeLeaving(Runnable flush);

    /** Opens a file the app wrote (a printout): the system's viewer on a desktop, the share sheet on a tablet. */
    void openDocument(Path file);

    /** Shows the screen again in another language. */
    void switchLanguage(Language language);
}
