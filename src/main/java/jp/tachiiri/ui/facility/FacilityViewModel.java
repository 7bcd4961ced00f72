package jp.tachiiri.ui.facility;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The state of one facility's screen: the facility as stored, its editable attributes (licensed beds, medical
 * information system, EMR, vendor contracts) with their validation, how many catalog items apply with them,
 * and the facility's inspections. Every valid change is stored at once, off the JavaFX thread, in the order
 * it was made; there is no save button. A wrong value is shown with its reason and never stored.
 */
public final class FacilityViewModel {

    /** Where the latest change stands. */
    enum SaveState {
        /** Nothing changed since the screen opened. */
        UNCHANGED,
        SAVING,
        SAVED,
        FAILED
    }

    static final int MIN_BEDS = 0;
    static final int MAX_BEDS = 2000;

    /** One vendor contract as the inspector edits it; a row with nothing in it is not a contract yet. */
    final class VendorRow {
        private final StringProperty vendorName = new SimpleStringProperty("");
        private final StringProperty system = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        private VendorRow(String vendorName, String system) {
            this.vendorName.set(vendorName);
            this.system.set(system);
            this.vendorName.addListener((observable, old, now) -> changed());
            this.system.addListener((observable, old, now) -> changed());
        }

        StringProperty vendorNameProperty() {
            return vendorName;
        }

        StringProperty systemProperty() {
            return system;
        }

        /** Why this row is not stored, or empty. */
        ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        private boolean blank() {
            return vendorName.get().isBlank() && system.get().isBlank();
        }

        /** A contract needs the vendor's name; the system may follow later. */
        private Optional<VendorContract> contract() {
            return vendorName.get().isBlank()
                    ? Optional.empty()
                    : Optional.of(new VendorContract(vendorName.get().strip(), system.get().strip()));
        }
    }

    private final ViewModelContext models;
    private final Workspace workspace;
    private final Background background;
    private final Messages messages;
    private final String facilityId;
    private final Catalog catalog;

    private final ReadOnlyObjectWrapper<Facility> stored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final StringProperty bedsText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper bedsError = new ReadOnlyStringWrapper("");
    private final BooleanProperty medicalInformationSystem = new SimpleBooleanProperty();
    private final BooleanProperty emr = new SimpleBooleanProperty();
    private final ObservableList<VendorRow> vendors = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper applicableCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper applicableText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SaveState> saveState = new ReadOnlyObjectWrapper<>(SaveState.UNCHANGED);
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<InspectionSummary> inspections = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens weakly to its list, so a view made per call and held by nobody
    // but a listener would be collected, and the listener would stop hearing changes.
    private final ObservableList<InspectionSummary> inspectionsShown = FXCollections.unmodifiableObservableList(inspections);

    /** While the stored values are put into the fields: not a change by the user. */
    private boolean filling;
    /** The beds stored last (or loaded): used while the field holds a wrong value. */
    private int lastValidBeds;
    /** What was last handed to the store, to skip writing the same state twice. */
    private Facility lastSubmitted;
    private int savesInFlight;

    FacilityViewModel(ViewModelContext models, String facilityId) {
        this.models = models;
        this.workspace = models.workspace();
        this.background = models.background();
        this.messages = models.messages();
        this.facilityId = facilityId;
        this.catalog = workspace.catalogs().latest();
        bedsText.addListener((observable, old, now) -> changed());
        medicalInformationSystem.addListener((observable, old, now) -> changed());
        emr.addListener((observable, old, now) -> changed());
        vendors.addListener((ListChangeListener<VendorRow>) change -> changed());
    }

    private record Snapshot(Facility facility, List<InspectionSummary> inspections) {
    }

    /** Reads the facility and its inspections in the background and fills the form when they arrive. */
    void load() {
        background.submit(() -> {
            Facility facility = workspace.facilities().byId(facilityId)
                    .orElseThrow(() -> new UserFacingException("facility.error.notFound", facilityId));
            List<InspectionSummary> own = workspace.inspections().list().stream()
                    .filter(summary -> summary.facilityId().equals(facilityId)).toList();
            return new Snapshot(facility, own);
        }, this::fill, failure -> loadError.set(models.describe(failure)));
    }

    private void fill(Snapshot snapshot) {
        Facility facility = snapshot.facility();
        filling = true;
        try {
            stored.set(facility);
            lastValidBeds = facility.licensedBeds();
            lastSubmitted = facility;
            bedsText.set(Integer.toString(facility.licensedBeds()));
            medicalInformationSystem.set(facility.hasMedicalInformationSystem());
            emr.set(facility.usesEmr());
            vendors.setAll(facility.vendors().stream()
                    .map(vendor -> new VendorRow(vendor.vendorName(), vendor.system())).toList());
            inspections.setAll(snapshot.inspections());
        } finally {
            filling = false;
        }
        validate();
        loaded.set(true);
    }

    /** Adds an empty vendor row (stored once it has a vendor name); returns it so the view can focus it. */
    VendorRow addVendor() {
        VendorRow row = new VendorRow("", "");
        vendors.add(row);
        return row;
    }

    void removeVendor(VendorRow row) {
        vendors.remove(row);
    }

    /** Re-validates, updates the applicable count and stores the facility if it changed. */
    private void changed() {
        if (filling || stored.get() == null) {
            return;
        }
        validate();
        Facility edited = edited();
        if (edited.equals(lastSubmitted)) {
            return;
        }
        lastSubmitted = edited;
        savesInFlight++;
        saveState.set(SaveState.SAVING);
        saveMessage.set(messages.get("facility.saving"));
        background.submit(() -> {
            workspace.facilities().save(edited);
            return edited;
        }, saved -> {
            savesInFlight--;
            stored.set(saved);
            if (savesInFlight == 0) {
                saveState.set(SaveState.SAVED);
                saveMessage.set(messages.get("facility.saved"));
            }
        }, failure -> {
            savesInFlight--;
            // The next change writes the whole facility again.
            lastSubmitted = null;
            saveState.set(SaveState.FAILED);
            saveMessage.set(messages.get("facility.saveFailed", models.describe(failure)));
        });
    }

    private void validate() {
        OptionalInt beds = parseBeds(bedsText.get());
        if (beds.isPresent()) {
            lastValidBeds = beds.getAsInt();
            bedsError.set("");
        } else {
            bedsError.set(bedsText.get() == null || bedsText.get().isBlank()
                    ? messages.get("facility.beds.required", MIN_BEDS, MAX_BEDS)
                    : messages.get("facility.beds.invalid", MIN_BEDS, MAX_BEDS));
        }
        for (VendorRow row : vendors) {
            row.error.set(!row.blank() && row.contract().isEmpty() ? messages.get("facility.vendor.nameRequired") : "");
        }
        FacilityProfile profile = profile();
        int count = Applicability.applicableItems(catalog, profile).size();
        applicableCount.set(count);
        applicableText.set(profile.hasMedicalInformationSystem()
                ? messages.get("facility.applicable", count, catalog.items().size(), catalog.version())
                : messages.get("facility.applicable.noSystem", catalog.items().size(), catalog.version()));
    }

    /**
     * The facility as it would be stored now: the valid values of the form; the last valid bed count while the
     * field holds a wrong one; only the vendor rows that name a vendor.
     */
    Facility edited() {
        Facility base = stored.get();
        List<VendorContract> contracts = vendors.stream().map(VendorRow::contract).flatMap(Optional::stream).toList();
        return new Facility(base.id(), base.code(), base.name(), base.kana(), base.address(), base.type(), lastValidBeds,
                medicalInformationSystem.get(), emr.get(), contracts, base.feeAddOnClaims(), base.demo());
    }

    /** The attributes as they would count for an inspection today. */
    private FacilityProfile profile() {
        return edited().profileOn(LocalDate.now(workspace.clock()));
    }

    /**
     * The licensed beds typed into the field: a whole number from {@value #MIN_BEDS} to {@value #MAX_BEDS}.
     * Full-width digits (from a Japanese keyboard) and surrounding spaces are accepted.
     */
    static OptionalInt parseBeds(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (!normalized.matches("[0-9]{1,4}")) {
            return OptionalInt.empty();
        }
        int beds = Integer.parseInt(normalized);
        return beds >= MIN_BEDS && beds <= MAX_BEDS ? OptionalInt.of(beds) : OptionalInt.empty();
    }

    String facilityId() {
        return facilityId;
    }

    Catalog catalog() {
        return catalog;
    }

    /** The facility as last read from or written to the store; null until loaded. */
    ReadOnlyObjectProperty<Facility> storedProperty() {
        return stored.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the facility could not be read, or empty. */
    ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    StringProperty bedsTextProperty() {
        return bedsText;
    }

    /** Why the bed count is not stored, or empty. */
    ReadOnlyStringProperty bedsErrorProperty() {
        return bedsError.getReadOnlyProperty();
    }

    BooleanProperty medicalInformationSystemProperty() {
        return medicalInformationSystem;
    }

    BooleanProperty emrProperty() {
        return emr;
    }

    ObservableList<VendorRow> vendors() {
        return vendors;
    }

    /** How many items of the latest catalog apply to the facility with the attributes as they stand. */
    ReadOnlyIntegerProperty applicableCountProperty() {
        return applicableCount.getReadOnlyProperty();
    }

    ReadOnlyStringProperty applicableTextProperty() {
        return applicableText.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    /** 保存中… / 保存しました / the reason it failed; empty until something changes. */
    ReadOnlyStringProperty saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    /** The facility's inspections, newest first. */
    ObservableList<InspectionSummary> inspections() {
        return inspectionsShown;
    }
}
