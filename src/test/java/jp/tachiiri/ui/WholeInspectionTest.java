package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.selfcheck.SelfCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An inspector's whole inspection through the real screens on a real data folder: every answer kind,
 * evidence, the completeness check blocking and then passing, finalizing, reopening read-only after a
 * restart, and amending. Then the store is read back.
 */
class WholeInspectionTest {

    private static final String FACILITY = "demo-mizuho";

    @TempDir
    Path data;

    @TempDir
    Path files;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();
    private Path photo;
    private String inspectionId;

    @BeforeEach
    void prepare() throws Exception {
        photo = Files.write(files.resolve("server-room.png"), tinyPng());
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of(photo)));
    }

    @Test
    void anInspectionFromFirstAnswerToAmendment() throws Exception {
        startFromFacilityScreen();

        // The gate question comes first.
        waitUntil(() -> textOf("#item-title").contains("医療情報システム"));
        click("#answer-YES");

        // The hospital's own form first: every blank はい, one date checked for all rows.
        click("#section-hospital-form");
        click("#hospital-all-yes");
        typeDate("#bulk-date", LocalDate.now().minusDays(7).toString().replace('-', '/'));
        click("#bulk-undated");
        waitUntil(() -> textOf("#hospital-progress").startsWith("記入済み 18 /"));
        // Without a vendor contract no vendor form is asked.
        click("#section-vendor-forms");
        waitUntil(() -> robot.lookup("#vendor-none").tryQuery().isPresent());

        // Every answer kind once, evidence on the first item, the rest by keyboard shortcut; each hospital answer
        // confirmed on the way, the one the inspector finds not to hold as 相違.
        next();
        String firstItem = textOf("#item-title");
        click("#answer-COMPLIANT");
        click("#method-DOCUMENT");
        click("#add-evidence");
        waitUntil(() -> robot.lookup(".evidence-tile").queryAll().size() == 1);
        confirm();

        next();
        click("#answer-NON_COMPLIANT");
        waitUntil(() -> !robot.lookup("#advice").queryAs(TextArea.class).getText().isBlank());
        confirm();

        next();
        click("#answer-ALTERNATIVE");
        confirm();
        next();
        click("#answer-NOT_APPLICABLE");
        confirm();
        while (!lastQuestion()) {
            next();
            robot.type(KeyCode.DIGIT1);
            waitUntil(() -> robot.lookup("#answers .toggle-button").queryAllAs(ToggleButton.class).stream()
                    .anyMatch(ToggleButton::isSelected));
            confirm();
        }
        waitUntil(() -> textOf("#save-status").startsWith("保存しました"));

        // The completeness check blocks finalizing and names what is missing.
        click("#finalize");
        waitUntil(() -> robot.lookup("#gap-list").tryQuery().isPresent());
        List<String> gaps = robot.lookup("#gap-list .gap-row .label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertThat(String.join("\n", gaps)).contains("目標日が入力されていません", "代替措置の内容が入力されていません",
                "該当なしの理由が入力されていません");
        // The walk asks only what applies; the two ministry items this hospital is not asked (it has no vendor
        // contract) still want the hospital's answer confirmed.
        assertThat(gaps).hasSize(5);
        assertThat(gaps.subList(3, 5)).allMatch(gap -> gap.startsWith("照合 2-") && gap.contains("まだ確認していません"));

        // Jump to each gap and fill it in.
        jumpToFirstGap();
        typeDate("#target-date", "2027/03/31");
        waitUntil(() -> robot.lookup("#target-date").queryAs(DatePicker.class).getValue() != null);
        click("#finalize");
        jumpToFirstGap();
        typeText("#reason", "USB ports are sealed; one encrypted drive only");
        click("#finalize");
        jumpToFirstGap();
        typeText("#reason", "No such equipment on site");
        for (int confirmation = 0; confirmation < 2; confirmation++) {
            click("#finalize");
            jumpToFirstGap();
            assertThat(robot.lookup("#not-applicable-reason").tryQuery()).isPresent();
            assertThat(robot.lookup("#confirmation").query().getStyleClass()).contains("gap-target");
            click("#confirm-AGREES");
        }

        // Now it finalizes, and the inspection becomes read-only.
        click("#finalize");
        waitUntil(() -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        assertThat(robot.lookup("#confirm-ok").queryButton().isDefaultButton()).as("Enter does not finalize").isFalse();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#confirm-ok").tryQuery().isEmpty());
        assertThat(robot.lookup("#read-only-banner").tryQuery()).as("Enter cancelled it").isEmpty();
        click("#finalize");
        click("#confirm-ok");
        waitUntil(() -> robot.lookup("#read-only-banner").tryQuery().isPresent());
        assertThat(robot.lookup("#amend").tryQuery()).isPresent();

        // After a restart the app reopens on the inspection, still read-only.
        app.restart();
        waitUntil(() -> robot.lookup("#read-only-banner").tryQuery().isPresent());
        // On the item last shown: one this hospital is not asked, whose hospital answer was confirmed.
        waitUntil(() -> robot.lookup("#confirm-AGREES").tryQuery().isPresent());
        assertThat(robot.lookup("#confirm-AGREES").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup(".confirm-button").queryAllAs(ToggleButton.class)).hasSize(3).allMatch(Node::isDisabled);

        // Amend with a reason: a new revision, editable again.
        click("#amend");
        waitUntil(() -> robot.lookup("#amend-reason").tryQuery().isPresent());
        typeText("#amend-reason", "Target date corrected after the hospital called");
        click("#amend-ok");
        waitUntil(() -> textOf("#inspection-details").contains("第2版"));
        assertThat(robot.lookup("#read-only-banner").tryQuery()).isEmpty();

        // The new revision starts as a copy: compared with the first, nothing has changed yet.
        click("#revisions");
        waitUntil(() -> robot.lookup("#compare-revision-2").tryQuery().isPresent());
        click("#compare-revision-2");
        waitUntil(() -> robot.lookup("#revision-changes").tryQuery().isPresent());
        assertThat(robot.lookup("#revision-changes").queryTableView().getItems()).isEmpty();

        app.stop();
        assertStored(firstItem);
    }

    private void assertStored(String firstItemTitle) {
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            List<RevisionInfo> revisions = workspace.inspections().revisions(inspectionId);
            assertThat(revisions).extracting(RevisionInfo::status)
                    .containsExactly(InspectionStatus.FINALIZED, InspectionStatus.IN_PROGRESS);
            assertThat(revisions.get(1).amendReason()).contains("Target date corrected after the hospital called");

            Inspection inspection = workspace.inspections().find(inspectionId, 1).orElseThrow();
            assertThat(inspection.inspectors()).containsExactly("Tachiiri Hanako");
            assertThat(inspection.date()).isEqualTo(LocalDate.now());
            Map<String, Finding> findings = workspace.inspections().findings(inspectionId, 1);
            var catalog = workspace.catalogs().version(inspection.catalogVersion()).orElseThrow();
            assertThat(findings.get(catalog.gate().id()).answer()).contains(Answer.YES);
            assertThat(findings.values()).extracting(finding -> finding.answer().orElseThrow())
                    .contains(Answer.COMPLIANT, Answer.NON_COMPLIANT, Answer.ALTERNATIVE, Answer.NOT_APPLICABLE);
            Finding nonCompliant = findings.values().stream()
                    .filter(finding -> finding.answer().equals(Optional.of(Answer.NON_COMPLIANT))).findFirst().orElseThrow();
            assertThat(nonCompliant.targetDate()).contains(LocalDate.of(2027, 3, 31));
            assertThat(nonCompliant.advice()).isNotBlank();
            assertThat(findings.values().stream().filter(finding -> finding.answer().equals(Optional.of(Answer.ALTERNATIVE))))
                    .singleElement().extracting(Finding::reason).isEqualTo("USB ports are sealed; one encrypted drive only");

            String firstItemId = catalog.items().stream()
                    .filter(item -> item.title().ja().equals(firstItemTitle)).findFirst().orElseThrow().id();
            assertThat(findings.get(firstItemId).confirmedBy()).isNotEmpty();
            List<Evidence> evidence = workspace.evidence().list(inspectionId, 1);
            assertThat(evidence).singleElement().satisfies(item -> {
                assertThat(item.itemId()).isEqualTo(firstItemId);
                assertThat(item.fileName()).isEqualTo("server-room.png");
            });
            assertThat(workspace.evidence().list(inspectionId, 2)).hasSize(1);
            assertThat(workspace.inspections().findings(inspectionId, 2)).isEqualTo(findings);
            // The hospital's form with the inspector's confirmations, one 相違 among them, carried into the amendment.
            SelfCheck forms = workspace.selfCheck().selfCheck(inspectionId, 1);
            assertThat(forms.hospitalForm()).hasSize(catalog.ministryItems().size()).allSatisfy((number, entry) -> {
                assertThat(entry.answer()).as(number).contains(SelfCheckAnswer.YES);
                assertThat(entry.checkedOn()).as(number).contains(LocalDate.now().minusDays(7));
            });
            assertThat(forms.hospitalForm().values()).filteredOn(entry -> entry.confirmation().equals(Optional.of(Confirmation.DIFFERS)))
                    .singleElement().extracting(HospitalFormEntry::confirmationReason).isEqualTo("Patches not applied on two terminals");
            assertThat(workspace.selfCheck().selfCheck(inspectionId, 2)).isEqualTo(forms);
            assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
        }
    }

    /** From the list on first start (demo data), through the facility screen, to a new inspection. */
    private void startFromFacilityScreen() {
        waitUntil(() -> robot.lookup("#facility-search").tryQuery().isPresent());
        typeText("#facility-search", "9910000033");
        TableCell<?, ?> row = robot.lookup("#facilities .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> "デモ みずほ台病院".equals(cell.getText())).findFirst().orElseThrow();
        robot.clickOn(row);
        waitUntil(() -> robot.lookup("#start-lead").tryQuery().isPresent());
        typeText("#start-lead", "Tachiiri Hanako");
        click("#start-inspection");
        waitUntil(() -> robot.lookup("#item-title").tryQuery().isPresent());
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            inspectionId = workspace.inspections().list().stream()
                    .filter(summary -> summary.facilityId().equals(FACILITY)).findFirst().orElseThrow().id();
        }
    }

    /**
     * The confirmation pass on an item that answers a ministry item: 確認 of the hospital's はい, or 相違 with the
     * reason where the screen says the inspector's result contradicts it. Nothing on 参考 items, nor where the
     * ministry item is confirmed already (on an earlier part of it).
     */
    private void confirm() {
        WaitForAsyncUtils.waitForFxEvents();
        if (robot.lookup("#confirmation").tryQuery().isEmpty()) {
            return;
        }
        boolean contradicts = robot.lookup("#confirm-contradiction").query().isVisible();
        if (contradicts && !robot.lookup("#confirm-DIFFERS").queryAs(ToggleButton.class).isSelected()) {
            click("#confirm-DIFFERS");
            typeText("#confirmation-reason", "Patches not applied on two terminals");
        } else if (!contradicts && robot.lookup("#confirmation .toggle-button").queryAllAs(ToggleButton.class).stream()
                .noneMatch(ToggleButton::isSelected)) {
            click("#confirm-AGREES");
        }
    }

    private boolean lastQuestion() {
        String position = textOf("#item-position");
        String[] parts = position.split(" / ");
        return parts.length == 2 && parts[0].equals(parts[1]);
    }

    private void next() {
        String before = textOf("#item-position");
        click("#next-item");
        waitUntil(() -> !textOf("#item-position").equals(before));
    }

    private void jumpToFirstGap() {
        waitUntil(() -> robot.lookup(".gap-jump").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".gap-jump").queryAs(ButtonBase.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeText(String id, String text) {
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(field));
        robot.clickOn(field);
        robot.write(text);
        waitUntil(() -> field.getText().equals(text));
    }

    private void typeDate(String id, String text) {
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        DatePicker picker = robot.lookup(id).queryAs(DatePicker.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(picker));
        robot.clickOn(picker.getEditor());
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private void click(String id) {
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        Node node = robot.lookup(id).query();
        robot.interact(() -> UiTestSupport.scrollIntoView(node));
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String textOf(String id) {
        return robot.lookup(id).tryQuery().map(node -> node instanceof Label label ? label.getText() : "").orElse("");
    }

    /** A valid 1×1 PNG, so the thumbnail really loads. */
    static byte[] tinyPng() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");
    }
}
