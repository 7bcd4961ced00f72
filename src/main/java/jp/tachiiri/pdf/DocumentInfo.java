package jp.tachiiri.pdf;

import java.time.Instant;
import java.util.Objects;

/**
 * The PDF's metadata. {@code created} is its creation and modification date and {@code documentId} seeds the
 * trailer's /ID: both come from the caller, never from the clock, so that the same document is the same bytes.
 */
public record DocumentInfo(String title, String author, String subject, Instant created, long documentId) {

    public DocumentInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(created, "created");
    }
}
