package jp.tachiiri.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Language;
import jp.tachiiri.ui.HomeViewModel.InspectionRow;

/**
 * The first screen: the inspections (to resume one) above the facilities of the prefecture, with the
 * catalog in use and the data file named at the bottom. Works in portrait and landscape.
 */
final class HomeView {

    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Language.EN.locale());

    private static final double SCROLL_BAR_ALLOWANCE = 20;

    private final HomeViewModel model;
    private final Messages messages;
    private final Consumer<Language> onLanguageChosen;

    HomeView(HomeViewModel model, Messages messages, Consumer<Language> onLanguageChosen) {
        this.model = model;
        this.messages = messages;
        this.onLanguageChosen = onLanguageChosen;
    }

    Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("home");
        root.setTop(header());
        VBox body = new VBox(section("home.inspections", inspectionTable()),
                section("home.facilities", facilityTable()));
        body.getStyleClass().add("body");
        VBox.setVgrow(body.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(body.getChildren().get(1), Priority.ALWAYS);
        root.setCenter(body);
        root.setBottom(statusBar());
        return root;
    }

    private Node header() {
        Label brand = new Label(messages.get("app.name"));
        brand.getStyleClass().add("brand");
        Label subtitle = new Label(messages.get("app.subtitle"));
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        VBox titles = new VBox(brand, subtitle);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Label demo = new Label(messages.get("home.demoBadge"));
        demo.setId("demo-badge");
        demo.getStyleClass().add("demo-badge");
        demo.setMinWidth(Region.USE_PREF_SIZE);
        demo.visibleProperty().bind(model.demoProperty());
        demo.managedProperty().bind(demo.visibleProperty());

        HBox header = new HBox(titles, demo, languageSwitch());
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private Node languageSwitch() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.getStyleClass().add("language-switch");
        for (Language language : Language.values()) {
            ToggleButton button = new ToggleButton(messages.get("language." + language.code()));
            button.setId("language-" + language.code());
            button.setToggleGroup(group);
            button.setSelected(language == messages.language());
            button.setOnAction(event -> {
                if (language != messages.language()) {
                    onLanguageChosen.accept(language);
                } else {
                    button.setSelected(true);
                }
            });
            box.getChildren().add(button);
        }
        return box;
    }

    private Node section(String titleKey, TableView<?> table) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        Label counter = new Label();
        counter.getStyleClass().add("section-count");
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("home.count", table.getItems().size()), table.getItems()));
        HBox heading = new HBox(title, counter);
        heading.setAlignment(Pos.BASELINE_LEFT);
        heading.getStyleClass().add("section-heading");
        VBox section = new VBox(heading, table);
        section.getStyleClass().add("card");
        VBox.setVgrow(table, Priority.ALWAYS);
        return section;
    }

    private TableView<InspectionRow> inspectionTable() {
        TableView<InspectionRow> table = new TableView<>(model.inspections());
        table.setId("inspections");
        table.getColumns().add(column("home.column.date", 160, row -> formatDate(row.summary().date())));
        table.getColumns().add(nameColumn("home.column.facility", row -> row.summary().facilityName()));
        table.getColumns().add(column("home.column.status", 120,
                row -> messages.get("status." + row.summary().status().name())));
        table.getColumns().add(column("home.column.revision", 60, row -> Integer.toString(row.summary().revision())));
        table.getColumns().add(column("home.column.progress", 100,
                row -> messages.get("home.progress", row.summary().answered(), row.applicable())));
        table.setPlaceholder(placeholder("home.noInspections"));
        giveRestOfWidthTo(table, 1);
        return table;
    }

    private TableView<Facility> facilityTable() {
        TableView<Facility> table = new TableView<>(model.facilities());
        table.setId("facilities");
        table.getColumns().add(nameColumn("home.column.facility", Facility::name));
        table.getColumns().add(column("home.column.code", 150, Facility::code));
        table.getColumns().add(column("home.column.beds", 110,
                facility -> messages.get("home.beds", facility.licensedBeds())));
        table.getColumns().add(column("home.column.system", 100, facility -> yesNo(facility.hasMedicalInformationSystem())));
        table.getColumns().add(column("home.column.emr", 100, facility -> yesNo(facility.usesEmr())));
        table.getColumns().add(column("home.column.vendors", 90, facility -> facility.vendors().isEmpty()
                ? messages.get("common.none")
                : messages.get("home.vendorCount", facility.vendors().size())));
        table.setPlaceholder(placeholder("home.noFacilities"));
        giveRestOfWidthTo(table, 0);
        return table;
    }

    /**
     * The other columns keep the width their content needs; the name column grows and shrinks with the table,
     * so that portrait and landscape both show every column whole.
     */
    private static void giveRestOfWidthTo(TableView<?> table, int nameColumn) {
        double fixed = table.getColumns().stream().filter(column -> column != table.getColumns().get(nameColumn))
                .mapToDouble(TableColumn::getPrefWidth).sum();
        table.getColumns().get(nameColumn).prefWidthProperty()
                .bind(table.widthProperty().subtract(fixed + SCROLL_BAR_ALLOWANCE));
    }

    private Node statusBar() {
        Catalog catalog = model.latestCatalog();
        Label catalogLabel = new Label(messages.get("home.catalog", catalog.version(), catalog.title().in(messages.language()),
                catalog.items().size()));
        catalogLabel.setId("catalog-status");
        catalogLabel.setWrapText(true);
        Label file = new Label(messages.get("home.dataFile", model.workspace().databaseFile()));
        file.getStyleClass().add("data-file");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("error");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> model.failureProperty().get() == null ? "" : describe(model.failureProperty().get()),
                model.failureProperty()));
        VBox left = new VBox(catalogLabel, file, error);
        HBox bar = new HBox(left, spacer);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private String describe(RuntimeException failure) {
        return failure instanceof UserFacingException userFacing
                ? messages.describe(userFacing)
                : messages.get("error.unexpected", failure.toString());
    }

    private Label placeholder(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("placeholder");
        return label;
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "common.yes" : "common.no");
    }

    private String formatDate(LocalDate date) {
        return (messages.language() == Language.EN ? ENGLISH_DATE : JAPANESE_DATE).format(date);
    }

    /** A column that keeps its width; the facility-name column ({@link #nameColumn}) takes what is left. */
    private <T> TableColumn<T, String> column(String titleKey, double width, Function<T, String> text) {
        TableColumn<T, String> column = textColumn(titleKey, text);
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    private <T> TableColumn<T, String> nameColumn(String titleKey, Function<T, String> text) {
        TableColumn<T, String> column = textColumn(titleKey, text);
        column.setMinWidth(160);
        return column;
    }

    private <T> TableColumn<T, String> textColumn(String titleKey, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(messages.get(titleKey));
        column.setCellValueFactory(cell -> constant(text.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }
}
