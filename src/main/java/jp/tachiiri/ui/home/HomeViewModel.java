package jp.tachiiri.ui.home;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.SearchText;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The state of the first screen: facilities and inspections as read from the store, loaded off the JavaFX
 * thread, and the search that narrows the facilities. The view only binds to it.
 */
public final class HomeViewModel {

    /** An inspection with its progress: answered items of those that apply to the facility (gate included). */
    record InspectionRow(InspectionSummary summary, int applicable) {
    }

    private final Workspace workspace;
    private final Background background;
    private final ObservableList<Facility> allFacilities = FXCollections.observableArrayList();
    private final ObservableList<Facility> allFacilitiesShown = FXCollections.unmodifiableObservableList(allFacilities);
    private final FilteredList<Facility> facilities = new FilteredList<>(allFacilities);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<InspectionRow> inspections = FXCollections.observableArrayList();
    private final ObservableList<InspectionRow> inspectionsShown = FXCollections.unmodifiableObservableList(inspections);
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RuntimeException> failure = new ReadOnlyObjectWrapper<>();

    public HomeViewModel(ViewModelContext models) {
        this.workspace = models.workspace();
        this.background = models.background();
        facilities.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(search.get()), search));
    }

    private record Snapshot(List<Facility> facilities, List<InspectionRow> inspections) {
    }

    /** Reads facilities and inspections in the background and shows them when they arrive. */
    public void load() {
        background.submit(this::readSnapshot, snapshot -> {
            allFacilities.setAll(snapshot.facilities());
            inspections.setAll(snapshot.inspections());
            demo.set(snapshot.facilities().stream().anyMatch(Facility::demo));
        }, failure::set);
    }

    private Snapshot readSnapshot() {
        List<Facility> all = workspace.facilities().all();
        Map<String, Facility> byId = all.stream().collect(Collectors.toMap(Facility::id, facility -> facility));
        List<InspectionRow> rows = workspace.inspections().list().stream()
                .map(summary -> new InspectionRow(summary, Applicability.questionCount(catalog(summary.catalogVersion()),
                        byId.get(summary.facilityId()).profileOn(summary.date()))))
                .toList();
        return new Snapshot(all, rows);
    }

    private Catalog catalog(String version) {
        return workspace.catalogs().version(version)
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", version));
    }

    /** The facilities that match the search (all of them while it is empty), in register order. */
    ObservableList<Facility> facilities() {
        return facilities;
    }

    /** Every facility, whatever the search. */
    ObservableList<Facility> allFacilities() {
        return allFacilitiesShown;
    }

    /** What the user typed into the search field. */
    StringProperty searchProperty() {
        return search;
    }

    /** True while the search narrows the list. */
    boolean searching() {
        return !SearchText.of(search.get()).isEmpty();
    }

    /**
     * The facilities whose name, medical-institution code or kana reading contains {@code query}, compared as
     * every search compares ({@link SearchText}): hiragana and katakana alike, full- and half-width alike, spaces
     * ignored.
     */
    static Predicate<Facility> matching(String query) {
        SearchText wanted = SearchText.of(query);
        return facility -> wanted.foundIn(facility.name(), facility.code(), facility.kana());
    }

    ObservableList<InspectionRow> inspections() {
        return inspectionsShown;
    }

    ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RuntimeException> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The catalog an inspection started today follows: that of today's fiscal year. */
    Catalog currentCatalog() {
        return workspace.catalogs().forFiscalYear(FiscalYear.of(LocalDate.now(workspace.clock())));
    }

    Workspace workspace() {
        return workspace;
    }
}
