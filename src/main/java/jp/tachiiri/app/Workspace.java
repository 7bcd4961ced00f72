package jp.tachiiri.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.tachiiri.advice.AdviceService;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.catalog.CatalogLoader;
import jp.tachiiri.dashboard.Dashboard;
import jp.tachiiri.demo.DemoData;
import jp.tachiiri.evidence.EvidenceRepository;
import jp.tachiiri.facility.FacilityRepository;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.platform.Leftovers;
import jp.tachiiri.report.CsvReport;
import jp.tachiiri.review.ReviewService;
import jp.tachiiri.store.Database;
import jp.tachiiri.store.SqliteAuditLog;
import jp.tachiiri.store.SqliteDashboard;
import jp.tachiiri.store.SqliteEvidence;
import jp.tachiiri.store.SqliteReview;
import jp.tachiiri.store.SqliteFacilities;
import jp.tachiiri.store.SqliteInspections;
import jp.tachiiri.store.SqliteSettings;
import jp.tachiiri.store.SqliteSync;
import jp.tachiiri.sync.DeviceTrust;
import jp.tachiiri.sync.SyncRepository;
import jp.tachiiri.sync.SyncService;

/**
 * One opened data folder with everything wired to it: the store, the catalogs and the services. The screens
 * and the commands both start here, so they work on the same data in the same way.
 */
public final class Workspace implements AutoCloseable {

    public static final String DATABASE_FILE = "tachiiri.db";
    private static final String LANGUAGE_SETTING = "ui.language";
    private static final String POSITION_SETTING = "ui.position";
    private static final String AUTHORITY_SETTING = "advice.authority";
    private static final String REPORT_DAYS_SETTING = "advice.reportDays";
    private static final String ROLE_SETTING = "app.role";
    private static final String OUTBOX_SETTING = "sync.outbox";
    private static final String INBOX_SETTING = "sync.inbox";
    private static final String DEMO_TABLET_SETTING = "demo.tablet";

    /** Where a bundle's attachments wait while it is imported. */
    private static final String STAGING_FOLDER = "incoming";
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);
    private final Path folder;
    private final Database database;
    private final Clock clock;
    private final CatalogLibrary catalogs;
    private final SqliteSettings settings;
    private final FacilityRepository facilities;
    private final InspectionRepository inspections;
    private final InspectionService inspectionService;
    private final SqliteEvidence evidence;
    private final SqliteSync sync;

    private Workspace(Path folder, Database database, Clock clock, CatalogLibrary catalogs) {
        this.folder = folder;
        this.database = database;
        this.clock = clock;
        this.catalogs = catalogs;
        this.settings = new SqliteSettings(database);
        this.facilities = new SqliteFacilities(database);
        this.inspections = new SqliteInspections(database, clock);
        this.inspectionService = new InspectionService(inspections, catalogs, () -> settings.deviceId(clock));
        this.evidence = new SqliteEvidence(database, folder.resolve("evidence"), clock);
        this.sync = new SqliteSync(database, evidence, clock);
    }

    /** Opens (creating if needed) the data folder's database with the bundled catalogs. */
    public static Workspace open(Path folder, Clock clock) {
        Path file = folder.resolve(DATABASE_FILE);
        CatalogLibrary catalogs = CatalogLibrary.bundled();
        Database database = Database.open(file);
        Workspace workspace = new Workspace(folder, database, clock, catalogs);
        workspace.sync.identity();
        if (!database.readOnly()) {
            workspace.sweepLeftovers();
        }
        workspace.sync.receivedCatalogs().forEach(document -> catalogs.add(
                new CatalogLoader().load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), DATABASE_FILE),
                document));
        return workspace;
    }

    /**
     * Temporary files of a start that was killed half-way: photos being copied in, attachments being staged.
     * Older than an hour, so that nothing another process on this folder is working on goes.
     */
    private void sweepLeftovers() {
        // Files carry the real time, whatever clock the workspace was given.
        Instant cutOff = Instant.now().minus(LEFTOVER_AGE);
        Leftovers.sweep(folder.resolve("evidence"), evidence::isTemporary, cutOff);
        Leftovers.sweep(folder.resolve(STAGING_FOLDER), path -> true, cutOff);
    }

    public Path folder() {
        return folder;
    }

    public Path databaseFile() {
        return database.file();
    }

    /** True when the data folder could be opened for reading only: what is stored is shown, changes are refused. */
    public boolean readOnly() {
        return database.readOnly();
    }

    public CatalogLibrary catalogs() {
        return catalogs;
    }

    public FacilityRepository facilities() {
        return facilities;
    }

    public InspectionRepository inspections() {
        return inspections;
    }

    public InspectionService inspectionService() {
        return inspectionService;
    }

    public EvidenceRepository evidence() {
        return evidence;
    }

    /**
     * Sending and receiving bundles; attachments wait in incoming/ while a bundle is imported. What may be sent
     * and received depends on the installation's role.
     */
    public SyncService sync() {
        return new SyncService(sync, catalogs, clock, folder.resolve(STAGING_FOLDER), deviceTrust());
    }

    /** Who may send bundles here: the devices, the decisions about them and their trail. */
    public DeviceTrust deviceTrust() {
        return new DeviceTrust(sync, this::role, clock, actor());
    }

    public SyncRepository syncRecords() {
        return sync;
    }

    /** The office's review of received inspections: the list, opening for review, decisions. */
    public ReviewService review() {
        return new ReviewService(new SqliteReview(database), inspections, evidence(), catalogs, clock);
    }

    /** The supervisors' dashboard: compliance per checkpoint, item and bed-size band, by fiscal year. */
    public Dashboard dashboard() {
        return new Dashboard(new SqliteDashboard(database), catalogs);
    }

    /** The clock the data folder was opened with (the dashboard's "today"). */
    public Clock clock() {
        return clock;
    }

    /** The findings of a fiscal year as CSV for the ministry and Excel. */
    public CsvReport csvReport() {
        return new CsvReport(inspections, catalogs);
    }

    public ChainVerifier chainVerifier() {
        return new ChainVerifier(new SqliteAuditLog(database));
    }

    /** One inspection's audit events and whether its chain verifies. */
    public ChainVerifier.Trail auditTrail(String inspectionId) {
        return chainVerifier().trail(inspectionId);
    }

    public DemoData demoData() {
        return new DemoData(facilities, inspectionService, catalogs.latest(), clock);
    }

    /**
     * Adds the demo prefecture and, where no issuing authority is set yet, names the demo one for the
     * printouts. Returns false (changing nothing) when the demo is already there. One transaction: a start
     * killed half-way leaves no half demo, and the next start seeds it whole.
     */
    public boolean seedDemo() {
        return database.atomically(() -> {
            boolean added = demoData().seed();
            if (added && adviceSettings().issuingAuthority().isBlank()) {
                setAdviceSettings(new AdviceSettings(DemoData.ISSUING_AUTHORITY, AdviceSettings.DEFAULT_REPORT_DAYS));
            }
            return added;
        });
    }

    /**
     * The office's demo: the demo prefecture's hospitals as the facility master, and a demo tablet (in
     * demo/tablet of this data folder) that records their inspections and writes its findings bundle into
     * demo/inbox, which becomes the office's inbox, ready to be imported as real bundles are. Returns false,
     * changing nothing, when the demo inbox holds a bundle already. A start killed half-way is finished by the
     * next: the tablet's demo and its bundle are made again only if missing, this store's part is one transaction.
     */
    public boolean seedOfficeDemo() {
        Path inbox = folder.resolve("demo").resolve("inbox");
        if (Files.isDirectory(inbox) && !SyncService.filesOf(inbox).isEmpty()) {
            return false;
        }
        String demoTablet;
        try (Workspace tablet = open(folder.resolve("demo").resolve("tablet"), clock)) {
            tablet.seedDemo();
            tablet.sync().exportFindings(inbox);
            demoTablet = tablet.sync().identity().deviceId();
        }
        return database.atomically(() -> {
            settings.put(DEMO_TABLET_SETTING, demoTablet);
            demoData().seedFacilities();
            if (adviceSettings().issuingAuthority().isBlank()) {
                setAdviceSettings(new AdviceSettings(DemoData.ISSUING_AUTHORITY, AdviceSettings.DEFAULT_REPORT_DAYS));
            }
            setTransferFolders(new TransferFolders(transferFolders().outbox(), inbox.toAbsolutePath().toString()));
            return true;
        });
    }

    /**
     * The office demo's tablet, which this installation made itself in demo/tablet: it has no screen to read its
     * fingerprint from, so the enrolment question shows it whole.
     */
    public Optional<String> demoTablet() {
        return settings.get(DEMO_TABLET_SETTING);
    }

    /**
     * The first start's choice of role, stored together with the demo for that role when the store has no
     * facilities yet: one transaction, so that a start killed half-way asks again rather than leaving a role
     * without its demo.
     */
    public void chooseRole(Role role) {
        database.atomically(() -> {
            setRole(role);
            if (facilities().all().isEmpty()) {
                seedDemo(role);
            }
            return role;
        });
    }

    /** The demo for the role: the inspector's own demo inspections, or the office's demo inbox. */
    public void seedDemo(Role role) {
        if (role == Role.OFFICE) {
            seedOfficeDemo();
        } else {
            seedDemo();
        }
    }

    public AdviceService adviceService() {
        return new AdviceService(inspections, facilities, catalogs);
    }

    /**
     * Where the app saves an inspection's advice printout: printouts/ in the data folder, named so that a
     * folder of them sorts by date and says what each is.
     */
    public Path printoutFile(String inspectionId, int revision, Language language) {
        Inspection inspection = inspections.find(inspectionId, revision)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        String code = facilities.byId(inspection.facilityId()).map(Facility::code).orElse("facility");
        Path printouts = folder.resolve("printouts");
        try {
            Files.createDirectories(printouts);
        } catch (IOException e) {
            throw new UserFacingException(e, "advice.error.write", printouts, e.getMessage());
        }
        return printouts.resolve("advice_" + inspection.date() + "_" + code + "_r" + revision + "_" + language.code() + ".pdf");
    }

    /** Who issues the advice printouts and the days given for the improvement report. */
    public AdviceSettings adviceSettings() {
        int days = settings.get(REPORT_DAYS_SETTING).map(Integer::parseInt).orElse(AdviceSettings.DEFAULT_REPORT_DAYS);
        return new AdviceSettings(settings.get(AUTHORITY_SETTING).orElse(""), days);
    }

    public void setAdviceSettings(AdviceSettings advice) {
        settings.put(AUTHORITY_SETTING, advice.issuingAuthority());
        settings.put(REPORT_DAYS_SETTING, Integer.toString(advice.reportDays()));
    }

    /**
     * The installation's role. Unset on a first start, until the user chooses; a data folder from before
     * roles existed that holds inspections recorded here is an inspector's.
     */
    public Optional<Role> role() {
        Optional<Role> chosen = settings.get(ROLE_SETTING).filter(code -> !code.isBlank()).map(Role::fromCode);
        if (chosen.isEmpty() && inspections.list().stream().anyMatch(summary -> inspections.madeHere(summary.id()))) {
            return Optional.of(Role.INSPECTOR);
        }
        return chosen;
    }

    public void setRole(Role role) {
        settings.put(ROLE_SETTING, role.code());
    }

    /** Where bundles go and come from (a USB stick, a network share), as the user chose them; empty until then. */
    public record TransferFolders(String outbox, String inbox) {
    }

    public TransferFolders transferFolders() {
        return new TransferFolders(settings.get(OUTBOX_SETTING).orElse(""), settings.get(INBOX_SETTING).orElse(""));
    }

    public void setTransferFolders(TransferFolders folders) {
        settings.put(OUTBOX_SETTING, folders.outbox().strip());
        settings.put(INBOX_SETTING, folders.inbox().strip());
    }

    /** The language chosen in the app; Japanese until the user picks another. */
    public Language language() {
        return settings.get(LANGUAGE_SETTING).map(Language::fromCode).orElse(Language.JA);
    }

    public void setLanguage(Language language) {
        rememberForTheScreens(LANGUAGE_SETTING, language.code());
    }

    /** Where the inspector was: the inspection and item shown last, to reopen there. */
    public record Position(String inspectionId, String itemId) {
    }

    public Optional<Position> lastPosition() {
        return settings.get(POSITION_SETTING).map(value -> value.split("\t", 2))
                .filter(parts -> parts.length == 2)
                .map(parts -> new Position(parts[0], parts[1]));
    }

    public void savePosition(Position position) {
        rememberForTheScreens(POSITION_SETTING, position.inspectionId() + "\t" + position.itemId());
    }

    /** Forgets the position, e.g. when the inspector goes back to the list. */
    public void clearPosition() {
        rememberForTheScreens(POSITION_SETTING, "");
    }

    /**
     * A choice of the screens (language, where the inspector was), stored for the next start. A read-only
     * folder cannot store it; the screens then keep it for this run only, which loses no record.
     */
    private void rememberForTheScreens(String key, String value) {
        if (!readOnly()) {
            settings.put(key, value);
        }
    }

    /**
     * Who the audit trail names for changes made here: the signed-in user of the device. Inspectors share no
     * device accounts, so this identifies the person.
     */
    public String actor() {
        return System.getProperty("user.name", "unknown");
    }

    @Override
    public void close() {
        database.close();
    }
}
