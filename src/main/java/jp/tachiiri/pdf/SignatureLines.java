package jp.tachiiri.pdf;

import java.util.List;
import java.util.Objects;

/**
 * One line per label (e.g. 「説明者」「受領者」) with a rule to sign on and, to its right, a date caption with a
 * rule to write the date on. The lines are kept together on one page.
 */
public record SignatureLines(List<String> labels, String dateCaption) implements Block {

    public SignatureLines {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("signature lines need at least one label");
        }
        Objects.requireNonNull(dateCaption, "dateCaption");
    }

    /** With the date caption 「日付」. */
    public SignatureLines(List<String> labels) {
        this(labels, "日付");
    }
}
