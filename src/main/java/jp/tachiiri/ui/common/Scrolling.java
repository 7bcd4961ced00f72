package jp.tachiiri.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Bringing a field into view inside a scrolled screen: the one being typed into, the one a jump lands on. */
public final class Scrolling {

    private Scrolling() {
    }

    /** Scrolls vertically, if needed, so that {@code node} is in view, with some room above it. */
    public static void intoView(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double height = content.getBoundsInLocal().getHeight();
        if (height <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (height - viewport);
        if (bounds.getMinY() >= top && bounds.getMaxY() <= top + viewport) {
            return;
        }
        double wanted = Math.max(0, Math.min(height - viewport, bounds.getMinY() - viewport / 4));
        scroll.setVvalue(wanted / (height - viewport));
    }
}
