package jp.tachiiri.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;

/**
 * Turns off the bitmap cache JavaFX keeps of a scroll pane's viewport (every {@code TextArea} has such a scroll pane
 * inside). The cache's image comes from the renderer's shared image pool and goes back only when caching is turned
 * off; a viewport that is simply thrown away (the next question's editor replacing the last, another screen replacing
 * this one) leaves its image checked out. The pool holds it by a soft reference that it touches at every later
 * checkout, so it stays for as long as the app is used: about 0.3 MB for every note field shown, 2 MB for every
 * scrolled screen. Without the cache the viewport is drawn like any other node.
 */
public final class ViewportCache {

    private static final String VIEWPORT = "viewport";

    private ViewportCache() {
    }

    /** {@code control} (a scroll pane, or a control with one inside) with no bitmap cache of its viewport. */
    public static <T extends Control> T off(T control) {
        // The viewport, and a text area's scroll pane, are made by the skin, which is made when the control is styled.
        control.skinProperty().addListener((observable, old, skin) -> uncacheChildren(control));
        if (control.getSkin() != null) {
            uncacheChildren(control);
        }
        return control;
    }

    private static void uncacheChildren(Control control) {
        for (Node child : control.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains(VIEWPORT)) {
                child.setCache(false);
            } else if (child instanceof ScrollPane inner) {
                off(inner);
            }
        }
    }
}
