package jp.tachiiri.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** A tooltip that a tap shows too, below what was tapped: a tablet has no hover. A tap anywhere else hides it. */
public final class TapTooltip {

    private TapTooltip() {
    }

    /** Shows {@code text} (a shortened name or title, whole) on hover and on a tap on {@code node}. */
    public static Tooltip install(Node node, String text, double maxWidth) {
        Tooltip whole = new Tooltip(text);
        whole.setWrapText(true);
        whole.setMaxWidth(maxWidth);
        install(node, whole);
        return whole;
    }

    /** As {@link #install(Node, String, double)}, with a tooltip several nodes share. */
    public static void install(Node node, Tooltip whole) {
        whole.setAutoHide(true);
        if (node instanceof Control control) {
            control.setTooltip(whole);
        } else {
            Tooltip.install(node, whole);
        }
        node.setOnMouseClicked(event -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            if (bounds != null) {
                whole.show(node, bounds.getMinX(), bounds.getMaxY());
            }
        });
    }
}
