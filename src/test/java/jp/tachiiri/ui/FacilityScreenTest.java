package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.rows;
import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.ui.common.Scrolling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector's way from the list to a new inspection, in the real app, headless: find a hospital by its
 * reading typed in katakana, correct its attributes, start an inspection; then read the data file again.
 */
class FacilityScreenTest {

    private static final String MIZUHO = "demo-mizuho";

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = AppRunner.startingOn(() -> data);
    private final FxRobot robot = new FxRobot();

    @Test
    void findAHospitalCorrectItsAttributesAndStartAnInspection() throws Exception {
        waitFor("the demo facilities", () -> rows(robot, "#facilities") == 5);

        // Search: the reading is stored in hiragana, the inspector types katakana.
        robot.clickOn("#facility-search").write("ミズホ");
        waitFor("one facility left", () -> rows(robot, "#facilities") == 1);
        assertThat(robot.lookup("#facilities").queryTableView().getItems())
                .extracting(item -> ((Facility) item).id()).containsExactly(MIZUHO);

        // One tap on the row opens the facility.
        robot.clickOn(cellIn("#facilities", "デモ みずほ台病院"));
        waitFor("the facility screen", () -> robot.lookup("#facility-beds").tryQuery()
                .map(node -> "80".equals(((TextField) node).getText())).orElse(false));
        assertThat(text("#facility-name")).isEqualTo("デモ みずほ台病院");
        assertThat(text("#facility-kana")).isEqualTo("でも みずほだいびょういん");
        assertThat(text("#facility-code")).contains("9910000033");
        assertThat(text("#facility-address")).isEqualTo("デモ県みずほ町中央2-8");
        String applicableBefore = text("#facility-applicable");

        // A wrong bed count is explained and not stored; 250 is.
        TextField beds = robot.lookup("#facility-beds").queryAs(TextField.class);
        robot.clickOn(beds);
        robot.interact(beds::selectAll);
        robot.write("25x");
        waitFor("the bed error", () -> robot.lookup("#facility-beds-error").queryAs(Label.class).isVisible());
        assertThat(text("#facility-beds-error")).contains("0〜2000");
        robot.interact(beds::selectAll);
        robot.write("250");
        waitFor("the bed error to go", () -> !robot.lookup("#facility-beds-error").queryAs(Label.class).isVisible());
        waitFor("saved", () -> text("#facility-save-status").equals("保存しました"));
        // Beds alone change no item: the 200-bed ones are a fee add-on's, for a facility that claims it.
        assertThat(text("#facility-applicable")).isEqualTo(applicableBefore);

        // A vendor contract: a new row, typed into at once; the vendor's items now apply.
        clickVisible("#vendor-add");
        waitFor("a vendor row", () -> robot.lookup("#vendor-name-0").tryQuery().map(Node::isFocused).orElse(false));
        robot.write("テスト医療システム株式会社");
        clickVisible("#vendor-system-0");
        robot.write("電子カルテ");
        waitFor("saved", () -> text("#facility-save-status").equals("保存しました"));
        assertThat(text("#facility-applicable")).isNotEqualTo(applicableBefore);

        // The type: a clinic with beds does not have 250; nothing is stored until type and beds agree.
        clickVisible("#facility-type-clinicWithBeds");
        waitFor("the type error", () -> robot.lookup("#facility-type-error").queryAs(Label.class).isVisible());
        assertThat(text("#facility-type-error")).startsWith("有床診療所の許可病床は1〜19床です（いまは 250 床）");
        assertThat(robot.lookup("#facility-type-note").queryAs(Label.class).getText()).contains("薬局確認用");
        clickVisible("#facility-type-hospital");
        waitFor("the type error to go", () -> !robot.lookup("#facility-type-error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#facility-type-hospital").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#facility-type-clinicWithBeds").queryAs(ToggleButton.class).isSelected()).isFalse();

        // A fee add-on claim: the add-on chosen from the list, with its period; the day typed in full-width digits.
        clickVisible("#claim-add");
        waitFor("a claim row", () -> robot.lookup("#claim-addOn-0").tryQuery().map(Node::isFocused).orElse(false));
        clickVisible("#claim-addOn-0");
        waitFor("the add-ons", () -> addOnCell("診療録管理体制加算2（令和6年度改定）") != null);
        assertThat(addOnCell("診療録管理体制加算2（令和6年度改定）").getText()).endsWith("2024年6月1日〜2026年5月31日");
        robot.clickOn(addOnCell("診療録管理体制加算2（令和6年度改定）"));
        waitFor("the day asked for", () -> text("#claim-error-0").startsWith("算定開始日を入力してください"));
        DatePicker from = robot.lookup("#claim-from-0").queryAs(DatePicker.class);
        clickVisible("#claim-from-0");
        robot.write("２０２４／６／１");
        waitFor("the claim saved", () -> !robot.lookup("#claim-error-0").queryAs(Label.class).isVisible()
                && text("#facility-save-status").equals("保存しました"));
        // Enter takes the day into the calendar, written as the app writes dates.
        robot.type(KeyCode.ENTER);
        waitFor("the day as a date", () -> LocalDate.of(2024, 6, 1).equals(from.getValue()));
        assertThat(from.getEditor().getText()).isEqualTo("2024年6月1日");

        // Start: nothing without a lead inspector.
        Button start = robot.lookup("#start-inspection").queryButton();
        assertThat(start.isDisabled()).isTrue();
        clickVisible("#start-lead");
        robot.write("県庁 検査一郎");
        clickVisible("#attendee-add");
        waitFor("an attendee row", () -> robot.lookup("#attendee-name-0").tryQuery().map(Node::isFocused).orElse(false));
        robot.write("病院 事務太郎");
        clickVisible("#attendee-role-0");
        robot.write("事務長");
        waitFor("the start button", () -> !start.isDisabled());
        clickVisible("#start-inspection");
        waitFor("the inspection screen", () -> robot.lookup("#start-inspection").tryQuery().isEmpty());

        // Closing the app lets the queued writes finish; then the data file is read again.
        app.stop();
        try (Workspace reopened = Workspace.open(data, Clock.systemDefaultZone())) {
            Facility mizuho = reopened.facilities().byId(MIZUHO).orElseThrow();
            assertThat(mizuho.licensedBeds()).isEqualTo(250);
            assertThat(mizuho.vendors()).containsExactly(new VendorContract("テスト医療システム株式会社", "電子カルテ"));
            assertThat(mizuho.type()).isEqualTo(FacilityType.HOSPITAL);
            assertThat(mizuho.feeAddOnClaims())
                    .containsExactly(new FeeAddOnClaim("records-management-2-2024", LocalDate.of(2024, 6, 1)));

            List<InspectionSummary> inspections = reopened.inspections().list().stream()
                    .filter(summary -> summary.facilityId().equals(MIZUHO)).toList();
            assertThat(inspections).hasSize(1);
            Inspection started = reopened.inspections().find(inspections.get(0).id()).orElseThrow();
            assertThat(started.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
            assertThat(started.date()).isEqualTo(LocalDate.now());
            assertThat(started.inspectors()).containsExactly("県庁 検査一郎");
            assertThat(started.attendees()).containsExactly(new Attendee("病院 事務太郎", "事務長"));
            assertThat(started.demo()).isFalse();
        }
    }

    @Test
    void anInspectionRowOnTheFirstScreenOpensIt() throws Exception {
        waitFor("the demo inspections", () -> rows(robot, "#inspections") > 0);
        robot.clickOn(cellIn("#inspections", "デモ 桜川記念病院"));
        waitFor("the list to go", () -> robot.lookup("#inspections").tryQuery().isEmpty());
    }

    @Test
    void enterOnAFacilityRowOpensIt() throws Exception {
        waitFor("the demo facilities", () -> rows(robot, "#facilities") == 5);
        TableView<?> facilities = robot.lookup("#facilities").queryTableView();
        robot.interact(() -> {
            facilities.requestFocus();
            facilities.getSelectionModel().select(2);
        });
        Facility selected = (Facility) facilities.getSelectionModel().getSelectedItem();
        robot.type(KeyCode.ENTER);
        waitFor("its screen", () -> robot.lookup("#facility-name").tryQuery()
                .map(node -> ((Label) node).getText().equals(selected.name())).orElse(false));
    }

    @Test
    void backLeadsToTheListAndTheFacilityShowsItsInspections() throws Exception {
        waitFor("the demo facilities", () -> rows(robot, "#facilities") == 5);
        robot.clickOn("#facility-search").write("あおばだい");
        waitFor("one facility left", () -> rows(robot, "#facilities") == 1);
        robot.type(KeyCode.ENTER);
        waitFor("its inspection", () -> robot.lookup(".open-inspection").tryQuery().isPresent());
        assertThat(robot.lookup(".open-inspection").queryAllAs(Button.class)).extracting(Button::getText)
                .as("the inspection in progress is resumed").contains("再開");

        robot.clickOn("#back");
        waitFor("the list again", () -> rows(robot, "#facilities") == 5);
    }

    // ---- helpers

    private String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : ((TextField) node).getText();
    }

    /** The add-on in the open drop-down list whose text starts with {@code name}, or null while there is none. */
    private ListCell<?> addOnCell(String name) {
        return robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getText() != null && cell.getText().startsWith(name)).findFirst().orElse(null);
    }

    @SuppressWarnings("rawtypes")
    private Node cellIn(String table, String text) {
        waitFor("a cell " + text, () -> robot.from(robot.lookup(table).queryAs(Node.class)).lookup(".table-cell")
                .queryAllAs(TableCell.class).stream().anyMatch(cell -> text.equals(cell.getText())));
        return robot.from(robot.lookup(table).queryAs(Node.class)).lookup(".table-cell").queryAllAs(TableCell.class)
                .stream().filter(cell -> text.equals(cell.getText())).findFirst().orElseThrow();
    }

    /** The page scrolls; a node below the fold is brought into view before it is tapped. */
    private void clickVisible(String query) {
        Node node = robot.lookup(query).query();
        ScrollPane scroll = robot.lookup("#facility-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> Scrolling.intoView(scroll, node));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }
}
