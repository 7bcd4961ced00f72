package jp.tachiiri.ui.facility;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.VendorContract;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The state of one facility's screen: the facility as stored, its editable attributes (type, licensed beds,
 * medical information system, EMR, vendor contracts, fee add-on claims) with their validation, how many catalog
 * items apply with them today, and the facility's inspections. Every valid change is stored at once, off the JavaFX thread, in the order
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

    /**
     * One fee add-on claim as the inspector edits it: the add-on (an id of the catalog's fee add-ons; none chosen
     * yet is null) and the first day claimed as typed. A row is stored once both are there and valid.
     */
    final class ClaimRow {
        private final ObjectProperty<String> addOnId = new SimpleObjectProperty<>();
        private final StringProperty fromText = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
        /** The claim this row stands for, set by {@link #validate()}; empty while the row is not stored. */
        private Optional<FeeAddOnClaim> accepted = Optional.empty();

        private ClaimRow(String addOnId, String fromText) {
            this.addOnId.set(addOnId);
            this.fromText.set(fromText);
            this.addOnId.addListener((observable, old, now) -> changed());
            this.fromText.addListener((observable, old, now) -> changed());
        }

        ObjectProperty<String> addOnIdProperty() {
            return addOnId;
        }

        /** The first day claimed, as typed: the app's date forms, full-width digits too. */
        StringProperty fromTextProperty() {
            return fromText;
        }

        /** Why this row is not stored, or empty. */
        ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        /**
         * Checks the row, given the add-ons chosen in the rows above it: the first row to choose an add-on has it.
         * Returns why the row is not stored, or empty (also for a row with nothing in it yet).
         */
        private String check(Set<String> chosenAbove) {
            accepted = Optional.empty();
            String text = fromText.get() == null ? "" : fromText.get();
            if (addOnId.get() == null) {
                return text.isBlank() ? "" : messages.get("facility.claim.addOnRequired");
            }
            if (!chosenAbove.add(addOnId.get())) {
                return messages.get("facility.claim.duplicate", addOnName(addOnId.get()));
            }
            if (addOn(addOnId.get()).filter(addOn -> !addOn.claimableBy(type.get())).isPresent()) {
                return messages.get("facility.claim.notForType", addOnName(addOnId.get()),
                        messages.get("facilityType." + type.get().id()));
            }
            if (text.isBlank()) {
                return messages.get("facility.claim.fromRequired");
            }
            Optional<LocalDate> from = DateText.read(text);
            if (from.isEmpty()) {
                return messages.get("facility.claim.fromInvalid", text.strip());
            }
            Optional<LocalDate> until = addOn(addOnId.get()).flatMap(addOn -> addOn.period().until());
            if (until.filter(end -> from.get().isAfter(end)).isPresent()) {
                return messages.get("facility.claim.fromAfterEnd", addOnName(addOnId.get()),
                        DateText.format(until.get(), messages.language()));
            }
            accepted = Optional.of(new FeeAddOnClaim(addOnId.get(), from.get()));
            return "";
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
    private final ObjectProperty<FacilityType> type = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper typeError = new ReadOnlyStringWrapper("");
    private final StringProperty bedsText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper bedsError = new ReadOnlyStringWrapper("");
    private final BooleanProperty medicalInformationSystem = new SimpleBooleanProperty();
    private final BooleanProperty emr = new SimpleBooleanProperty();
    private final ObservableList<VendorRow> vendors = FXCollections.observableArrayList();
    private final ObservableList<ClaimRow> claims = FXCollections.observableArrayList();
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
    /**
     * The type and beds stored last (or loaded): used while the field holds a wrong value or the two disagree. They
     * change together, so that they always make a facility.
     */
    private FacilityType lastValidType;
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
        this.catalog = workspace.catalogs().forFiscalYear(FiscalYear.of(LocalDate.now(workspace.clock())));
        type.addListener((observable, old, now) -> changed());
        bedsText.addListener((observable, old, now) -> changed());
        medicalInformationSystem.addListener((observable, old, now) -> changed());
        emr.addListener((observable, old, now) -> changed());
        vendors.addListener((ListChangeListener<VendorRow>) change -> changed());
        claims.addListener((ListChangeListener<ClaimRow>) change -> changed());
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
            lastValidType = facility.type();
            lastValidBeds = facility.licensedBeds();
            lastSubmitted = facility;
            type.set(facility.type());
            bedsText.set(Integer.toString(facility.licensedBeds()));
            medicalInformationSystem.set(facility.hasMedicalInformationSystem());
            emr.set(facility.usesEmr());
            vendors.setAll(facility.vendors().stream()
                    .map(vendor -> new VendorRow(vendor.vendorName(), vendor.system())).toList());
            claims.setAll(facility.feeAddOnClaims().stream()
                    .map(claim -> new ClaimRow(claim.addOnId(), DateText.format(claim.from(), messages.language())))
                    .toList());
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

    /** Adds an empty claim row (stored once it has an add-on and a first day); returns it for the view to focus. */
    ClaimRow addClaim() {
        ClaimRow row = new ClaimRow(null, "");
        claims.add(row);
        return row;
    }

    void removeClaim(ClaimRow row) {
        claims.remove(row);
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
            bedsError.set("");
            FacilityType chosen = type.get();
            if (chosen.allows(beds.getAsInt())) {
                lastValidType = chosen;
                lastValidBeds = beds.getAsInt();
                typeError.set("");
            } else {
                typeError.set(messages.get("facility.type.mismatch." + chosen.id(), beds.getAsInt(), chosen.minBeds(),
                        chosen.maxBeds(), messages.get("facilityType." + chosen.id())));
            }
        } else {
            bedsError.set(bedsText.get() == null || bedsText.get().isBlank()
                    ? messages.get("facility.beds.required", MIN_BEDS, MAX_BEDS)
                    : messages.get("facility.beds.invalid", MIN_BEDS, MAX_BEDS));
            typeError.set(type.get() == lastValidType ? "" : messages.get("facility.type.waitingForBeds"));
        }
        for (VendorRow row : vendors) {
            row.error.set(!row.blank() && row.contract().isEmpty() ? messages.get("facility.vendor.nameRequired") : "");
        }
        Set<String> chosenAbove = new HashSet<>();
        for (ClaimRow row : claims) {
            row.error.set(row.check(chosenAbove));
        }
        FacilityProfile profile = profile();
        int count = Applicability.applicableItems(catalog, profile).size();
        applicableCount.set(count);
        applicableText.set(profile.hasMedicalInformationSystem()
                ? messages.get("facility.applicable", count, catalog.items().size(), catalog.version())
                : messages.get("facility.applicable.noSystem", catalog.items().size(), catalog.version()));
    }

    /**
     * The facility as it would be stored now: the valid values of the form; the last type and bed count that
     * agreed while the field holds a wrong count or the type does not allow it; only the vendor rows that name a
     * vendor and the claim rows that {@link #validate()} accepted.
     */
    Facility edited() {
        Facility base = stored.get();
        List<VendorContract> contracts = vendors.stream().map(VendorRow::contract).flatMap(Optional::stream).toList();
        List<FeeAddOnClaim> claimed = claims.stream().map(row -> row.accepted).flatMap(Optional::stream).toList();
        return new Facility(base.id(), base.code(), base.name(), base.kana(), base.address(), lastValidType,
                lastValidBeds, medicalInformationSystem.get(), emr.get(), contracts, claimed, base.demo());
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

    /** The fee add-ons a claim can name: those of the latest catalog, in its order. */
    List<String> feeAddOnIds() {
        return catalog.feeAddOns().stream().map(FeeAddOn::id).toList();
    }

    private Optional<FeeAddOn> addOn(String id) {
        return catalog.feeAddOns().stream().filter(addOn -> addOn.id().equals(id)).findFirst();
    }

    /**
     * The add-on's name in the user's language; for an add-on the latest catalog does not have (a claim read from
     * elsewhere, kept as it is), its id with a note.
     */
    String addOnName(String id) {
        return addOn(id).map(addOn -> addOn.name().in(messages.language()))
                .orElseGet(() -> messages.get("facility.claim.unknownAddOn", id));
    }

    /** The days the add-on's version is in force (2024年6月1日〜2026年5月31日, 2026年6月1日から); empty if unknown. */
    String addOnPeriod(String id) {
        return addOn(id).map(addOn -> {
            String from = DateText.format(addOn.period().from(), messages.language());
            return addOn.period().until()
                    .map(until -> messages.get("facility.claim.period", from, DateText.format(until, messages.language())))
                    .orElseGet(() -> messages.get("facility.claim.periodOpen", from));
        }).orElse("");
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

    /** The type chosen; stored together with the beds once the two agree. */
    ObjectProperty<FacilityType> typeProperty() {
        return type;
    }

    /** Why the type and the beds are not stored, naming both, or empty. */
    ReadOnlyStringProperty typeErrorProperty() {
        return typeError.getReadOnlyProperty();
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

    ObservableList<ClaimRow> claims() {
        return claims;
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
