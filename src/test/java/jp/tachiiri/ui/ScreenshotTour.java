package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.Role;
import jp.tachiiri.review.Decision;
import jp.tachiiri.sync.SyncService;
import jp.tachiiri.workbook.WorkbookRequest;
import jp.tachiiri.testsupport.DemoFollowUps;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.HospitalForms;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: takes the README's screenshots (docs/screenshots) by going through the app on the demo data, as a
 * user would, at 1280×800 and 800×1280. Its name keeps it out of the test run; run it after a change to a screen:
 * {@code mvn -o test -Dtest=ScreenshotTour -Dfuzz.skip=true} (or {@code -Dtour.out=DIR} to write elsewhere), then
 * look at the pictures before committing them.
 */
class ScreenshotTour {

    private static final Path OUT = Path.of(System.getProperty("tour.out", "docs/screenshots"));

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theInspectorsScreens() throws Exception {
        // The app's "open the document" has no viewer here; the tour only needs the pictures.
        WaitForAsyncUtils.autoCheckException = false;
        Files.createDirectories(OUT);
        Path tablet = data.resolve("tablet");
        app.start(() -> new TachiiriApp(tablet, (owner, title) -> List.of()));
        waitFor("the list", () -> UiTestSupport.rows(robot, "#facilities") == 5);
        both("home-ja.png", "home-ja-portrait.png");

        waitFor("the facility's row", () -> UiTestSupport.cell(robot, "#facilities", "デモ みずほ台病院") != null);
        UiTestSupport.openRow(robot, "#facilities", "デモ みずほ台病院");
        waitFor("the facility", () -> robot.lookup(".facility-screen").tryQuery().isPresent());
        // A fee add-on claim, to show its row.
        fire(robot, "#claim-add");
        waitFor("a claim row", () -> robot.lookup("#claim-from-0").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#claim-addOn-0").<ComboBox<String>>query().setValue("records-management-2-2024");
            robot.lookup("#claim-from-0").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 6, 1));
        });
        both("facility-ja-landscape.png", "facility-ja-portrait.png");
        fire(robot, "#back");

        UiTestSupport.openInspection(robot, "実施中");
        // First the hospital's own form, copied into the grid: blanks はい, one date for all, two いいえ with targets.
        fire(robot, "#section-hospital-form");
        waitFor("the hospital's form", () -> robot.lookup("#hospital-row-0").tryQuery().isPresent());
        fire(robot, "#hospital-all-yes");
        LocalDate checked = LocalDate.now().minusDays(10);
        robot.interact(() -> robot.lookup("#bulk-date").queryAs(DatePicker.class).setValue(checked));
        fire(robot, "#bulk-undated");
        for (int row : new int[] {10, 13}) {
            ToggleButton no = robot.lookup("#hospital-no-" + row).queryAs(ToggleButton.class);
            if (!no.isSelected()) {
                fire(robot, "#hospital-no-" + row);
            }
        }
        robot.interact(() -> {
            robot.lookup("#hospital-target-10").queryAs(DatePicker.class).setValue(checked.plusMonths(3));
            robot.lookup("#hospital-target-13").queryAs(DatePicker.class).setValue(FiscalYear.of(checked).end().plusMonths(2));
        });
        // The いいえ rows in view, in either orientation.
        Runnable noRowsInView = () -> robot.interact(() -> UiTestSupport.scrollIntoView(robot.lookup("#hospital-row-10").query()));
        noRowsInView.run();
        shoot("inspection-hospital-form-ja-landscape.png");
        app.resize(800, 1280);
        noRowsInView.run();
        shoot("inspection-hospital-form-ja-portrait.png");
        app.resize(1280, 800);
        // The vendors' forms: one received and answered, one missing with the reason.
        fire(robot, "#section-vendor-forms");
        fire(robot, "#vendor-received-0");
        waitFor("the received form's items", () -> robot.lookup("#vendor-all-yes-0").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#vendor-filled-0").queryAs(DatePicker.class).setValue(checked.minusDays(5)));
        fire(robot, "#vendor-all-yes-0");
        fire(robot, "#vendor-missing-1");
        waitFor("the reason asked", () -> robot.lookup("#vendor-reason-1").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#vendor-reason-1").queryAs(TextArea.class)
                .setText("契約更新の手続き中で、事業者から未着（11月末に提出予定と回答あり）"));
        waitFor("the reason stored", () -> robot.lookup("#section-vendor-forms .section-progress").tryQuery()
                .map(count -> ((Label) count).getText().equals("2/2")).orElse(false));
        both("inspection-vendor-forms-ja-landscape.png", "inspection-vendor-forms-ja-portrait.png");
        fire(robot, "#section-vulnerability");
        waitFor("a non-compliant item", () -> robot.lookup("#item-list .answer-non_compliant").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#item-list .answer-non_compliant").queryAs(Node.class));
        waitFor("its advice", () -> robot.lookup("#advice").tryQuery().isPresent());
        both("inspection-ja-landscape.png", "inspection-ja-portrait.png");
        // The confirmation pass: the hospital said はい where the inspector found 不適合, a 相違 with its reason.
        fire(robot, "#confirm-DIFFERS");
        waitFor("the reason asked", () -> robot.lookup("#confirmation-reason").query().isVisible());
        robot.interact(() -> robot.lookup("#confirmation-reason").queryAs(TextArea.class)
                .setText("アクセスログは保存しているが、削除から保護されていない（管理者が削除できる設定）"));
        robot.interact(() -> UiTestSupport.scrollIntoView(robot.lookup("#confirmation-panel").query()));
        // Stored after the pause in typing, which redraws the item list: the tour goes on once it is.
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        both("inspection-confirmation-ja-landscape.png", "inspection-confirmation-ja-portrait.png");
        // A part of the ministry's 3-②, with the one answer its seven parts make; 参考 items marked in the list.
        fire(robot, "#section-backup");
        waitFor("the backup items", () -> robot.lookup("#item-list .reference-mark").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#item-list .list-cell").nth(1).queryAs(Node.class));
        waitFor("its place in the checklist", () -> robot.lookup(".item-ref").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().contains("3-②")));
        shoot("inspection-ministry-part-ja.png");
        fire(robot, "#finalize");
        waitFor("what is missing", () -> robot.lookup("#gap-list").tryQuery().isPresent());
        // Its end: the confirmations still to make, then what the hospital left to be named on the printout.
        UiTestSupport.scrollTo(robot, robot.lookup("#gap-list .gap-row").query(), 1);
        shootDialog("inspection-gaps-ja.png");
        closeDialog();
        fire(robot, "#audit-trail");
        waitFor("the audit trail", () -> robot.lookup("#audit-table").tryQuery().isPresent());
        shootDialog("inspection-audit-ja.png");
        closeDialog();
        fire(robot, "#advice-printout");
        waitFor("the preview", () -> robot.lookup("#advice-pages .advice-page").tryQuery().isPresent());
        shootDialog("advice-preview-ja.png");
        closeDialog();
        fire(robot, "#back");

        // The findings go to the office, which returns one with comments and plans an inspection.
        fire(robot, "#transfer");
        Path usb = data.resolve("usb");
        Path inbox = data.resolve("inbox");
        robot.interact(() -> {
            robot.lookup("#sync-outbox").queryAs(TextField.class).setText(usb.toString());
            robot.lookup("#sync-inbox").queryAs(TextField.class).setText(inbox.toString());
        });
        // First the tablet's enrolment file: the office enrols it and answers with its own keys in a file sealed to it.
        fire(robot, "#sync-enrolment");
        waitFor("the enrolment written", () -> Files.isDirectory(usb) && !SyncService.filesOf(usb).isEmpty());
        String officeFingerprint = enrolAtAnOffice(data.resolve("office"), SyncService.filesOf(usb).get(0), inbox);
        fire(robot, "#sync-import");
        waitFor("the question whether to enrol the office", () -> robot.lookup("#sync-enrol").tryQuery().isPresent());
        String shown = robot.lookup("#sync-device-fingerprint").queryAs(Label.class).getText();
        robot.interact(() -> robot.lookup("#sync-fingerprint-code").queryAs(TextField.class)
                .setText(UiTestSupport.hiddenGroups(shown, officeFingerprint)));
        shootDialog("sync-enrol-ja.png");
        fire(robot, "#sync-enrol");
        waitFor("the office's first file imported", () -> list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("取り込みました")));
        fire(robot, "#sync-export");
        waitFor("the findings written", () -> SyncService.filesOf(usb).stream()
                .anyMatch(file -> file.getFileName().toString().startsWith("tachiiri_findings_")));
        answerFromAnOffice(data.resolve("office"), SyncService.filesOf(usb).stream()
                .filter(file -> file.getFileName().toString().startsWith("tachiiri_findings_")).findFirst().orElseThrow(), inbox);
        fire(robot, "#sync-import");
        waitFor("the return listed", () -> list("#sync-returned").getItems().size() == 1);
        app.resize(800, 1280);
        shoot("sync-ja-portrait.png");
        app.resize(1280, 800);
        Node returnedRow = robot.lookup("#sync-returned .list-cell").nth(0).queryAs(Node.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(returnedRow));
        robot.clickOn(returnedRow);
        waitFor("the returned inspection", () -> robot.lookup("#return-banner").tryQuery().isPresent());
        fire(robot, "#section-vulnerability");
        robot.clickOn(robot.lookup("#item-list .comment-mark").queryAs(Node.class));
        waitFor("the item's comment", () -> robot.lookup("#office-comment").tryQuery().isPresent());
        shoot("inspection-returned-ja.png");
        fire(robot, "#back");

        // A file from another office: the tablet's office is changed only deliberately.
        Path otherInbox = data.resolve("inbox-2");
        String otherFingerprint;
        try (Workspace other = Offices.open(data.resolve("office-2"), Clock.systemUTC());
             Workspace ownTablet = Workspace.open(tablet, Clock.systemUTC())) {
            Enrolments.enrol(other, ownTablet);
            other.sync().exportAssignments(otherInbox, Optional.empty(), List.of());
            otherFingerprint = other.sync().identity().fingerprint();
        }
        fire(robot, "#transfer");
        robot.interact(() -> robot.lookup("#sync-inbox").queryAs(TextField.class).setText(otherInbox.toString()));
        fire(robot, "#sync-import");
        waitFor("the question whether to change the office", () -> robot.lookup("#sync-change-office").tryQuery().isPresent());
        String shownOther = robot.lookup("#sync-device-fingerprint").queryAs(Label.class).getText();
        robot.interact(() -> {
            robot.lookup("#sync-fingerprint-code").queryAs(TextField.class)
                    .setText(UiTestSupport.hiddenGroups(shownOther, otherFingerprint));
            robot.lookup("#sync-change-reason").queryAs(TextArea.class).setText("事務所のパソコンを入れ替えたため");
        });
        shootDialog("sync-change-office-ja.png");
        fire(robot, "#sync-keep-office");
    }

    /** Last year's finding on an item, followed up at the office, at this year's inspection, confirmed on site. */
    @Test
    void lastYearsFindingFollowedUp() throws Exception {
        Files.createDirectories(OUT);
        Path inbox = DemoFollowUps.assignmentsWaiting(data, Clock.fixed(java.time.Instant.parse("2026-11-30T01:00:00Z"),
                java.time.ZoneId.of("Asia/Tokyo")));
        app.start(() -> new TachiiriApp(data.resolve("tablet"), (owner, title) -> List.of()));
        UiTestSupport.importOnSyncScreen(robot, inbox, "前回の指摘の対応状況");
        UiTestSupport.openInspection(robot, "実施中");
        UiTestSupport.showItem(robot, CatalogLibrary.bundled().latest().item(DemoFollowUps.IN_PROGRESS_ITEM).orElseThrow());
        fire(robot, "#previous-follow-up-confirmed");
        both("inspection-follow-up-ja-landscape.png", "inspection-follow-up-ja-portrait.png");
    }

    @Test
    void theOfficesScreens() throws Exception {
        Path office = data.resolve("office");
        Path demoTablet = office.resolve("demo").resolve("tablet");
        String tabletFingerprint;
        try (Workspace workspace = Offices.open(office, Clock.systemUTC());
             Workspace tablet = Workspace.open(demoTablet, Clock.systemUTC())) {
            workspace.demo().seedOffice();
            tabletFingerprint = tablet.sync().identity().fingerprint();
            // A file the office must refuse: assignments signed by a tablet, sealed to the office.
            BundleWriter.write(Path.of(workspace.settings().transferFolders().inbox()), tablet.sync().identity(), BundleKind.ASSIGNMENTS,
                    java.time.Instant.now(), BundleRecords.tree(new BundleRecords.AssignmentsPayload(99, null, List.of(),
                            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())), List.of(),
                    List.of(workspace.sync().identity().asRecipient()));
        }
        app.start(() -> new TachiiriApp(office, (owner, title) -> List.of()));
        fire(robot, "#office-import");
        fire(robot, "#sync-import");
        waitFor("the question whether to enrol the tablet", () -> robot.lookup("#sync-enrol").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#sync-fingerprint-code").queryAs(TextField.class).setText("000000000000"));
        shootDialog("office-enrol-ja.png");
        String shown = robot.lookup("#sync-device-fingerprint").queryAs(Label.class).getText();
        robot.interact(() -> robot.lookup("#sync-fingerprint-code").queryAs(TextField.class)
                .setText(UiTestSupport.hiddenGroups(shown, tabletFingerprint)));
        fire(robot, "#sync-enrol");
        waitFor("the findings imported", () -> list("#sync-outcomes").getItems().stream()
                .anyMatch(line -> line.toString().contains("取り込みました")));
        shoot("office-sync-ja.png");
        fire(robot, "#back");

        openSakuragawa();
        fire(robot, "#review");
        waitFor("the review", () -> robot.lookup("#review-comment").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#review-comment").queryAs(TextArea.class).setText("不適合の項目の目標日を具体的な日付で記入してください");
            robot.lookup("#review-item-vulnerability__device-ledger").queryAs(TextField.class)
                    .setText("台帳の最終更新日を記入してください");
        });
        fire(robot, "#review-return");
        waitFor("the return confirmed", () -> robot.lookup("#notice").tryQuery().isPresent());
        shoot("office-ja.png");
        fire(robot, "#office-dashboard");
        waitFor("the dashboard", () -> robot.lookup("#dashboard-national").tryQuery().isPresent());
        // The comparison with the newest national survey, its year to choose above the chart.
        robot.interact(() -> UiTestSupport.scrollIntoView(robot.lookup("#dashboard-survey").query().getParent().getParent()));
        shoot("dashboard-ja.png");
        // The 2022 survey, and below its chart what its figures count, where its questions differ from the items, and
        // where the figures come from.
        robot.interact(() -> robot.lookup("#dashboard-survey").queryAs(ComboBox.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> UiTestSupport.scrollIntoView(robot.lookup("#dashboard-survey-notes").query()));
        shoot("dashboard-survey-ja.png");
        app.stop();

        // The tablet receives the return and sends revision 2; its review shows what changed since.
        try (Workspace workspace = Offices.open(office, Clock.systemUTC());
             Workspace tablet = Workspace.open(demoTablet, Clock.systemUTC())) {
            Path assignments = workspace.sync().exportAssignments(data.resolve("usb"), Optional.empty(), List.of());
            tablet.sync().importFile(assignments, true);
            String sakuragawa = workspace.review().rows().stream().filter(row -> row.facilityName().contains("桜川"))
                    .findFirst().orElseThrow().inspectionId();
            tablet.inspections().amend(sakuragawa, "事務所の差し戻しを受けて追記", "demo");
            Finding ledger = tablet.inspections().findings(sakuragawa, 2).get("vulnerability.device-ledger");
            tablet.inspections().record(sakuragawa, ledger.withNote("台帳の最終更新日: 2026年7月15日"), "demo");
            tablet.inspections().finalizeInspection(sakuragawa, "demo");
            workspace.sync().importFile(tablet.sync().exportFindings(data.resolve("usb-2")).orElseThrow(), false);
        }
        app.restart();
        openSakuragawa();
        fire(robot, "#review");
        waitFor("the changes since the return", () -> robot.lookup("#review-changes").tryQuery()
                .map(node -> !((javafx.scene.control.TableView<?>) node).getItems().isEmpty()).orElse(false));
        shootDialog("office-review-ja.png");
        fire(robot, "#review-cancel");
    }

    @Test
    void aConflict() throws Exception {
        Path devices = data.resolve("devices");
        try (Workspace tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC())) {
            tablet.demo().seed();
            Enrolments.officeKnownTo(tablet, data.resolve("office"));
            tablet.sync().exportFindings(devices.resolve("usb"));
        }
        ForkedTablets.copyFolder(devices.resolve("tablet"), devices.resolve("restored"));
        Path first = ForkedTablets.amendAndExport(devices.resolve("tablet"), devices.resolve("usb-1"), Clock.systemUTC(),
                "ログの保存期間を確認");
        Path second = ForkedTablets.amendAndExport(devices.resolve("restored"), devices.resolve("usb-2"), Clock.systemUTC(),
                "バックアップから復元した端末での訂正", "復元した端末の写真".getBytes(StandardCharsets.UTF_8));
        Path office = data.resolve("office");
        try (Workspace workspace = Offices.open(office, Clock.systemUTC())) {
            workspace.settings().setRole(Role.OFFICE);
            for (Path bundle : List.of(SyncService.filesOf(devices.resolve("usb")).get(0), first, second)) {
                workspace.sync().importFile(bundle, true);
            }
        }
        app.start(() -> new TachiiriApp(office, (owner, title) -> List.of()));
        openSakuragawa();
        fire(robot, "#conflict");
        waitFor("the versions side by side", () -> robot.lookup("#conflict-changes").tryQuery().isPresent());
        shootDialog("office-conflict-ja.png");
    }

    /**
     * The dashboard's figure of the hospitals' own answers the inspectors found otherwise, per item of the ministry's
     * checklist, over three of this year's inspections that hold the hospital's form.
     */
    @Test
    void theHospitalsSelfChecksOnTheDashboard() throws Exception {
        Path office = data.resolve("office");
        try (Workspace workspace = Workspace.open(office, Clock.systemUTC())) {
            HospitalForms.demoWithForms(workspace, LocalDate.now(Clock.systemUTC()));
            workspace.settings().setRole(Role.OFFICE);
        }
        app.start(() -> new TachiiriApp(office, (owner, title) -> List.of()));
        fire(robot, "#office-dashboard");
        waitFor("the figure", () -> robot.lookup("#dashboard-disagreement").tryQuery().isPresent());
        // Landscape: the items where hospitals and inspectors disagreed, from 2-⑦ on; portrait: the whole card.
        Node passwords = robot.lookup("#dashboard-disagreement .chart-category-label").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().startsWith("R7 2-⑦")).findFirst().orElseThrow();
        UiTestSupport.scrollToTop(robot, passwords);
        shoot("dashboard-selfcheck-ja.png");
        app.resize(800, 1280);
        UiTestSupport.scrollToTop(robot, robot.lookup("#dashboard-disagreement-basis").query().getParent());
        shoot("dashboard-selfcheck-ja-portrait.png");
    }

    /**
     * How last fiscal year's findings were followed up to closure, on the dashboard: the demo's 青葉台 and two more
     * inspections of that year, some findings closed in time, one late, one 対応中, one 未対応 and a hospital that
     * has not reported.
     */
    @Test
    void theFollowUpOnTheDashboard() throws Exception {
        Path office = data.resolve("office");
        LocalDate today = LocalDate.now(Clock.systemUTC());
        FiscalYear lastYear = new FiscalYear(FiscalYear.of(today).year() - 1);
        try (Workspace workspace = Offices.withDemoFindings(data, Clock.systemUTC(), tablet -> {
            LocalDate aobadai = tablet.inspections().list().stream().filter(inspection -> inspection.facilityName()
                    .contains("青葉台") && lastYear.contains(inspection.date())).findFirst().orElseThrow().date();
            HospitalForms.inspect(tablet, "demo-mizuho", aobadai.plusDays(30),
                    Set.of("vulnerability.password-policy", "backup.offline-copy", "recovery.drills"), Set.of(), Set.of());
            HospitalForms.inspect(tablet, "demo-yamanouchi", aobadai.plusDays(60),
                    Set.of("vulnerability.password-policy", "vulnerability.two-factor-auth", "backup.restore-test"),
                    Set.of(), Set.of());
        })) {
            FollowUpService followUp = workspace.followUp();
            FollowUpCase aobadai = followUp.cases().stream().filter(found -> found.facilityName().contains("青葉台"))
                    .findFirst().orElseThrow();
            FollowUpCase mizuho = followUp.cases().stream().filter(found -> found.facilityName().contains("みずほ台"))
                    .findFirst().orElseThrow();
            LocalDate inspected = aobadai.inspectionDate();
            followUp.recordReport(aobadai.inspectionId(), lastYear.end(), "デモ 青葉台 担当", "医療情報課", "demo");
            closeOn(followUp, aobadai, "vulnerability.access-logs", inspected.plusDays(30));
            closeOn(followUp, aobadai, "vulnerability.password-policy", lastYear.end());
            followUp.assess(aobadai.inspectionId(), "backup.restore-test", "復元手順書を作成中", Optional.empty(),
                    Assessment.IN_PROGRESS, Optional.of(today.plusDays(60)), "demo");
            followUp.recordReport(mizuho.inspectionId(), lastYear.end().minusDays(30), "デモ みずほ台 担当", "", "demo");
            closeOn(followUp, mizuho, "vulnerability.password-policy", lastYear.end().minusDays(10));
            closeOn(followUp, mizuho, "recovery.drills", mizuho.inspectionDate().plusDays(15));
            followUp.assess(mizuho.inspectionId(), "backup.offline-copy", "", Optional.empty(), Assessment.NOT_DONE,
                    Optional.empty(), "demo");
        }
        app.start(() -> new TachiiriApp(office, (owner, title) -> List.of()));
        fire(robot, "#office-dashboard");
        waitFor("the dashboard", () -> robot.lookup("#dashboard-followup-items").tryQuery().isPresent());
        ComboBox<?> years = robot.lookup("#dashboard-year").queryAs(ComboBox.class);
        robot.interact(() -> years.getSelectionModel().select(years.getItems().indexOf(lastYear)));
        waitFor("last year's follow-up", () -> robot.lookup("#dashboard-followup-items").queryAs(TableView.class)
                .getItems().size() == 6);
        UiTestSupport.scrollToTop(robot, robot.lookup("#dashboard-followup-basis").query().getParent());
        shoot("dashboard-followup-ja.png");
        app.resize(800, 1280);
        UiTestSupport.scrollToTop(robot, robot.lookup("#dashboard-followup-basis").query().getParent());
        shoot("dashboard-followup-ja-portrait.png");
    }

    private static void closeOn(FollowUpService followUp, FollowUpCase followed, String itemId, LocalDate doneOn) {
        followUp.assess(followed.inspectionId(), itemId, "改善した", Optional.of(doneOn), Assessment.CLOSED,
                Optional.empty(), "demo");
    }

    /**
     * An office that imports {@code findings} (enrolling the tablet), returns the 桜川 inspection with comments,
     * plans an inspection, and writes its answer into {@code inbox}; its fingerprint.
     */
    /** The office enrols the tablet from its enrolment file and writes its first assignments; returns its fingerprint. */
    private static String enrolAtAnOffice(Path folder, Path enrolment, Path inbox) {
        try (Workspace office = Offices.open(folder, Clock.systemUTC())) {
            office.sync().importFile(enrolment, true);
            office.demo().seedOffice();
            office.sync().exportAssignments(inbox, Optional.empty(), List.of());
            return office.sync().identity().fingerprint();
        }
    }

    /** The office imports the findings, returns one with comments, plans an inspection and answers. */
    private static void answerFromAnOffice(Path folder, Path findings, Path inbox) {
        try (Workspace office = Offices.open(folder, Clock.systemUTC())) {
            office.sync().importFile(findings, true);
            String sakuragawa = office.review().rows().stream().filter(row -> row.facilityName().contains("桜川"))
                    .findFirst().orElseThrow().inspectionId();
            int revision = office.inspections().find(sakuragawa).orElseThrow().revision();
            office.review().decide(new Decision(sakuragawa, revision, false, "不適合の項目の目標日を具体的な日付で記入してください",
                    Map.of("vulnerability.device-ledger", "台帳の最終更新日を記入してください")), "supervisor");
            String aobadai = office.facilities().all().stream().filter(f -> f.name().contains("青葉台")).findFirst()
                    .orElseThrow().id();
            office.sync().plan(aobadai, "hanako", "デモ 立入花子", LocalDate.of(2027, 1, 20));
            for (Path applied : SyncService.filesOf(inbox)) {
                applied.toFile().delete();
            }
            office.sync().exportAssignments(inbox, Optional.empty(), List.of());
        }
    }

    @Test
    void theSelfCheckWorkbooksGoOutAndComeBack() throws Exception {
        Path office = data.resolve("office");
        Path filled;
        try (Workspace workspace = Offices.open(office, Clock.systemUTC())) {
            PlannedInspection plan = PlanSelfChecks.planned(workspace, LocalDate.now().plusDays(20));
            WorkbookRequest request = workspace.selfCheckImport().request(plan.id()).orElseThrow();
            TestWorkbooks.Draft draft = TestWorkbooks.Draft.blank(request);
            for (MinistryItem item : request.catalog().ministryItems()) {
                boolean no = item.number().equals("2-⑩");
                draft.hospitalRow(request, item.number(), no ? "いいえ" : "はい",
                        new TestWorkbooks.DateCell(LocalDate.now().minusDays(5)),
                        no ? new TestWorkbooks.DateCell(LocalDate.now().plusDays(90)) : "");
            }
            filled = draft.write(data.resolve("森の丘病院_医療機関確認用_記入済み.xlsx"));
        }
        List<Path> chosen = List.of(filled, Files.writeString(data.resolve("電子カルテ社_記入済み.xlsx"), "not a workbook"));
        app.start(() -> new TachiiriApp(office, (owner, title) -> chosen, Role.OFFICE));
        waitFor("the office's list", () -> robot.lookup("#office-planning").tryQuery().isPresent());
        fire(robot, "#office-planning");
        waitFor("the planning dialog", () -> robot.lookup("#planning-workbooks").tryQuery().isPresent());
        fire(robot, "#planning-workbooks");
        waitFor("the workbooks dialog", () -> robot.lookup("#workbooks-import-files").tryQuery().isPresent());
        fire(robot, "#workbooks-import-files");
        waitFor("both files read", () -> robot.lookup("#workbooks-results").queryAs(ListView.class).getItems().size() == 2);
        shootDialog("office-selfcheck-workbooks-ja.png");
    }

    private void openSakuragawa() {
        waitFor("the 桜川 row", () -> UiTestSupport.cell(robot, "#office-inspections", "デモ 桜川記念病院") != null);
        UiTestSupport.openRow(robot, "#office-inspections", "デモ 桜川記念病院");
        waitFor("the inspection", () -> robot.lookup("#review").tryQuery().isPresent()
                || robot.lookup("#conflict").tryQuery().isPresent());
    }

    /** The screen in landscape, then in portrait, then back. */
    private void both(String landscape, String portrait) throws Exception {
        shoot(landscape);
        app.resize(800, 1280);
        shoot(portrait);
        app.resize(1280, 800);
    }

    private void shoot(String name) throws Exception {
        write(UiTestSupport.mainWindow(robot).getScene(), name);
    }

    /** The dialog open over the screen. */
    private void shootDialog(String name) throws Exception {
        write(dialog().getScene(), name);
    }

    private void closeDialog() {
        Window dialog = dialog();
        robot.interact(dialog::hide);
    }

    private Window dialog() {
        WaitForAsyncUtils.waitForFxEvents(5);
        return Window.getWindows().stream().filter(window -> window != UiTestSupport.mainWindow(robot) && window.isShowing())
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no dialog open"));
    }

    private void write(Scene scene, String name) throws Exception {
        UiTestSupport.writePng(robot, scene, OUT.resolve(name));
    }

    @SuppressWarnings("unchecked")
    private <T> ListView<T> list(String id) {
        return (ListView<T>) robot.lookup(id).queryAs(ListView.class);
    }
}
