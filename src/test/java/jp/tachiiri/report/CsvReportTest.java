package jp.tachiiri.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.testsupport.HospitalForms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV for the ministry and Excel, written from a real data folder and read back byte by byte. */
class CsvReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    /** A 不適合 of the demo's finalized inspection, given a target date after its fiscal year. */
    private static final String LATE_ITEM = "backup.offline-copy";
    /** 桜川's second contract, added for the test: its vendor's form did not come. */
    private static final VendorContract LAB_VENDOR = new VendorContract("デモ検査システム工房", "検査システム");
    private static final String MISSING_REASON = "事業者から未着（督促中）";
    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://example.com\")", "+81-3-0000-0000",
            "-1", "@SUM(A1)", "\tタブで始まる");

    @TempDir
    Path folder;

    private Workspace workspace;
    private String sakuragawa;
    private List<String> notedItems;
    private Map<String, HospitalFormEntry> hospitalForm;
    private LocalDate formsFilledOn;

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
        recordTheHospitalsAndVendorsForms(amended);
        workspace.inspections().finalizeInspection(sakuragawa, "test");
    }

    /**
     * 桜川's own form: the hospital says はい to two-factor authentication (2-⑩), which the inspector found 不適合, and
     * いいえ to 2-⑦, which the inspector found in place (both 相違); 3-① could not be checked (未確認); 3-③ the hospital
     * left blank (未確認 too). Its two vendor contracts: the EMR vendor's form received, the lab system's missing.
     */
    private void recordTheHospitalsAndVendorsForms(Inspection amended) {
        Facility facility = workspace.facilities().byId(amended.facilityId()).orElseThrow();
        VendorContract emrVendor = facility.vendors().get(0);
        workspace.facilities().save(new Facility(facility.id(), facility.code(), facility.name(), facility.kana(),
                facility.address(), facility.type(), facility.licensedBeds(), facility.hasMedicalInformationSystem(),
                facility.usesEmr(), List.of(emrVendor, LAB_VENDOR), facility.feeAddOnClaims(), facility.demo()));
        formsFilledOn = amended.date().minusDays(14);
        hospitalForm = new LinkedHashMap<>(HospitalForms.fill(workspace, sakuragawa, formsFilledOn,
                Set.of("2-⑩", "2-⑦"), Set.of("3-①")));
        HospitalFormEntry blank = HospitalFormEntry.empty("3-③")
                .withConfirmation(Optional.of(Confirmation.NOT_CONFIRMED), "医療機関確認用が未記入");
        workspace.selfCheck().recordHospitalForm(sakuragawa, List.of(blank), "test");
        hospitalForm.put("3-③", blank);
        VendorForm received = VendorForm.received(emrVendor).withFilledOn(Optional.of(formsFilledOn.minusDays(3)))
                .withAnswer("1-①", Optional.of(SelfCheckAnswer.YES))
                .withAnswer("2-⑦", Optional.of(SelfCheckAnswer.NO))
                .withAnswer("2-⑩", Optional.of(SelfCheckAnswer.YES));
        workspace.selfCheck().recordVendorForm(sakuragawa, received, "test");
        workspace.selfCheck().recordVendorForm(sakuragawa, new VendorForm(LAB_VENDOR, VendorForm.Status.MISSING,
                Optional.empty(), MISSING_REASON, Map.of()), "test");
    }

    @Test
    void oneRowPerInspectionAndItemWithTheBomJapaneseAndNoFormulas() throws Exception {
        Path out = folder.resolve("reports").resolve("fy2026.csv");
        CsvReport.Result result = workspace.csvReport().write(2026, out);
        workspace.close();

        byte[] bytes = Files.readAllBytes(out);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        // Every catalog item, the gate and one row per vendor contract (two).
        int itemsAndGate = workspace.catalogs().latest().items().size() + 1 + 2;
        // The finalized 桜川 inspection counts; the one in progress this year does not, last year's is another year.
        assertThat(result.inspections()).isEqualTo(1);
        assertThat(result.rows()).isEqualTo(itemsAndGate);
        assertThat(rows).hasSize(1 + itemsAndGate);
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("立入検査ID", "版", "医療機関コード", "施設名", "施設の種類", "許可病床数", "実施日",
                "チェックリスト版", "確認事項", "項目ID", "区分", "チェックリスト番号", "チェックリスト項目の結果", "項目", "回答",
                "はい/いいえ", "代替措置・該当なしの理由", "確認方法", "確認日", "目標日", "目標日が年度後", "要フォローアップ",
                "助言", "メモ", "医療機関の回答", "医療機関の確認日", "医療機関の目標日", "検査員の確認", "相違・未確認の理由",
                "事業者契約数", "事業者確認用の受領数", "事業者確認用の未提出数", "事業者確認用", "事業者の記入日", "未提出の理由",
                "事業者の回答");
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

        // The ministry's items first, then the vendor forms, then the 参考 ones apart; no 参考 row has a checklist
        // number or はい/いいえ.
        int scope = header.indexOf("区分");
        List<String> scopes = body.stream().map(row -> row.get(scope)).toList();
        assertThat(scopes.get(0)).isEqualTo("前提");
        List<String> order = List.of("チェックリスト", "事業者確認用", "参考");
        assertThat(scopes.subList(1, scopes.size())).isSortedAccordingTo(Comparator.comparing(order::indexOf))
                .containsAll(order);
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

    /**
     * Issue 16: beside the inspector's answer, every row of a ministry item has the hospital's answer, its dates and the
     * inspector's confirmation; every row has the inspection's vendor counts; one row per vendor contract says whether
     * its form came, when it was filled in, why it is missing and what the vendor answered.
     */
    @Test
    void theHospitalsFormAndTheVendorFormsStandBesideTheInspectorsAnswers() {
        List<List<String>> rows = writeAndReadBack();
        List<String> header = rows.get(0);
        List<List<String>> body = rows.subList(1, rows.size());
        Column column = name -> {
            int index = header.indexOf(name);
            assertThat(index).as(name).isNotNegative();
            return row -> row.get(index);
        };
        Cell scope = column.of("区分");
        Cell number = column.of("チェックリスト番号");
        Cell answer = column.of("回答");
        Cell hospital = column.of("医療機関の回答");
        Cell hospitalCheckedOn = column.of("医療機関の確認日");
        Cell hospitalTarget = column.of("医療機関の目標日");
        Cell confirmation = column.of("検査員の確認");
        Cell reason = column.of("相違・未確認の理由");
        String filledOn = formsFilledOn.toString();
        String yearEnd = "2027-03-31";

        // 2-⑩: the hospital says はい, the inspector found 不適合: 相違, with the reason; はい has no target date.
        assertThat(body).filteredOn(row -> number.in(row).equals("R7 2-⑩")).singleElement().satisfies(row -> {
            assertThat(answer.in(row)).isEqualTo("不適合");
            assertThat(List.of(hospital.in(row), hospitalCheckedOn.in(row), hospitalTarget.in(row), confirmation.in(row),
                    reason.in(row))).containsExactly("はい", filledOn, "", "相違", HospitalForms.DIFFERS_REASON);
        });
        // 2-⑦ the other way round: いいえ with its target date at the fiscal year's end, against 適合.
        assertThat(body).filteredOn(row -> number.in(row).equals("R7 2-⑦")).singleElement().satisfies(row -> {
            assertThat(answer.in(row)).isEqualTo("適合");
            assertThat(List.of(hospital.in(row), hospitalCheckedOn.in(row), hospitalTarget.in(row), confirmation.in(row),
                    reason.in(row))).containsExactly("いいえ", filledOn, yearEnd, "相違", HospitalForms.DIFFERS_REASON);
        });
        // 3-②: the hospital's one row for the ministry item stands on each of its seven parts, as its one result does.
        assertThat(body).filteredOn(row -> number.in(row).equals("R7 3-②")).hasSize(7).allSatisfy(row ->
                assertThat(List.of(hospital.in(row), hospitalCheckedOn.in(row), hospitalTarget.in(row), confirmation.in(row),
                        reason.in(row))).containsExactly("いいえ", filledOn, yearEnd, "確認", ""));
        assertThat(body).filteredOn(row -> number.in(row).equals("R7 3-①")).singleElement().satisfies(row ->
                assertThat(List.of(hospital.in(row), confirmation.in(row), reason.in(row)))
                        .containsExactly("はい", "未確認", HospitalForms.NOT_CONFIRMED_REASON));
        // Left blank by the hospital: nothing but the inspector's 未確認 and why.
        assertThat(body).filteredOn(row -> number.in(row).equals("R7 3-③")).singleElement().satisfies(row ->
                assertThat(List.of(hospital.in(row), hospitalCheckedOn.in(row), hospitalTarget.in(row), confirmation.in(row),
                        reason.in(row))).containsExactly("", "", "", "未確認", "医療機関確認用が未記入"));
        // Every other ministry item: what the hospital's form says, read back from the store.
        assertThat(body).filteredOn(row -> scope.in(row).equals("チェックリスト")).allSatisfy(row -> {
            HospitalFormEntry stored = hospitalForm.get(number.in(row).substring("R7 ".length()));
            assertThat(hospital.in(row)).isEqualTo(stored.answer().map(each -> each == SelfCheckAnswer.YES ? "はい" : "いいえ")
                    .orElse(""));
            assertThat(hospitalTarget.in(row)).isEqualTo(stored.targetDate().map(Object::toString).orElse(""));
            assertThat(confirmation.in(row)).isNotEmpty();
        });
        // The gate, the vendors and the 参考 items have no row of the hospital's form.
        assertThat(body).filteredOn(row -> !scope.in(row).equals("チェックリスト")).allSatisfy(row ->
                assertThat(List.of(hospital.in(row), hospitalCheckedOn.in(row), hospitalTarget.in(row), confirmation.in(row),
                        reason.in(row))).containsOnly(""));

        // Two contracts, one form received, one missing: on every row, to filter the inspections by.
        assertThat(body).allSatisfy(row -> assertThat(List.of(column.of("事業者契約数").in(row),
                column.of("事業者確認用の受領数").in(row), column.of("事業者確認用の未提出数").in(row)))
                .containsExactly("2", "1", "1"));
        Cell item = column.of("項目");
        List<String> vendorColumns = List.of("事業者確認用", "事業者の記入日", "未提出の理由", "事業者の回答");
        List<List<String>> vendors = body.stream().filter(row -> scope.in(row).equals("事業者確認用")).toList();
        assertThat(vendors).extracting(item::in).containsExactly("デモメディカルシステムズ株式会社 / 電子カルテ",
                "デモ検査システム工房 / 検査システム");
        assertThat(vendorColumns.stream().map(name -> column.of(name).in(vendors.get(0)))).containsExactly("受領",
                formsFilledOn.minusDays(3).toString(), "", "R7 1-① はい、R7 2-⑦ いいえ、R7 2-⑩ はい");
        assertThat(vendorColumns.stream().map(name -> column.of(name).in(vendors.get(1))))
                .containsExactly("未提出", "", MISSING_REASON, "");
        // A vendor row is no item: no id, number, answer or date of the inspector's.
        assertThat(vendors).allSatisfy(row -> assertThat(List.of(column.of("項目ID").in(row), number.in(row), answer.in(row),
                column.of("確認日").in(row), column.of("チェックリスト項目の結果").in(row))).containsOnly(""));
        assertThat(body).filteredOn(row -> !scope.in(row).equals("事業者確認用")).allSatisfy(row ->
                assertThat(vendorColumns.stream().map(name -> column.of(name).in(row))).containsOnly(""));
    }

    /** A column of the file, found by its header. */
    @FunctionalInterface
    private interface Column {
        Cell of(String name);
    }

    /** One column's cell of a row. */
    @FunctionalInterface
    private interface Cell {
        String in(List<String> row);
    }

    private List<List<String>> writeAndReadBack() {
        Path out = folder.resolve("reports").resolve("fy2026-forms.csv");
        workspace.csvReport().write(2026, out);
        try {
            byte[] bytes = Files.readAllBytes(out);
            return parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
