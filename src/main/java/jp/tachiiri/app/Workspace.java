package jp.tachiiri.app;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.tachiiri.advice.AdviceService;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.catalog.CatalogLoader;
import jp.tachiiri.dashboard.Dashboard;
import jp.tachiiri.demo.DemoData;
import jp.tachiiri.evidence.EvidenceService;
import jp.tachiiri.facility.FacilityService;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.followup.OnSiteFollowUp;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.platform.Leftovers;
import jp.tachiiri.report.CsvReport;
import jp.tachiiri.review.ReviewService;
import jp.tachiiri.selfcheck.SelfCheckService;
import jp.tachiiri.selfcheck.intake.InspectionFill;
import jp.tachiiri.selfcheck.intake.PlanWorkbooks;
import jp.tachiiri.selfcheck.intake.SelfCheckImport;
import jp.tachiiri.store.Database;
import jp.tachiiri.store.SqliteAuditLog;
import jp.tachiiri.store.SqliteFollowUp;
import jp.tachiiri.store.SqliteDashboard;
import jp.tachiiri.store.SqliteEvidence;
import jp.tachiiri.store.SqliteFacilities;
import jp.tachiiri.store.SqliteInspections;
import jp.tachiiri.store.SqliteOnSite;
import jp.tachiiri.store.SqlitePlanSelfCheck;
import jp.tachiiri.store.SqliteReview;
import jp.tachiiri.store.SqliteSelfCheck;
import jp.tachiiri.store.SqliteSettings;
import jp.tachiiri.store.SqliteSync;
import jp.tachiiri.sync.DeviceTrust;
import jp.tachiiri.sync.SyncService;

/**
 * One opened data folder with everything wired to it: the store, the catalogs and the services, each made once.
 * The screens and the commands both start here, so they work on the same data in the same way; they reach the
 * data through the services, never through the store. Every "now" comes from the clock given here.
 */
public final class Workspace implements AutoCloseable {

    public static final String DATABASE_FILE = "tachiiri.db";
    /** The evidence files, content-addressed (see {@link SqliteEvidence}). */
    static final String EVIDENCE_FOLDER = "evidence";

    /** Where a bundle's attachments wait while it is imported. */
    private static final String STAGING_FOLDER = "incoming";
    /** Where the app saves the documents it writes for hospitals (advice printouts, reminder letters). */
    private static final String PRINTOUTS_FOLDER = "printouts";
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);
    private final Path folder;
    private final Database database;
    private final Clock clock;
    private final CatalogLibrary catalogs;
    private final SqliteEvidence storedEvidence;
    private final FacilityService facilities;
    private final InspectionService inspections;
    private final SelfCheckService selfCheck;
    private final SelfCheckImport selfCheckImport;
    private final InspectionFill inspectionFill;
    private final PlanWorkbooks planWorkbooks;
    private final EvidenceService evidence;
    private final Settings settings;
    private final DeviceTrust deviceTrust;
    private final SyncService sync;
    private final ReviewService review;
    private final FollowUpService followUp;
    private final OnSiteFollowUp onSiteFollowUp;
    private final Dashboard dashboard;
    private final CsvReport csvReport;
    private final ChainVerifier chainVerifier;
    private final AdviceService advice;
    private final DemoSetup demo;
    private final Backups backups;

    private Workspace(Path folder, Database database, Clock clock, CatalogLibrary catalogs) {
        this.folder = folder;
        this.database = database;
        this.clock = clock;
        this.catalogs = catalogs;
        SqliteSettings storedSettings = new SqliteSettings(database);
        SqliteFacilities storedFacilities = new SqliteFacilities(database);
        SqliteInspections storedInspections = new SqliteInspections(database, clock);
        this.storedEvidence = new SqliteEvidence(database, folder.resolve(EVIDENCE_FOLDER), clock);
        SqliteSync storedSync = new SqliteSync(database, storedEvidence, clock);
        // Catalogs received from the office join the bundled ones before any service reads them.
        storedSync.receivedCatalogs().forEach(document -> catalogs.add(
                new CatalogLoader().load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), DATABASE_FILE),
                document));
        this.facilities = new FacilityService(storedFacilities);
        this.inspections = new InspectionService(storedInspections, catalogs, () -> storedSettings.deviceId(clock));
        SqliteSelfCheck storedSelfCheck = new SqliteSelfCheck(database, clock);
        this.selfCheck = new SelfCheckService(storedSelfCheck, inspections, facilities, clock);
        SqlitePlanSelfCheck storedPlanSelfCheck = new SqlitePlanSelfCheck(database);
        this.selfCheckImport = new SelfCheckImport(storedPlanSelfCheck, facilities, catalogs, clock);
        this.inspectionFill = new InspectionFill(storedPlanSelfCheck, selfCheck, inspections, clock);
        this.planWorkbooks = new PlanWorkbooks(selfCheckImport, inspectionFill, clock);
        this.evidence = new EvidenceService(storedEvidence);
        this.settings = new Settings(storedSettings, inspections, database.readOnly());
        this.deviceTrust = new DeviceTrust(storedSync, settings::role, clock, actor());
        this.sync = new SyncService(storedSync, catalogs, clock, folder.resolve(STAGING_FOLDER), deviceTrust,
                () -> inspectionFill.selfChecksArrived(actor()));
        this.review = new ReviewService(new SqliteReview(database), storedInspections, storedEvidence, storedSelfCheck,
                catalogs, clock);
        this.followUp = new FollowUpService(new SqliteFollowUp(database, storedEvidence), catalogs, clock,
                settings::advice, folder.resolve(PRINTOUTS_FOLDER));
        this.onSiteFollowUp = new OnSiteFollowUp(new SqliteOnSite(database), inspections, clock);
        this.dashboard = new Dashboard(new SqliteDashboard(database), catalogs);
        this.csvReport = new CsvReport(storedInspections, storedSelfCheck, catalogs);
        this.chainVerifier = new ChainVerifier(new SqliteAuditLog(database));
        this.advice = new AdviceService(storedInspections, storedFacilities, storedSelfCheck, catalogs,
                folder.resolve(PRINTOUTS_FOLDER));
        this.demo = new DemoSetup(this, database, new DemoData(storedFacilities, inspections, selfCheck, clock));
        this.backups = new Backups(this, database, storedEvidence, settings);
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
        return workspace;
    }

    /**
     * Temporary files of a start that was killed half-way: photos being copied in, attachments being staged.
     * Older than an hour, so that nothing another process on this folder is working on goes.
     */
    private void sweepLeftovers() {
        // The one "now" not from the clock: files carry the real time, and a test's clock set in the future
        // would otherwise sweep files another process is still writing.
        Instant cutOff = Instant.now().minus(LEFTOVER_AGE);
        Leftovers.sweep(folder.resolve(EVIDENCE_FOLDER), storedEvidence::isTemporary, cutOff);
        Leftovers.sweep(folder.resolve(STAGING_FOLDER), path -> true, cutOff);
        Leftovers.sweep(folder.resolve(Backups.STAGING_FOLDER), path -> true, cutOff);
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

    /** The clock the data folder was opened with: every "today" and every time stamp. */
    public Clock clock() {
        return clock;
    }

    public CatalogLibrary catalogs() {
        return catalogs;
    }

    /** The facility master. */
    public FacilityService facilities() {
        return facilities;
    }

    /** The inspections: reading, starting, recording, finalizing, amending. */
    public InspectionService inspections() {
        return inspections;
    }

    /** The hospital's and vendors' own forms of inspections. */
    public SelfCheckService selfCheck() {
        return selfCheck;
    }

    /** The office's side of the self-check workbooks: what to write per plan, and taking filled ones in. */
    public SelfCheckImport selfCheckImport() {
        return selfCheckImport;
    }

    /** The self-check workbooks as files: written per plan or period, filled ones read back and imported. */
    public PlanWorkbooks planWorkbooks() {
        return planWorkbooks;
    }

    /**
     * The tablet's side: an inspection in progress filled from its plan's self-check or a filled workbook, never over
     * what the inspector confirmed.
     */
    public InspectionFill inspectionFill() {
        return inspectionFill;
    }

    /** The photos and documents of the findings. */
    public EvidenceService evidence() {
        return evidence;
    }

    /** The user's choices kept in this data folder: role, printout issuer, transfer folders, language, position. */
    public Settings settings() {
        return settings;
    }

    /**
     * Sending and receiving bundles; attachments wait in incoming/ while a bundle is imported. What may be sent
     * and received depends on the installation's role.
     */
    public SyncService sync() {
        return sync;
    }

    /** Who may send bundles here: the devices, the decisions about them and their trail. */
    public DeviceTrust deviceTrust() {
        return deviceTrust;
    }

    /** The office's review of received inspections: the list, opening for review, decisions. */
    public ReviewService review() {
        return review;
    }

    /** The evidence files the store names whose bytes are missing from the data folder (see {@link SqliteEvidence}). */
    List<String> missingEvidence() {
        return storedEvidence.missingFiles();
    }

    /** The office's follow-up of findings until they are closed (improvement reports, assessments). */
    public FollowUpService followUp() {
        return followUp;
    }

    /** The tablet's side of follow-up: the office's word on the facility's earlier findings, and confirmations on site. */
    public OnSiteFollowUp onSiteFollowUp() {
        return onSiteFollowUp;
    }

    /** The supervisors' dashboard: compliance per checkpoint, item and bed-size band, by fiscal year. */
    public Dashboard dashboard() {
        return dashboard;
    }

    /** The findings of a fiscal year as CSV for the ministry and Excel. */
    public CsvReport csvReport() {
        return csvReport;
    }

    public ChainVerifier chainVerifier() {
        return chainVerifier;
    }

    /** The advice printout: its content, its PDF and where the app saves it. */
    public AdviceService advice() {
        return advice;
    }

    /** Backups of this data folder and the office's reminder of them. */
    public Backups backups() {
        return backups;
    }

    /** The demo prefecture and the first start's choice of role. */
    public DemoSetup demo() {
        return demo;
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
