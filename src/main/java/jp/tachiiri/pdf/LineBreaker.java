package jp.tachiiri.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines no wider than a width, the Japanese way (禁則処理): a line may break between any two
 * Japanese characters and between Japanese and Latin text, Latin words break at spaces, and closing
 * punctuation, small kana and the like never start a line while opening brackets never end one. A '\n'
 * starts a new line. Spaces at a break disappear. A word wider than the line is broken between characters;
 * only a single character wider than the whole line can exceed it.
 */
public final class LineBreaker {

    private static final String NO_START = "。、，．・：；？！）」』】〕］｝〉》ー゛゜ヽヾゝゞ々"
            + "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ" + ")]},.;:!?%";
    private static final String NO_END = "（「『【〔［｛〈《" + "([{";

    /** From the CJK radicals on, Unicode holds only characters set one by one, with no spaces between words. */
    private static final int FIRST_CJK = 0x2E80;

    private LineBreaker() {
    }

    public static List<String> lines(String text, float width, WidthMeasure measure) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("line width " + width);
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            wrap(paragraph.codePoints().toArray(), width, measure, lines);
        }
        return lines;
    }

    /** Fills lines greedily with the pieces between break opportunities. */
    private static void wrap(int[] text, float width, WidthMeasure measure, List<String> lines) {
        StringBuilder line = new StringBuilder();
        int start = 0;
        for (int end = 1; end <= text.length; end++) {
            if (end < text.length && !canBreakBefore(text, end)) {
                continue;
            }
            String piece = new String(text, start, end - start);
            start = end;
            if (fits(line + piece, width, measure)) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(trimEnd(line.toString()));
                line.setLength(0);
            }
            if (fits(piece, width, measure)) {
                line.append(piece);
            } else {
                line.append(breakByCharacters(piece, width, measure, lines));
            }
        }
        lines.add(trimEnd(line.toString()));
    }

    private static boolean canBreakBefore(int[] text, int index) {
        int before = text[index - 1];
        int after = text[index];
        if (after == ' ' || isMark(after) || NO_START.indexOf(after) >= 0 || NO_END.indexOf(before) >= 0) {
            return false;
        }
        return before == ' ' || before >= FIRST_CJK || after >= FIRST_CJK;
    }

    /** Combining marks and format characters (variation selectors, joiners) belong to the character before. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }

    /**
     * Adds all but the last part of an over-long piece as lines and returns the last part, which the next
     * pieces may join. Each line takes as many characters as fit (at least one), less any that would break
     * the line-start and line-end rules.
     */
    private static String breakByCharacters(String piece, float width, WidthMeasure measure, List<String> lines) {
        int[] text = piece.codePoints().toArray();
        int start = 0;
        while (true) {
            int end = start + 1;
            while (end < text.length && fits(new String(text, start, end + 1 - start), width, measure)) {
                end++;
            }
            if (end == text.length) {
                return new String(text, start, end - start);
            }
            int kept = end;
            while (kept > start + 1 && !canBreakBetweenCharacters(text, kept)) {
                kept--;
            }
            lines.add(trimEnd(new String(text, start, kept - start)));
            start = kept;
        }
    }

    private static boolean canBreakBetweenCharacters(int[] text, int index) {
        return !isMark(text[index]) && NO_START.indexOf(text[index]) < 0 && NO_END.indexOf(text[index - 1]) < 0;
    }

    private static boolean fits(CharSequence text, float width, WidthMeasure measure) {
        return measure.width(trimEnd(text.toString())) <= width;
    }

    /** Only ASCII spaces go: an ideographic space (U+3000) is a character that takes its place. */
    private static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
