package jp.tachiiri.advice;

import static jp.tachiiri.advice.AdvicePrintoutTest.squeeze;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Section 2's table as a reader finds it in the printout's text: for each count (項目数, 対象外, …) its number
 * under each checkpoint and under 合計, in the order printed.
 */
record PrintedSummary(Map<String, List<Integer>> rows) {

    /** The counts' keys (advice.summary.KEY), top row first; 未回答 is printed only when an item is unanswered. */
    static final List<String> COUNTS = List.of("items", "excluded", "applicable", "compliant", "nonCompliant",
            "alternative", "notApplicable", "unanswered");
    /** The parts of 確認した項目. */
    static final List<String> ANSWERS = COUNTS.subList(3, COUNTS.size());
    static final String UNANSWERED = "unanswered";

    static PrintedSummary read(PDDocument document, Messages messages, Catalog catalog) throws IOException {
        String text = spaced(AdvicePrintoutTest.text(document));
        int from = text.indexOf(spaced(messages.get("advice.section.summary")));
        int to = text.indexOf(spaced(messages.get("advice.section.ministryItems")));
        assertThat(from).as("section 2").isNotNegative().isLessThan(to);
        String section = text.substring(from, to);
        List<String> header = new ArrayList<>();
        header.add(messages.get("advice.summary.count"));
        catalog.sections().forEach(checkpoint -> header.add(checkpoint.title().in(messages.language())));
        header.add(messages.get("advice.summary.total"));
        assertThat(squeeze(section)).as("the header: the checkpoints in catalog order, then the total")
                .contains(squeeze(String.join("", header)));

        int columns = catalog.sections().size() + 1;
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        int previous = 0;
        for (String key : COUNTS) {
            Matcher row = Pattern.compile(" " + label(messages.get("advice.summary." + key)) + "((?: \\d+){" + columns
                    + "}) ").matcher(section);
            if (!row.find()) {
                continue;
            }
            assertThat(row.start()).as("row %s below the rows before it", key).isGreaterThan(previous);
            previous = row.start();
            rows.put(key, Arrays.stream(row.group(1).strip().split(" ")).map(Integer::valueOf).toList());
        }
        assertThat(rows.keySet()).as("the rows of section 2").containsAll(COUNTS.subList(0, COUNTS.size() - 1));
        return new PrintedSummary(rows);
    }

    /** The numbers of a row: one per checkpoint, then the total. */
    List<Integer> row(String key) {
        assertThat(rows).containsKey(key);
        return rows.get(key);
    }

    /**
     * What a reader can check with a pencil: under each checkpoint and under 合計, 項目数 = 対象外 + 確認した項目 and
     * 確認した項目 = 適合 + 不適合 + 代替措置 + 該当なし (+ 未回答); along each row, 合計 = the sum of the checkpoints.
     */
    void assertAddsUp() {
        int columns = row("items").size();
        for (int column = 0; column < columns; column++) {
            int at = column;
            assertThat(row("items").get(at)).as("column %d: 項目数 = 対象外 + 確認した項目 in %s", at + 1, rows)
                    .isEqualTo(row("excluded").get(at) + row("applicable").get(at));
            assertThat(row("applicable").get(at)).as("column %d: 確認した項目 = the answers in %s", at + 1, rows)
                    .isEqualTo(ANSWERS.stream().filter(rows::containsKey).mapToInt(key -> rows.get(key).get(at)).sum());
        }
        rows.forEach((key, numbers) -> assertThat(numbers.get(columns - 1)).as("合計 of %s", key)
                .isEqualTo(numbers.subList(0, columns - 1).stream().mapToInt(Integer::intValue).sum()));
    }

    /** Runs of white space as one space; the ideographic space that indents a label is white space here too. */
    static String spaced(String text) {
        return text.replaceAll("[\\s\\u3000]+", " ");
    }

    /** A label as a pattern: a cell may wrap it between any two characters, which the text shows as a space. */
    private static String label(String label) {
        return spaced(label).strip().codePoints().mapToObj(Character::toString).map(Pattern::quote)
                .collect(Collectors.joining(" ?"));
    }
}
