package jp.tachiiri.pdf;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Breaks text into lines no wider than a width, the Japanese way (禁則処理): the JDK's line rules
 * ({@link BreakIterator#getLineInstance(Locale)}) say where a line may break, which keeps closing brackets and
 * quotes, 。、, small kana, ー and the like off the start of a line and opening ones off its end; this class
 * adds what those rules miss. Latin words break at spaces only, and a number stays whole with its unit, and a
 * date with its parts (分離禁止: 令和9年3月31日, 200床, 3〜5日, 第1版, 30 days, 31 Mar 2027). Lines are filled
 * greedily. A '\n' starts a new line. Spaces at a break disappear. A word wider than the line is broken
 * between characters; only a single character wider than the whole line can exceed it.
 */
public final class LineBreaker {

    /**
     * Characters the JDK's rules let start a line although JIS X 4051 (and Unicode's line breaking since) does
     * not: the leaders … and ‥, the middle dot ・, the doubled marks ‼ ⁇ ⁈ ⁉, the marks 〻 〵 〼, small kana added
     * to Unicode later (ゕ ゖ and ㇰ to ㇿ), the half-width forms of 。、・, of small kana, of ー and of the sound
     * marks, and a solidus or bar between words (はい/いいえ).
     */
    private static final String NO_START_THE_JDK_MISSES = "…‥・‼⁇⁈⁉〻〵〼ゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
            + "｡､･ｧｨｩｪｫｬｭｮｯｰﾞﾟ/|";
    /**
     * Characters the JDK's rules let end a line before Japanese although they hold on to what follows: the signs
     * + and \ (which Japanese fonts draw as ¥) before a number, and the straight quote ".
     */
    private static final String NO_END_THE_JDK_MISSES = "+\\\"";

    /** A character that lets a line break on both sides of it unless its neighbour holds on. */
    private static final int KANA = 'あ';

    /** From the CJK radicals on, Unicode holds only characters set one by one, with no spaces between words. */
    private static final int FIRST_CJK = 0x2E80;

    /** Counters and units that stay with the number before them; 年 and 月 also with the number after (9年3月). */
    private static final String UNITS = "年月日時分秒週歳床台人名件回度円万千百億兆倍割個枚部号条項版世代箇所ヶケかカ％";
    /** Marks between two numbers that make them one: a range (3〜5日), a decimal point, a time (10：30). */
    private static final String JOINERS = "〜～－．，：／";
    /** Marks that stay with the number after them: 第1版, ￥1,000. */
    private static final String PREFIXES = "第￥＄＃№";
    private static final List<String> ERAS = List.of("令和", "平成", "昭和", "大正", "明治");
    private static final String ERA_ENDINGS = "和成正治";
    /** English month names, which stay with a day or year beside them: 31 Mar 2027, March 31, 2027. */
    private static final Pattern MONTH = Pattern.compile(
            "(?i)jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?"
                    + "|nov(ember)?|dec(ember)?");

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
        boolean[] jdkBreaks = jdkBreakOpportunities(text);
        StringBuilder line = new StringBuilder();
        int start = 0;
        for (int end = 1; end <= text.length; end++) {
            if (end < text.length && !canBreakBefore(text, end, jdkBreaks)) {
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

    /** Where the JDK's line rules let a line start, by code point: {@code [i]} is true for a break before text[i]. */
    private static boolean[] jdkBreakOpportunities(int[] text) {
        BreakIterator rules = BreakIterator.getLineInstance(Locale.JAPANESE);
        rules.setText(new String(text, 0, text.length));
        boolean[] opportunities = new boolean[text.length + 1];
        int codePoint = 0;
        int charIndex = 0;
        for (int boundary = rules.next(); boundary != BreakIterator.DONE; boundary = rules.next()) {
            while (charIndex < boundary) {
                charIndex += Character.charCount(text[codePoint++]);
            }
            opportunities[codePoint] = true;
        }
        return opportunities;
    }

    private static boolean canBreakBefore(int[] text, int index, boolean[] jdkBreaks) {
        int before = text[index - 1];
        int after = text[index];
        if (!jdkBreaks[index] || missedByTheJdk(before, after)) {
            return false;
        }
        if (before == ' ') {
            return !spaceInsideNumber(text, index);
        }
        // The JDK also breaks inside Latin words after '.', ':' and '-' (https:|//www.|mhlw.|go.|jp, e-|mail).
        return (before >= FIRST_CJK || after >= FIRST_CJK) && !insideNumber(text, index);
    }

    private static boolean missedByTheJdk(int before, int after) {
        return NO_START_THE_JDK_MISSES.indexOf(after) >= 0 || NO_END_THE_JDK_MISSES.indexOf(before) >= 0;
    }

    /** Between two characters of a number with its unit or of a date written the Japanese way. */
    private static boolean insideNumber(int[] text, int index) {
        int before = text[index - 1];
        int after = text[index];
        if (isNumeral(text, index)) {
            return numberEndsAt(text, index) || eraEndsAt(text, index) || PREFIXES.indexOf(before) >= 0
                    || JOINERS.indexOf(before) >= 0 && numberEndsAt(text, index - 1);
        }
        if (index + 1 < text.length && eraEndsAt(text, index + 1) && isNumeral(text, index + 1)) {
            return true; // inside the era's name: 令|和9年
        }
        return numberEndsAt(text, index) && (UNITS.indexOf(after) >= 0
                || JOINERS.indexOf(after) >= 0 && index + 1 < text.length && isNumeral(text, index + 1));
    }

    /** At spaces in English: 30 days, 250 床, 31 Mar 2027, March 31, 2027. */
    private static boolean spaceInsideNumber(int[] text, int index) {
        int last = index - 1;
        while (last >= 0 && text[last] == ' ') {
            last--;
        }
        if (last < 0) {
            return false;
        }
        int after = text[index];
        if (Character.isDigit(text[last])) {
            return Character.isLetter(after) && after < FIRST_CJK || UNITS.indexOf(after) >= 0;
        }
        if (!Character.isDigit(after)) {
            return false;
        }
        if (text[last] == ',') {
            return last > 0 && Character.isDigit(text[last - 1]);
        }
        int word = last;
        while (word > 0 && Character.isLetter(text[word - 1])) {
            word--;
        }
        return MONTH.matcher(new String(text, word, last + 1 - word)).matches();
    }

    /** A digit, or 元 of an era's first year (令和元年). */
    private static boolean isNumeral(int[] text, int index) {
        return Character.isDigit(text[index]) || text[index] == '元' && eraEndsAt(text, index);
    }

    /** The characters before {@code end} are a numeral, maybe followed by units: 9, 9年, 2027年度. */
    private static boolean numberEndsAt(int[] text, int end) {
        int last = end - 1;
        while (last >= 0 && UNITS.indexOf(text[last]) >= 0) {
            last--;
        }
        return last >= 0 && isNumeral(text, last);
    }

    private static boolean eraEndsAt(int[] text, int end) {
        // Asked at nearly every character: the last character rules out all but era names first.
        return end >= 2 && ERA_ENDINGS.indexOf(text[end - 1]) >= 0 && ERAS.contains(new String(text, end - 2, 2));
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

    /**
     * Inside a word too wide for a line, where no rule offers a break: anywhere the JDK's rules would break between
     * the two characters were each beside a kana (which never holds on to its neighbours), so that a closing
     * bracket still does not start a line nor an opening one end it.
     */
    private static boolean canBreakBetweenCharacters(int[] text, int index) {
        int before = text[index - 1];
        int after = text[index];
        return !isMark(after) && !missedByTheJdk(before, after)
                && jdkBreakOpportunities(new int[] {KANA, after})[1] && jdkBreakOpportunities(new int[] {before, KANA})[1];
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
