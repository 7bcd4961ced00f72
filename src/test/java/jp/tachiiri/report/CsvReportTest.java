package jp.tachiiri.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Inspection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV for the ministry and Excel, written from a real data folder and read back byte by byte. */
class CsvReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    /** A 不適合 of the demo's finalized inspection, given a target date after its fiscal year. */
    private static final String LATE_ITEM = "backup.offline-copy";
    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://example.com\")", "+81-3-0000-0000",
            "-1", "@SUM(A1)", "\tタブで始まる");

    @TempDir
    Path folder;

    private Workspace workspace;
    private String sakuragawa;
    private List<String> notedItems;

    @BeforeEach
    void demoWithNotesThatLookLikeFormulas() {
        workspace = Workspace.open(folder.resolve("data"), CLOCK);
        workspace.demo().seed();
        sakuragawa = workspace.inspections().list().stream().filter(s -> s.facilityName().contains("桜川")).findFirst()
                .orElseThrow().id();
        Inspection amended = workspace.inspections().amend(sakuragawa, "メモの追記", "test");
        Map<String, Finding> findings = workspace.inspections().findings(sakuragawa, amended.revision());
        String gate = workspace.inspections().catalogOf(amended).gate().id();
        notedItems = findings.keySet().stream().filter(id -> !id.equals(gate)).sorted().limit(FORMULAS.size() + 1).toList();
        for (int i = 0; i < FORMULAS.size(); i++) {
            workspace.inspections().record(sakuragawa, findings.get(notedItems.get(i)).withNote(FORMULAS.get(i)), "test");
        }
        workspace.inspections().record(sakuragawa,
                findings.get(notedItems.get(FORMULAS.size())).withNote("カンマ, \"引用\"\n改行"), "test");
        // A target date a day after the end of the inspection's fiscal year: kept, and flagged in the file.
        LocalDate yearEnd = FiscalYear.of(amended.date()).end().minusDays(1);
        Finding late = workspace.inspections().findings(sakuragawa, amended.revision()).get(LATE_ITEM);
        workspace.inspections().record(sakuragawa, late.withTargetDate(yearEnd.plusDays(1)), "test");
        workspace.inspections().finalizeInspection(sakuragawa, "test");
    }

    @Test
    void oneRowPerInspectionAndItemWithTheBomJapaneseAndNoFormulas() throws Exception {
        Path out = folder.resolve("reports").resolve("fy2026.csv");
        CsvReport.Result result = workspace.csvReport().write(2026, out);
        workspace.close();

        byte[] bytes = Files.readAllBytes(out);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        int itemsAndGate = workspace.catalogs().latest().items().size() + 1;
        // The finalized 桜川 inspection counts; the one in progress this year does not, last year's is another year.
        assertThat(result.inspections()).isEqualTo(1);
        assertThat(result.rows()).isEqualTo(itemsAndGate);
        assertThat(rows).hasSize(1 + itemsAndGate);
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("立入検査ID", "版", "医療機関コード", "施設名", "施設の種類", "許可病床数", "実施日",
                "チェックリスト版", "確認事項", "項目ID", "区分", "チェックリスト番号", "チェックリスト項目の結果", "項目", "回答",
                "はい/いいえ", "代替措置・該当なしの理由", "確認方法", "確認日", "目標日", "目標日が年度後", "要フォローアップ",
                "助言", "メモ");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(header.size()));
        int itemId = header.indexOf("項目ID");
        int note = header.indexOf("メモ");

        List<List<String>> body = rows.subList(1, rows.size());
        assertThat(body).allSatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(sakuragawa);
            assertThat(row.get(1)).as("the newest finalized revision").isEqualTo("2");
            assertThat(row.get(3)).isEqualTo("デモ 桜川記念病院");
            assertThat(row.get(header.indexOf("施設の種類"))).isEqualTo("病院");
        });
        assertThat(body.get(0).get(itemId)).isEqualTo("gate.medical-information-system");
        for (int i = 0; i < FORMULAS.size(); i++) {
            String id = notedItems.get(i);
            List<String> row = body.stream().filter(r -> r.get(itemId).equals(id)).findFirst().orElseThrow();
            assertThat(row.get(note)).as("note of %s", id).isEqualTo("'" + FORMULAS.get(i));
        }
        List<String> quoted = body.stream().filter(r -> r.get(itemId).equals(notedItems.get(FORMULAS.size()))).findFirst().orElseThrow();
        assertThat(quoted.get(note)).isEqualTo("カンマ, \"引用\"\n改行");
        assertThat(body).allSatisfy(row -> assertThat(row).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0));

        // The ministry's items first, then the 参考 ones apart; no 参考 row has a checklist number or はい/いいえ.
        int scope = header.indexOf("区分");
        List<String> scopes = body.stream().map(row -> row.get(scope)).toList();
        assertThat(scopes.get(0)).isEqualTo("前提");
        assertThat(scopes.subList(1, scopes.size())).isSortedAccordingTo(Comparator.comparing("参考"::equals))
                .contains("チェックリスト", "参考");
        int number = header.indexOf("チェックリスト番号");
        int ministryResult = header.indexOf("チェックリスト項目の結果");
        int yesNoColumn = header.indexOf("はい/いいえ");
        assertThat(body).filteredOn(row -> row.get(scope).equals("参考"))
                .allSatisfy(row -> assertThat(List.of(row.get(number), row.get(ministryResult), row.get(yesNoColumn)))
                        .containsOnly(""));

        // Every part of 3-② carries 3-②'s one result: the demo's offline copy is 不適合, so 3-② is いいえ.
        List<List<String>> backup = body.stream().filter(row -> row.get(number).equals("R7 3-②")).toList();
        assertThat(backup).hasSize(7).allSatisfy(row -> {
            assertThat(row.get(ministryResult)).isEqualTo("不適合");
            assertThat(row.get(yesNoColumn)).isEqualTo("いいえ");
        });
        assertThat(backup).filteredOn(row -> row.get(itemId).equals("backup.generations"))
                .singleElement().satisfies(row -> assertThat(row.get(header.indexOf("回答"))).isEqualTo("適合"));

        Map<Answer, String> yesNo = Map.of(Answer.COMPLIANT, "はい", Answer.NON_COMPLIANT, "いいえ",
                Answer.NOT_APPLICABLE, "");
        Map<String, Finding> findings = workspaceFindings();
        for (List<String> row : body) {
            Finding finding = findings.get(row.get(itemId));
            if (finding != null && finding.answer().isPresent() && row.get(scope).equals("チェックリスト")
                    && !row.get(number).equals("R7 3-②") && yesNo.containsKey(finding.answer().get())) {
                assertThat(row.get(yesNoColumn)).as("はい/いいえ of %s", row.get(itemId))
                        .isEqualTo(yesNo.get(finding.answer().get()));
            }
            if (finding != null) {
                assertThat(row.get(header.indexOf("目標日"))).isEqualTo(finding.targetDate().map(Object::toString).orElse(""));
                assertThat(row.get(header.indexOf("目標日が年度後"))).as("目標日が年度後 of %s", row.get(itemId))
                        .isEqualTo(row.get(itemId).equals(LATE_ITEM) ? "年度後" : "");
            }
        }
    }

    @Test
    void anUnwritableDestinationIsReportedAndLeavesNothingBehind() throws Exception {
        Path blocked = Files.writeString(folder.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> workspace.csvReport().write(2026, blocked.resolve("fy.csv")))
                .isInstanceOfSatisfying(UserFacingException.class, error -> assertThat(error.key()).isEqualTo("report.error.write"));
        workspace.close();
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("data", "not-a-folder");
        }
    }

    private Map<String, Finding> workspaceFindings() {
        try (Workspace reopened = Workspace.open(folder.resolve("data"), CLOCK)) {
            return reopened.inspections().findings(sakuragawa, 2);
        }
    }

    /** RFC 4180, as Excel reads it: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
