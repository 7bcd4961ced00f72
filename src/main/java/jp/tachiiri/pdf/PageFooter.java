package jp.tachiiri.pdf;

import java.util.Objects;

/** The footer of every page: {@code left} at the left (it may wrap), the page number "n / N" at the right. */
public record PageFooter(String left) {

    public PageFooter {
        Objects.requireNonNull(left, "left");
    }
}
