package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.fire;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import jp.tachiiri.app.Settings;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.testsupport.TwoVendorHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hospital's and vendors' own forms through the real screens on a real data folder: the hospital's form copied
 * into the grid by taps (one date for many rows, an いいえ with its target date), the vendors' forms (one received
 * and answered, one missing with the reason), the confirmation pass with a 相違, the list of what is missing and its
 * jumps, a refused date, and a restart in the middle. What the store holds is read back each time.
 */
class SelfCheckScreenTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static final String PASSWORDS = "2-⑦";
    private static final String LOGS = "2-⑥";
    private static final String LOGS_ITEM = "vulnerability.access-logs";

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();
    private String inspectionId;
    private Catalog catalog;

    /** The two-vendor hospital inspected today, the app reopening on its hospital's form. */
    @BeforeEach
    void openOnTheHospitalsForm() throws Exception {
        try (Workspace workspace = Workspace.open(data, Clock.systemDefaultZone())) {
            workspace.settings().setRole(Role.INSPECTOR);
            workspace.demo().seed();
            Inspection inspection = TwoVendorHospital.inspectedToday(workspace, TODAY);
            inspectionId = inspection.id();
            catalog = workspace.inspections().catalogOf(inspection);
            workspace.settings().savePosition(new Settings.Position(inspectionId, "form:hospital"));
        }
        startApp();
    }

    @Test
    void theHospitalsFormIsCopiedByTapsWithOneDateForManyRowsAndAnIieWithItsTargetDate() {
        waitFor("a row per ministry item", () -> robot.lookup(".form-row").queryAll().size() == catalog.ministryItems().size());
        // はい, and はい again to take it back.
        fire(robot, "#hospital-yes-0");
        waitForStored("1-① はい", form -> form.entry("1-①").answer().equals(Optional.of(SelfCheckAnswer.YES)));
        fire(robot, "#hospital-yes-0");
        assertThat(toggle("#hospital-yes-0").isSelected()).isFalse();
        waitForStored("1-① cleared, so no row at all", form -> form.hospitalForm().isEmpty());

        fire(robot, "#hospital-all-yes");
        int passwords = row(PASSWORDS);
        fire(robot, "#hospital-no-" + passwords);
        assertThat(toggle("#hospital-yes-" + passwords).isSelected()).isFalse();
        assertThat(robot.lookup("#hospital-target-" + passwords).query().getParent().isVisible()).isTrue();
        assertThat(robot.lookup("#hospital-target-0").query().getParent().isVisible()).as("only いいえ asks").isFalse();

        // One date for the two ticked rows, another for all rows still without one.
        fire(robot, "#hospital-tick-0");
        fire(robot, "#hospital-tick-1");
        assertThat(text("#bulk-selected")).contains("2 行");
        typeDate("#bulk-date", TODAY.minusDays(14));
        fire(robot, "#bulk-selected");
        waitUntil(() -> text("#bulk-undated").contains("16 行"));
        typeDate("#bulk-date", TODAY.minusDays(7));
        fire(robot, "#bulk-undated");
        typeDate("#hospital-target-" + passwords, TODAY.plusDays(30));
        waitUntil(() -> text("#hospital-progress").startsWith("記入済み 18 / 18"));
        waitUntil(() -> robot.lookup("#section-hospital-form .section-progress").queryAs(Label.class).getText().equals("18/18"));

        // A target date after the fiscal year's end is kept, with a warning on its row.
        int usb = row("2-⑨");
        fire(robot, "#hospital-no-" + usb);
        LocalDate afterTheYear = FiscalYear.of(TODAY).end().plusDays(30);
        typeDate("#hospital-target-" + usb, afterTheYear);
        waitUntil(() -> robot.lookup("#hospital-late-" + usb).query().isVisible());
        assertThat(text("#hospital-late-" + usb)).contains("より後");

        SelfCheck stored = waitForStored("every row", form -> form.entry("2-⑨").targetDate().isPresent());
        assertThat(stored.hospitalForm()).hasSize(catalog.ministryItems().size());
        assertThat(stored.entry("1-①").checkedOn()).contains(TODAY.minusDays(14));
        assertThat(stored.entry("2-①").checkedOn()).contains(TODAY.minusDays(14));
        assertThat(stored.entry("3-③").checkedOn()).contains(TODAY.minusDays(7));
        assertThat(stored.entry("3-③").answer()).contains(SelfCheckAnswer.YES);
        assertThat(stored.entry(PASSWORDS)).satisfies(entry -> {
            assertThat(entry.answer()).contains(SelfCheckAnswer.NO);
            assertThat(entry.targetDate()).contains(TODAY.plusDays(30));
        });
        assertThat(stored.entry("2-⑨").targetDate()).contains(afterTheYear);
        try (Workspace workspace = workspace()) {
            assertThat(workspace.chainVerifier().trail(inspectionId).events())
                    .filteredOn(event -> "HOSPITAL_FORM_CHANGED".equals(event.action())).hasSizeGreaterThan(36);
            assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
        }
        // The audit trail names the row and the field in words.
        fire(robot, "#audit-trail");
        waitFor("the audit trail", () -> robot.lookup("#audit-table").tryQuery().isPresent());
        TableView<?> trail = robot.lookup("#audit-table").queryAs(TableView.class);
        List<String> subjects = columnTexts(trail, 2);
        int change = subjects.lastIndexOf("医療機関確認用 " + PASSWORDS + ": 回答");
        assertThat(change).isNotNegative();
        assertThat(columnTexts(trail, 3).get(change)).isEqualTo("はい → いいえ");
    }

    /** What a column of a table shows, row by row. */
    private static List<String> columnTexts(TableView<?> table, int column) {
        return java.util.stream.IntStream.range(0, table.getItems().size())
                .mapToObj(row -> String.valueOf(table.getColumns().get(column).getCellData(row))).toList();
    }

    @Test
    void aDateCheckedInTheFutureIsRefusedWithItsReasonAndNothingOfItIsStored() {
        fire(robot, "#hospital-yes-0");
        waitForStored("1-① はい", form -> form.entry("1-①").answer().isPresent());
        int events = auditEvents();

        typeDate("#hospital-checked-0", TODAY.plusDays(1));

        waitUntil(() -> robot.lookup("#forms-error").query().isVisible());
        assertThat(text("#forms-error")).contains("1-①").contains("未来の日付");
        assertThat(text("#save-status")).startsWith("保存できませんでした");
        waitUntil(() -> robot.lookup("#hospital-checked-0").queryAs(DatePicker.class).getValue() == null);
        assertThat(stored().entry("1-①").checkedOn()).isEmpty();
        assertThat(stored().entry("1-①").answer()).contains(SelfCheckAnswer.YES);
        assertThat(auditEvents()).isEqualTo(events);

        // A day that may be stored is, and the message goes.
        typeDate("#hospital-checked-0", TODAY);
        waitUntil(() -> !robot.lookup("#forms-error").query().isVisible());
        waitForStored("today's date", form -> form.entry("1-①").checkedOn().equals(Optional.of(TODAY)));
    }

    @Test
    void vendorFormsOneReceivedWithItsAnswersOneMissingWithTheReason() {
        fire(robot, "#section-vendor-forms");
        waitFor("both vendors' blocks", () -> robot.lookup("#vendor-block-1").tryQuery().isPresent());
        assertThat(text("#section-vendor-forms .section-progress")).isEqualTo("0/2");

        fire(robot, "#vendor-received-0");
        waitFor("the received form's fields", () -> robot.lookup("#vendor-filled-0").tryQuery().isPresent());
        typeDate("#vendor-filled-0", TODAY.minusDays(20));
        fire(robot, "#vendor-all-yes-0");
        int passwords = vendorRow(PASSWORDS);
        fire(robot, "#vendor-0-no-" + passwords);
        fire(robot, "#vendor-missing-1");
        typeText("#vendor-reason-1", "契約更新の手続き中で未着");
        waitUntil(() -> text("#section-vendor-forms .section-progress").equals("2/2"));

        SelfCheck stored = waitForStored("both vendor forms", form -> form.vendorForm(TwoVendorHospital.BILLING)
                .map(VendorForm::missingReason).filter(reason -> reason.equals("契約更新の手続き中で未着")).isPresent());
        VendorForm emr = stored.vendorForm(TwoVendorHospital.EMR).orElseThrow();
        assertThat(emr.status()).isEqualTo(VendorForm.Status.RECEIVED);
        assertThat(emr.filledOn()).contains(TODAY.minusDays(20));
        assertThat(emr.answers()).hasSize(vendorItems().size()).containsEntry(PASSWORDS, SelfCheckAnswer.NO)
                .containsEntry("1-①", SelfCheckAnswer.YES);
        assertThat(stored.vendorForm(TwoVendorHospital.BILLING).orElseThrow().status()).isEqualTo(VendorForm.Status.MISSING);

        // The vendors' answers stand beside the hospital's in the confirmation pass.
        showItem("vulnerability.password-policy");
        waitUntil(() -> text("#confirm-vendor-1").contains("未提出"));
        assertThat(text("#confirm-vendor-0")).contains(TwoVendorHospital.EMR.vendorName()).endsWith("いいえ");
    }

    @Test
    void theConfirmationPassShowsTheHospitalsVendorsAndLastYearsAnswersAndKeepsA相違WithItsReason() {
        fire(robot, "#hospital-all-yes");
        waitForStored("the hospital's はい", form -> form.hospitalForm().size() == catalog.ministryItems().size());
        showItem(LOGS_ITEM);
        assertThat(text("#confirm-hospital")).isEqualTo("はい");
        assertThat(text("#confirm-previous")).contains("相違").contains(TwoVendorHospital.LAST_YEARS_REASON);
        assertThat(text("#confirm-vendor-0")).contains("未記入");
        assertThat(robot.lookup("#confirm-contradiction").query().isVisible()).isFalse();

        // The inspector finds otherwise: the screen says so and suggests 相違.
        fire(robot, "#answer-NON_COMPLIANT");
        waitUntil(() -> robot.lookup("#confirm-contradiction").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text("#confirm-contradiction")).contains("不適合").contains("はい").contains("相違");
        fire(robot, "#confirm-DIFFERS");
        assertThat(robot.lookup("#confirmation-panel").query().getStyleClass()).contains("differs");
        waitUntil(() -> robot.lookup("#confirmation-reason").query().isVisible());
        typeText("#confirmation-reason", "ログは管理者が削除できる設定のまま");
        waitUntil(() -> robot.lookup("#item-list .differs-mark").tryQuery().isPresent());

        // The next ministry item: 確認, then tapped again to take it back.
        fire(robot, "#next-item");
        waitUntil(() -> robot.lookup("#confirmation-panel").tryQuery().isPresent()
                && !robot.lookup("#confirmation-panel").query().getStyleClass().contains("differs"));
        fire(robot, "#confirm-AGREES");
        waitForStored("2-⑦ 確認", form -> form.entry(PASSWORDS).confirmation().equals(Optional.of(Confirmation.AGREES)));
        fire(robot, "#confirm-AGREES");
        waitForStored("2-⑦ taken back", form -> form.entry(PASSWORDS).confirmation().isEmpty());

        // 参考 items show no panel.
        showItem("vulnerability.vpn-firmware");
        assertThat(robot.lookup("#confirmation-panel").tryQuery()).isEmpty();

        HospitalFormEntry logs = waitForStored("the 相違 with its reason",
                form -> form.entry(LOGS).confirmationReason().equals("ログは管理者が削除できる設定のまま")).entry(LOGS);
        assertThat(logs.confirmation()).contains(Confirmation.DIFFERS);
        assertThat(logs.answer()).contains(SelfCheckAnswer.YES);
    }

    @Test
    void whatIsMissingJumpsToAGridRowAVendorBlockAndAConfirmationAndWithOnlyOmissionsLeftFinalizes() throws Exception {
        fire(robot, "#finalize");
        waitFor("what is missing", () -> robot.lookup("#gap-list").tryQuery().isPresent());
        List<Node> list = robot.lookup("#gap-list").queryAs(VBox.class).getChildrenUnmodifiable();
        assertThat(list.get(0).getId()).isEqualTo("gap-blocking");
        assertThat(list.indexOf(robot.lookup("#gap-listed").query())).as("the omissions after what blocks")
                .isGreaterThan(list.indexOf(robot.lookup(".gap-row.gap-blocking").queryAll().stream()
                        .reduce((first, last) -> last).orElseThrow()));
        assertThat(robot.lookup("#finalize-anyway").tryQuery()).isEmpty();

        // A row of the hospital's form.
        jump("医療機関確認用 " + PASSWORDS);
        Node answers = robot.lookup("#hospital-row-" + row(PASSWORDS) + " .form-answers").query();
        assertThat(answers.getStyleClass()).contains("gap-target");
        assertThat(toggle("#hospital-yes-" + row(PASSWORDS)).isFocused()).isTrue();
        assertThat(inView(answers, "#hospital-form")).isTrue();
        fire(robot, "#hospital-yes-" + row(PASSWORDS));
        waitUntil(() -> !answers.getStyleClass().contains("gap-target"));

        // A vendor's block.
        fire(robot, "#finalize");
        jump("事業者確認用: " + TwoVendorHospital.BILLING.key());
        Node status = robot.lookup("#vendor-block-1 .vendor-status").query();
        assertThat(status.getStyleClass()).contains("gap-target");
        assertThat(inView(status, "#vendor-forms")).isTrue();

        // The confirmation of a ministry item, on the item that answers it.
        fire(robot, "#finalize");
        jump("照合 " + PASSWORDS);
        waitUntil(() -> robot.lookup("#confirmation").tryQuery().isPresent());
        assertThat(text("#item-title")).isEqualTo(item("vulnerability.password-policy").title().ja());
        assertThat(robot.lookup("#confirmation").query().getStyleClass()).contains("gap-target");
        assertThat(inView(robot.lookup("#confirmation").query(), "#item-editor")).isTrue();

        // The inspector's part done, the hospital's and a vendor's omissions left: it may finalize anyway.
        app.stop();
        try (Workspace workspace = workspace()) {
            Facility facility = workspace.facilities().byId(TwoVendorHospital.FACILITY).orElseThrow();
            workspace.inspections().record(inspectionId, Finding.empty(catalog.gate().id()).withAnswer(Answer.YES), "tester");
            for (CatalogItem item : Applicability.applicableItems(catalog, facility.profileOn(TODAY))) {
                workspace.inspections().record(inspectionId, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), "tester");
            }
            workspace.selfCheck().recordHospitalForm(inspectionId, catalog.ministryItems().stream()
                    .map(item -> HospitalFormEntry.empty(item.number()).withConfirmation(
                            Optional.of(Confirmation.NOT_CONFIRMED), "医療機関確認用の提示がなかった")).toList(), "tester");
            workspace.selfCheck().recordVendorForm(inspectionId, VendorForm.received(TwoVendorHospital.EMR), "tester");
            workspace.selfCheck().recordVendorForm(inspectionId, VendorForm.received(TwoVendorHospital.BILLING)
                    .withStatus(VendorForm.Status.MISSING, "未着"), "tester");
        }
        startApp();
        fire(robot, "#finalize");
        waitFor("the omissions listed", () -> robot.lookup("#finalize-anyway").tryQuery().isPresent());
        assertThat(robot.lookup("#gap-blocking").tryQuery()).isEmpty();
        assertThat(robot.lookup(".gap-row").<Node>queryAll()).isNotEmpty().allMatch(row -> row.getStyleClass().contains("gap-listed"));
        // Tapped, not fired: the confirmation it opens waits for its answer.
        robot.clickOn(robot.lookup("#finalize-anyway").queryAs(ButtonBase.class));
        waitFor("the confirmation", () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#confirm-ok").queryAs(ButtonBase.class));
        waitFor("the finalized inspection", () -> robot.lookup("#read-only-banner").tryQuery().isPresent());
        try (Workspace workspace = workspace()) {
            assertThat(workspace.inspections().find(inspectionId).orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);
        }
    }

    @Test
    void aRestartInTheMiddleLosesNothing() throws Exception {
        fire(robot, "#hospital-all-yes");
        fire(robot, "#hospital-no-" + row(PASSWORDS));
        typeDate("#bulk-date", TODAY.minusDays(5));
        fire(robot, "#bulk-undated");
        typeDate("#hospital-target-" + row(PASSWORDS), TODAY.plusDays(20));
        fire(robot, "#section-vendor-forms");
        fire(robot, "#vendor-received-0");
        waitFor("the received form's fields", () -> robot.lookup("#vendor-filled-0").tryQuery().isPresent());
        typeDate("#vendor-filled-0", TODAY.minusDays(9));
        fire(robot, "#vendor-missing-1");
        typeText("#vendor-reason-1", "担当者不在");
        showItem(LOGS_ITEM);
        fire(robot, "#answer-NON_COMPLIANT");
        fire(robot, "#confirm-DIFFERS");
        waitUntil(() -> robot.lookup("#confirmation-reason").query().isVisible());
        TextArea reason = robot.lookup("#confirmation-reason").queryAs(TextArea.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(reason));
        robot.clickOn(reason);
        robot.write("閉じる直前に入力");
        assertThat(reason.getText()).isEqualTo("閉じる直前に入力");

        // Closed at once, the reason still being typed.
        Stage stage = UiTestSupport.mainWindow(robot);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        app.restart();

        waitFor("the item where the inspector was", () -> robot.lookup("#confirmation-reason").tryQuery().isPresent());
        assertThat(text("#item-title")).isEqualTo(item(LOGS_ITEM).title().ja());
        assertThat(toggle("#confirm-DIFFERS").isSelected()).isTrue();
        assertThat(robot.lookup("#confirmation-reason").queryAs(TextArea.class).getText()).isEqualTo("閉じる直前に入力");
        fire(robot, "#section-hospital-form");
        assertThat(toggle("#hospital-no-" + row(PASSWORDS)).isSelected()).isTrue();
        assertThat(robot.lookup("#hospital-target-" + row(PASSWORDS)).queryAs(DatePicker.class).getValue())
                .isEqualTo(TODAY.plusDays(20));
        assertThat(robot.lookup("#hospital-checked-3").queryAs(DatePicker.class).getValue()).isEqualTo(TODAY.minusDays(5));
        assertThat(text("#hospital-progress")).startsWith("記入済み 18 / 18");
        fire(robot, "#section-vendor-forms");
        assertThat(toggle("#vendor-received-0").isSelected()).isTrue();
        assertThat(robot.lookup("#vendor-filled-0").queryAs(DatePicker.class).getValue()).isEqualTo(TODAY.minusDays(9));
        assertThat(robot.lookup("#vendor-reason-1").queryAs(TextArea.class).getText()).isEqualTo("担当者不在");
        app.stop();
        assertThat(stored().entry(LOGS).confirmationReason()).isEqualTo("閉じる直前に入力");
    }

    private void startApp() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        waitFor("the inspection", () -> robot.lookup("#section-hospital-form").tryQuery().isPresent());
    }

    /** Taps the jump of the first row of what is missing that begins with {@code subject}. */
    private void jump(String subject) {
        waitFor("what is missing", () -> robot.lookup("#gap-list").tryQuery().isPresent());
        Node row = robot.lookup("#gap-list .gap-row").queryAll().stream()
                .filter(candidate -> ((Label) candidate.lookup(".label")).getText().startsWith(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing missing listed for " + subject));
        robot.interact(() -> ((ButtonBase) row.lookup(".gap-jump")).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showItem(String itemId) {
        UiTestSupport.showItem(robot, item(itemId));
    }

    private boolean inView(Node node, String scrollId) {
        ScrollPane scroll = robot.lookup(scrollId).queryAs(ScrollPane.class);
        var viewport = scroll.localToScene(scroll.getLayoutBounds());
        var field = node.localToScene(node.getLayoutBounds());
        return field.getMinY() >= viewport.getMinY() && field.getMaxY() <= viewport.getMaxY();
    }

    private void typeDate(String id, LocalDate day) {
        waitFor(id, () -> robot.lookup(id).tryQuery().isPresent());
        DatePicker picker = robot.lookup(id).queryAs(DatePicker.class);
        robot.interact(() -> {
            UiTestSupport.scrollIntoView(picker);
            picker.getEditor().clear();
        });
        robot.clickOn(picker.getEditor());
        robot.write(day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeText(String id, String text) {
        waitFor(id, () -> robot.lookup(id).tryQuery().isPresent());
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> UiTestSupport.scrollIntoView(field));
        robot.clickOn(field);
        robot.write(text);
        waitUntil(() -> field.getText().equals(text));
    }

    private ToggleButton toggle(String id) {
        return robot.lookup(id).queryAs(ToggleButton.class);
    }

    private String text(String id) {
        return robot.lookup(id).tryQuery().map(node -> node instanceof Label label ? label.getText()
                : node instanceof ButtonBase button ? button.getText() : "").orElse("");
    }

    private int row(String number) {
        return catalog.ministryItems().stream().map(MinistryItem::number).toList().indexOf(number);
    }

    private List<MinistryItem> vendorItems() {
        return catalog.ministryItems().stream().filter(MinistryItem::onVendorForm).toList();
    }

    private int vendorRow(String number) {
        return vendorItems().stream().map(MinistryItem::number).toList().indexOf(number);
    }

    private CatalogItem item(String itemId) {
        return catalog.item(itemId).orElseThrow();
    }

    private Workspace workspace() {
        return Workspace.open(data, Clock.systemDefaultZone());
    }

    /** What the store holds, read through a connection of its own, as a restart would. */
    private SelfCheck stored() {
        try (Workspace workspace = workspace()) {
            return workspace.selfCheck().selfCheck(inspectionId, 1);
        }
    }

    private SelfCheck waitForStored(String what, Predicate<SelfCheck> condition) {
        waitFor(what + " stored", () -> condition.test(stored()));
        return stored();
    }

    private int auditEvents() {
        try (Workspace workspace = workspace()) {
            return workspace.chainVerifier().trail(inspectionId).events().size();
        }
    }
}
