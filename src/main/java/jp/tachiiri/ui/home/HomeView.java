package jp.tachiiri.ui.home;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.TransferState;
import jp.tachiiri.ui.common.Dates;
import jp.tachiiri.ui.common.ScreenParts;
import jp.tachiiri.ui.common.Tables;
import jp.tachiiri.ui.common.UiContext;
import jp.tachiiri.ui.home.HomeViewModel.InspectionRow;

/**
 * The first screen: the inspections (to resume one) above the facilities of the prefecture, with a search
 * over the facilities, and the catalog in use and the data file named at the bottom. A tap (or Enter) on a
 * row opens it. Works in portrait and landscape.
 */
public final class HomeView {

    private final UiContext context;
    private final HomeViewModel model;
    private final Messages messages;
    private final Optional<String> notice;

    public HomeView(UiContext context, HomeViewModel model, Optional<String> notice) {
        this.context = context;
        this.model = model;
        this.messages = context.messages();
        this.notice = notice;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("home");
        root.setTop(header());
        TableView<InspectionRow> inspections = inspectionTable();
        TableView<Facility> facilities = facilityTable();
        VBox body = new VBox(section("home.inspections", inspections, countOf(inspections)),
                section("home.facilities", facilities, facilityCount(), searchField(facilities)));
        body.getStyleClass().add("body");
        VBox.setVgrow(body.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(body.getChildren().get(1), Priority.ALWAYS);
        notice.ifPresent(text -> body.getChildren().add(0, ScreenParts.notice(messages, text)));
        root.setCenter(body);
        root.setBottom(statusBar());
        return root;
    }

    private Node header() {
        VBox titles = ScreenParts.titles(messages, "app.subtitle");

        Label demo = new Label(messages.get("home.demoBadge"));
        demo.setId("demo-badge");
        demo.getStyleClass().add("demo-badge");
        demo.setMinWidth(Region.USE_PREF_SIZE);
        demo.visibleProperty().bind(model.demoProperty());
        demo.managedProperty().bind(demo.visibleProperty());

        Button settings = ScreenParts.headerButton(messages, "settings.button", "settings", () -> new SettingsDialog(context).show());
        Button transfer = ScreenParts.headerButton(messages, "sync.button", "transfer", () -> context.navigator().transfer());
        HBox controls = new HBox(16, demo, transfer, settings, ScreenParts.languageSwitch(context));
        controls.setAlignment(Pos.CENTER_LEFT);
        return ScreenParts.header(titles, controls, () -> ScreenParts.TITLES_ROOM);
    }

    private Node section(String titleKey, TableView<?> table, StringBinding count, Node... below) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        Label counter = new Label();
        counter.getStyleClass().add("section-count");
        counter.textProperty().bind(count);
        HBox heading = new HBox(title, counter);
        heading.setAlignment(Pos.BASELINE_LEFT);
        heading.getStyleClass().add("section-heading");
        VBox section = new VBox(heading);
        section.getChildren().addAll(below);
        section.getChildren().add(table);
        section.getStyleClass().add("card");
        VBox.setVgrow(table, Priority.ALWAYS);
        return section;
    }

    private StringBinding countOf(TableView<?> table) {
        return Bindings.createStringBinding(() -> messages.get("home.count", table.getItems().size()), table.getItems());
    }

    /** "5 件" normally; "2 / 5 件" while a search narrows the list. */
    private StringBinding facilityCount() {
        return Bindings.createStringBinding(() -> model.searching()
                ? messages.get("home.search.count", model.facilities().size(), model.allFacilities().size())
                : messages.get("home.count", model.allFacilities().size()),
                model.facilities(), model.allFacilities(), model.searchProperty());
    }

    /**
     * The search over name, code and kana; Enter opens the facility when exactly one matches, the down arrow
     * goes to the list. The clear button shows while there is something to clear.
     */
    private Node searchField(TableView<Facility> table) {
        TextField field = new TextField();
        field.setId("facility-search");
        field.getStyleClass().add("search-field");
        field.setPromptText(messages.get("home.search.prompt"));
        field.setAccessibleText(messages.get("home.search.prompt"));
        field.textProperty().bindBidirectional(model.searchProperty());
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && model.facilities().size() == 1) {
                context.navigator().facility(model.facilities().get(0).id());
            } else if (event.getCode() == KeyCode.DOWN && !model.facilities().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                table.getFocusModel().focus(0);
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);

        Button clear = new Button(messages.get("home.search.clear"));
        clear.setId("facility-search-clear");
        clear.getStyleClass().add("search-clear");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(event -> {
            field.clear();
            field.requestFocus();
        });

        HBox box = new HBox(field, clear);
        box.getStyleClass().add("search-box");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The revision's status, and where it stands with the office once there is something to send. */
    private String statusText(InspectionRow row) {
        String status = messages.get("status." + row.summary().status().name());
        TransferState transfer = row.summary().transfer();
        return transfer == TransferState.NONE ? status
                : messages.get("home.statusWithTransfer", status, messages.get("transfer." + transfer.name()));
    }

    private TableView<InspectionRow> inspectionTable() {
        TableView<InspectionRow> table = new TableView<>(model.inspections());
        table.setId("inspections");
        table.getColumns().add(Tables.column(messages, "home.column.date", 160, row -> Dates.format(row.summary().date(), messages)));
        table.getColumns().add(Tables.nameColumn(messages, "home.column.facility", row -> row.summary().facilityName()));
        table.getColumns().add(Tables.column(messages, "home.column.status", 190, this::statusText));
        table.getColumns().add(Tables.column(messages, "home.column.revision", 60, row -> Integer.toString(row.summary().revision())));
        table.getColumns().add(Tables.column(messages, "home.column.progress", 100,
                row -> messages.get("home.progress", row.summary().answered(), row.applicable())));
        table.setPlaceholder(placeholder("home.noInspections"));
        Tables.giveRestOfWidthTo(table, 1);
        Tables.openRowsWith(table, row -> context.navigator().inspection(row.summary().id(), Optional.empty(), Optional.empty()));
        return table;
    }

    private TableView<Facility> facilityTable() {
        TableView<Facility> table = new TableView<>(model.facilities());
        table.setId("facilities");
        table.getColumns().add(Tables.nameColumn(messages, "home.column.facility", Facility::name));
        table.getColumns().add(Tables.column(messages, "home.column.code", 145, Facility::code));
        table.getColumns().add(Tables.column(messages, "home.column.beds", 90,
                facility -> messages.get("home.beds", facility.licensedBeds())));
        table.getColumns().add(Tables.column(messages, "home.column.system", 100, facility -> yesNo(facility.hasMedicalInformationSystem())));
        table.getColumns().add(Tables.column(messages, "home.column.emr", 100, facility -> yesNo(facility.usesEmr())));
        table.getColumns().add(Tables.column(messages, "home.column.vendors", 90, facility -> facility.vendors().isEmpty()
                ? messages.get("common.none")
                : messages.get("home.vendorCount", facility.vendors().size())));
        Label placeholder = placeholder("home.noFacilities");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.searching()
                ? messages.get("home.search.noMatch", model.searchProperty().get().strip())
                : messages.get("home.noFacilities"), model.searchProperty()));
        table.setPlaceholder(placeholder);
        Tables.giveRestOfWidthTo(table, 0);
        Tables.openRowsWith(table, facility -> context.navigator().facility(facility.id()));
        return table;
    }

    private Node statusBar() {
        Catalog catalog = model.currentCatalog();
        Label catalogLabel = new Label(messages.get("home.catalog", catalog.version(), catalog.title().in(messages.language()),
                catalog.items().size()));
        catalogLabel.setId("catalog-status");
        catalogLabel.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox left = new VBox(catalogLabel, ScreenParts.dataFile(messages, model.workspace().databaseFile()),
                ScreenParts.failure(context, model.failureProperty()));
        HBox bar = new HBox(left, spacer);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private Label placeholder(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("placeholder");
        return label;
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "common.yes" : "common.no");
    }
}
