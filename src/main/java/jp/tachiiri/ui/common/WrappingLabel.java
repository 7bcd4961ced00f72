package jp.tachiiri.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A label that wraps and keeps every line: a dialog would otherwise cut a long text short with an ellipsis. */
public final class WrappingLabel extends Label {

    public WrappingLabel(String text) {
        super(text);
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** As wide as {@code width} at most, its text wrapped within it. */
    public WrappingLabel(String text, double width) {
        this(text);
        setMaxWidth(width);
    }
}
