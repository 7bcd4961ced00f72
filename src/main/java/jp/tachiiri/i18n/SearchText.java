package jp.tachiiri.i18n;

import java.text.Normalizer;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A query as every search of the app compares it (the tablet's facilities, the office's review list): the
 * same text typed in any of the ways a Japanese keyboard offers finds the same rows. Both the query and the
 * searched texts go through {@link #key}.
 */
public final class SearchText {

    private static final char TEXT_BREAK = '\n';

    private final String key;

    private SearchText(String key) {
        this.key = key;
    }

    /** The query as the user typed it. */
    public static SearchText of(String query) {
        return new SearchText(key(query));
    }

    /** True when the query holds nothing to look for (empty or only spaces): it then finds everything. */
    public boolean isEmpty() {
        return key.isEmpty();
    }

    /**
     * Whether one of {@code texts} contains the query. No match spans the end of one text and the start of the
     * next: the texts are folded as one (normalising is the costly part, and the office asks this of tens of
     * thousands of rows per keystroke), joined by line breaks, which a query's key never holds.
     */
    public boolean foundIn(String... texts) {
        if (key.isEmpty()) {
            return true;
        }
        StringJoiner joined = new StringJoiner(String.valueOf(TEXT_BREAK));
        for (String text : texts) {
            joined.add(text == null ? "" : text);
        }
        return fold(joined.toString(), true).contains(key);
    }

    /**
     * Text as the searches compare it: NFKC (full-width letters and digits to half-width, half-width katakana to
     * full-width), katakana to hiragana, lower case, and without any spaces (also the ideographic space). So
     * ミズホ, ﾐｽﾞﾎ and み ず ほ all find みずほ, and ＡＢＣ finds abc.
     */
    public static String key(String text) {
        return fold(text, false);
    }

    private static String fold(String text, boolean keepTextBreaks) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // In place in a char array: the office folds tens of thousands of rows per keystroke. Chars, not code
        // points, as every char this changes or drops is in the BMP (surrogates pass unchanged).
        char[] chars = normalized.toCharArray();
        int length = 0;
        for (char c : chars) {
            if (c == TEXT_BREAK && keepTextBreaks) {
                chars[length++] = c;
            } else if (c > ' ' && (c < 0x80 || !(Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
                chars[length++] = toHiragana(c);
            }
        }
        return new String(chars, 0, length);
    }

    /** ァ…ヶ and the iteration marks ヽヾ become their hiragana; everything else stays as it is. */
    private static char toHiragana(char c) {
        boolean katakana = (c >= '\u30A1' && c <= '\u30F6') || c == '\u30FD' || c == '\u30FE';
        return katakana ? (char) (c - 0x60) : c;
    }
}
