package jp.tachiiri.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.InspectionSummary;

/**
 * The state of the first screen: facilities and inspections as read from the store, loaded off the JavaFX
 * thread. The view only binds to it.
 */
final class HomeViewModel {

    /** An inspection with its progress: answered items of those that apply to the facility (gate included). */
    record InspectionRow(InspectionSummary summary, int applicable) {
    }

    private final Workspace workspace;
    private final StoreExecutor executor;
    private final ObservableList<Facility> facilities = FXCollections.observableArrayList();
    private final ObservableList<InspectionRow> inspections = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<RuntimeException> failure = new SimpleObjectProperty<>();

    HomeViewModel(Workspace workspace, StoreExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
    }

    private record Snapshot(List<Facility> facilities, List<InspectionRow> inspections) {
    }

    /** Reads facilities and inspections in the background and shows them when they arrive. */
    void load() {
        executor.submit(this::readSnapshot, snapshot -> {
            facilities.setAll(snapshot.facilities());
            inspections.setAll(snapshot.inspections());
            demo.set(snapshot.facilities().stream().anyMatch(Facility::demo));
        }, failure::set);
    }

    private Snapshot readSnapshot() {
        List<Facility> all = workspace.facilities().all();
        Map<String, FacilityProfile> profiles = all.stream().collect(Collectors.toMap(Facility::id, Facility::profile));
        List<InspectionRow> rows = workspace.inspections().list().stream()
                .map(summary -> new InspectionRow(summary,
                        Applicability.questionCount(catalog(summary.catalogVersion()), profiles.get(summary.facilityId()))))
                .toList();
        return new Snapshot(all, rows);
    }

    private Catalog catalog(String version) {
        return workspace.catalogs().version(version)
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", version));
    }

    ObservableList<Facility> facilities() {
        return facilities;
    }

    ObservableList<InspectionRow> inspections() {
        return inspections;
    }

    ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    ObjectProperty<RuntimeException> failureProperty() {
        return failure;
    }

    Catalog latestCatalog() {
        return workspace.catalogs().latest();
    }

    Workspace workspace() {
        return workspace;
    }
}
