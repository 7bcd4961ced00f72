package jp.tachiiri.ui.office;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.review.ReviewRow;
import jp.tachiiri.review.ReviewStatus;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.Tables;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.home.SettingsDialog;

/**
 * The office's home: every inspection received from the tablets, filtered by fiscal year, status,
 * checkpoint with 不適合, bed-size band, inspector and free text, sortable by any column, with the count per
 * status. A tap opens the inspection for review.
 */
public final class OfficeHomeView {

    private final UiContext context;
    private final Messages messages;
    private final OfficeHomeViewModel model;
    private final Optional<String> notice;

    public OfficeHomeView(UiContext context, Optional<String> notice) {
        this.context = context;
        this.messages = context.messages();
        this.model = new OfficeHomeViewModel(context.models());
        this.notice = notice;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("home");
        root.setTop(header());
        Node table = table();
        VBox body = new VBox(12, filters(), counts(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        notice.ifPresent(text -> body.getChildren().add(0, ScreenParts.notice(messages, text)));
        body.getStyleClass().add("body");
        root.setCenter(body);
        VBox status = new VBox(ScreenParts.dataFile(messages, context.workspace().databaseFile()),
                ScreenParts.failure(context, model.failureProperty()));
        status.getStyleClass().add("status-bar");
        root.setBottom(status);
        model.load();
        return root;
    }

    private Node header() {
        VBox titles = ScreenParts.titles(messages, "office.subtitle");
        Label role = new Label(messages.get("role.badge.office"));
        role.setId("role-badge");
        role.getStyleClass().add("role-badge");
        role.setMinWidth(Region.USE_PREF_SIZE);
        Button transfer = ScreenParts.headerButton(messages, "office.import", "office-import", () -> context.navigator().transfer());
        Button dashboard = ScreenParts.headerButton(messages, "dashboard.button", "office-dashboard", () -> context.navigator().dashboard());
        Button planning = ScreenParts.headerButton(messages, "planning.button", "office-planning", () -> new PlanningDialog(context).show());
        Button followUp = ScreenParts.headerButton(messages, "followup.button", "office-followup", () -> new FollowUpDialog(context).show());
        Button settings = ScreenParts.headerButton(messages, "settings.button", "settings", () -> new SettingsDialog(context).show());
        HBox controls = new HBox(16, role, transfer, planning, followUp, dashboard, settings, ScreenParts.languageSwitch(context));
        controls.setAlignment(Pos.CENTER_LEFT);
        return ScreenParts.header(titles, controls, () -> ScreenParts.TITLES_ROOM);
    }

    private Node filters() {
        ComboBox<FiscalYear> year = Tables.anyChoice(messages, "office-year", model.fiscalYears(), model.fiscalYearProperty(),
                value -> Dates.fiscalYear(value, messages), "office.anyYear");
        ComboBox<ReviewStatus> status = Tables.anyChoice(messages, "office-status", FXCollections.observableArrayList(ReviewStatus.values()),
                model.statusProperty(), value -> messages.get("review.status." + value.name()), "office.anyStatus");
        ComboBox<Checkpoint> checkpoint = Tables.anyChoice(messages, "office-checkpoint", FXCollections.observableArrayList(Checkpoint.values()),
                model.nonCompliantInProperty(), value -> messages.get("office.nonCompliantIn", checkpointTitle(value)),
                "office.anyCheckpoint");
        ComboBox<BedBand> band = Tables.anyChoice(messages, "office-band", FXCollections.observableArrayList(BedBand.values()),
                model.bandProperty(), value -> messages.get("band." + value.name()), "office.anyBand");
        TextField inspector = new TextField();
        inspector.setId("office-inspector");
        inspector.setPromptText(messages.get("office.inspectorPrompt"));
        inspector.textProperty().bindBidirectional(model.inspectorProperty());
        TextField text = new TextField();
        text.setId("office-text");
        text.setPromptText(messages.get("office.textPrompt"));
        text.textProperty().bindBidirectional(model.textProperty());
        text.setPrefColumnCount(18);
        FlowPane filters = new FlowPane(8, 8, year, status, checkpoint, band, inspector, text);
        filters.getStyleClass().add("card");
        return filters;
    }

    private String checkpointTitle(Checkpoint checkpoint) {
        return checkpointTitle(context, checkpoint);
    }

    /** The checkpoint's title as the newest catalog gives it, in the user's language. */
    static String checkpointTitle(UiContext context, Checkpoint checkpoint) {
        Messages messages = context.messages();
        return context.workspace().catalogs().latest().sections().stream()
                .filter(section -> section.checkpoint() == checkpoint).findFirst()
                .map(section -> section.title().in(messages.language())).orElse(checkpoint.id());
    }

    private Node counts() {
        HBox counts = new HBox(8);
        counts.setId("office-counts");
        counts.setAlignment(Pos.CENTER_LEFT);
        Label shown = new Label();
        shown.setId("office-shown");
        shown.getStyleClass().add("section-title");
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("office.shown", model.shown().size(), model.all().size()), model.shown(), model.all()));
        counts.getChildren().add(shown);
        for (ReviewStatus status : ReviewStatus.values()) {
            Label count = new Label();
            count.setId("office-count-" + status.name());
            count.getStyleClass().add("status-count");
            count.textProperty().bind(Bindings.createStringBinding(() -> messages.get("office.count",
                    messages.get("review.status." + status.name()), countOf(model.countsProperty().get(), status)),
                    model.countsProperty()));
            counts.getChildren().add(count);
        }
        return counts;
    }

    private static int countOf(Map<ReviewStatus, Integer> counts, ReviewStatus status) {
        return counts.getOrDefault(status, 0);
    }

    private Node table() {
        SortedList<ReviewRow> sorted = new SortedList<>(model.shown());
        TableView<ReviewRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("office-inspections");
        table.getColumns().add(Tables.column(messages, "home.column.date", 160, row -> Dates.format(row.date(), messages)));
        table.getColumns().add(Tables.nameColumn(messages, "home.column.facility", ReviewRow::facilityName));
        table.getColumns().add(Tables.column(messages, "office.column.beds", 80,
                row -> messages.get("office.beds", row.licensedBeds())));
        table.getColumns().add(Tables.wrapping(Tables.column(messages, "office.column.inspectors", 150, ReviewRow::inspectors)));
        table.getColumns().add(Tables.column(messages, "home.column.revision", 50, row -> Integer.toString(row.revision())));
        table.getColumns().add(Tables.column(messages, "home.column.status", 90,
                row -> messages.get("review.status." + row.status().name())));
        table.getColumns().add(Tables.column(messages, "office.column.nonCompliant", 80,
                row -> Integer.toString(row.nonCompliantItems().size())));
        sortDatesAsDates(table);
        table.setPlaceholder(new Label(messages.get("office.noInspections")));
        Tables.giveRestOfWidthTo(table, 1);
        Tables.openRowsWith(table, row -> context.navigator().inspection(row.inspectionId(), Optional.of(row.revision()),
                Optional.empty()));
        VBox card = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        card.getStyleClass().add("card");
        return card;
    }

    /** Dates, beds and counts sort by value, not by their text: the date column holds the ISO date and shows it formatted. */
    @SuppressWarnings("unchecked")
    private void sortDatesAsDates(TableView<ReviewRow> table) {
        TableColumn<ReviewRow, String> date = (TableColumn<ReviewRow, String>) table.getColumns().get(0);
        date.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().date().toString()));
        date.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String iso, boolean empty) {
                super.updateItem(iso, empty);
                setText(empty || iso == null ? null : Dates.format(LocalDate.parse(iso), messages));
            }
        });
        TableColumn<ReviewRow, String> beds = (TableColumn<ReviewRow, String>) table.getColumns().get(2);
        beds.setComparator(Comparator.comparingInt(OfficeHomeView::digits));
        TableColumn<ReviewRow, String> count = (TableColumn<ReviewRow, String>) table.getColumns().get(6);
        count.setComparator(Comparator.comparingInt(OfficeHomeView::digits));
    }

    private static int digits(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
