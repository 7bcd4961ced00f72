package jp.tachiiri.model;

import java.util.Objects;

/** A text in both languages of the product; both are required. */
public record LocalizedText(String ja, String en) {

    public LocalizedText {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    public String in(Language language) {
        return language == Language.EN ? en : ja;
    }
}
