package jp.tachiiri.pdf;

import java.util.Objects;

/** A table column: its header and its width relative to the other columns' weights. */
public record Column(String header, float weight) {

    public Column {
        Objects.requireNonNull(header, "header");
        if (!(weight > 0 && Float.isFinite(weight))) {
            throw new IllegalArgumentException("column weight " + weight + " is not a positive number");
        }
    }
}
