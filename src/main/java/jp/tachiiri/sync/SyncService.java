package jp.tachiiri.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tachiiri.bundle.BundleException;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.Recipient;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.catalog.CatalogLoader;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.InspectionIds;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.Role;
import jp.tachiiri.model.VendorContract;

/**
 * Sending and receiving bundles: a tablet exports its finalized findings and imports assignments; the
 * office imports findings and exports assignments. Every file given to the import gets an outcome, and a
 * rejected file leaves the store as it was.
 */
public final class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());
    /** How an inspector is named in plans: letters and digits first, then also . _ -, as account names are. */
    private static final Pattern INSPECTOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SyncRepository repository;
    private final CatalogLibrary catalogs;
    private final Clock clock;
    private final Path staging;
    private final DeviceTrust trust;
    private final Runnable selfChecksArrived;

    /**
     * {@code staging} is a folder of the data folder where attachments wait while a bundle is imported; what a
     * bundle may change here depends on the installation's role, and who sent it on {@code trust}. {@code
     * selfChecksArrived} runs after every assignments bundle (it fills the inspections in progress started from a plan
     * from the plan's self-check, where it is not the one they were last filled from).
     */
    public SyncService(SyncRepository repository, CatalogLibrary catalogs, Clock clock, Path staging, DeviceTrust trust,
                       Runnable selfChecksArrived) {
        this.repository = repository;
        this.catalogs = catalogs;
        this.clock = clock;
        this.staging = staging;
        this.trust = trust;
        this.selfChecksArrived = selfChecksArrived;
    }

    public DeviceIdentity identity() {
        return repository.identity();
    }

    /** This installation's key fingerprint, as the other side compares it before enrolling this device. */
    public String fingerprint() {
        return repository.identity().fingerprint();
    }

    /** What was sent and what waits to be sent. */
    public SyncStatus status() {
        return repository.status();
    }

    /** The office's decisions: received from the office (a tablet) or made here (the office), oldest first. */
    public List<ReviewResult> reviews() {
        return repository.reviews().stream().map(BundleRecords.Review::toResult).toList();
    }

    /** The office's decisions on every revision of one inspection, oldest first. */
    public List<ReviewResult> reviews(String inspectionId) {
        return repository.reviews(inspectionId).stream().map(BundleRecords.Review::toResult).toList();
    }

    /** The planned inspections: received from the office (a tablet) or planned here (the office). */
    public List<PlannedInspection> plans() {
        return repository.assignments().stream().map(BundleRecords.Assignment::toPlan).toList();
    }

    /**
     * Writes one findings bundle with every finalized inspection the office has not confirmed yet, and marks
     * them sent; returns the bundle file, empty when there is nothing to send.
     */
    public Optional<Path> exportFindings(Path outbox) {
        requireRole(Role.INSPECTOR);
        List<BundleRecords.Inspection> inspections = repository.unacknowledgedFindings();
        if (inspections.isEmpty()) {
            return Optional.empty();
        }
        KnownDevice office = trust.office().orElseThrow(() -> new UserFacingException("sync.error.noOfficeYet"));
        if (!office.canReceiveSealed()) {
            throw new UserFacingException("sync.error.officeKeyMissing", office.deviceId(), office.fingerprint());
        }
        Map<String, BundleWriter.Attachment> attachments = new LinkedHashMap<>();
        List<SyncRepository.RevisionKey> sent = new ArrayList<>();
        for (BundleRecords.Inspection inspection : inspections) {
            for (BundleRecords.Revision revision : inspection.revisions()) {
                sent.add(new SyncRepository.RevisionKey(inspection.id(), revision.revision()));
                for (BundleRecords.Evidence evidence : revision.evidence()) {
                    attachments.computeIfAbsent(evidence.attachment(), sha -> new BundleWriter.Attachment(sha,
                            storedFile(evidence), evidence.mediaType()));
                }
            }
        }
        Instant now = clock.instant();
        BundleWriter.Written written = BundleWriter.write(outbox, repository.identity(), BundleKind.FINDINGS, now,
                BundleRecords.tree(new BundleRecords.FindingsPayload(inspections)), List.copyOf(attachments.values()),
                List.of(office.asRecipient()));
        repository.markSent(written.bundleId(), BundleKind.FINDINGS, now, written.file(), sent);
        return Optional.of(written.file());
    }

    /** The stored file of a piece of evidence to send; a missing one is named by the evidence's own file name. */
    private Path storedFile(BundleRecords.Evidence evidence) {
        Path file = repository.evidenceFile(evidence.attachment());
        if (!Files.exists(file)) {
            throw new UserFacingException("sync.error.evidenceMissing", evidence.fileName(), file);
        }
        return file;
    }

    /** The enrolled tablets assignments can be sealed to: trusted, with their sealing key known. */
    public List<KnownDevice> sealableTablets() {
        return trust.devices().stream().filter(KnownDevice::canReceiveAssignments).toList();
    }

    /**
     * Writes an assignments bundle, numbered one more than the office's last: catalogs, facilities, plans (of one
     * inspector or all), the previous inspections and the follow-up of the planned facilities, reviews, receipts,
     * sealed to the tablets {@code recipientIds} (none named: every tablet
     * assignments can be sealed to, for the bundle of every inspector only); returns the bundle file.
     */
    public Path exportAssignments(Path outbox, Optional<String> inspectorId, List<String> recipientIds) {
        requireRole(Role.OFFICE);
        // One inspector's plans and previous findings go to the tablets named for them, never to every tablet.
        if (inspectorId.isPresent() && recipientIds.isEmpty()) {
            throw new UserFacingException("sync.error.chooseTablets", inspectorId.get());
        }
        List<Recipient> recipients = assignmentsRecipients(recipientIds);
        BundleRecords.AssignmentsPayload stored = repository.assignmentsPayload(inspectorId);
        List<JsonNode> documents = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Catalog catalog : catalogs.all()) {
            String document = catalogs.document(catalog.version()).orElseThrow();
            try {
                documents.add(mapper.readTree(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("catalog " + catalog.version() + " was loaded, so it is JSON", e);
            }
        }
        // A number lost to a failed write leaves a gap, which harms nothing: only the order matters.
        BundleRecords.AssignmentsPayload payload = new BundleRecords.AssignmentsPayload(repository.nextAssignmentsSequence(),
                inspectorId.orElse(null), documents, stored.facilities(), stored.assignments(), stored.previousInspections(),
                stored.reviews(), stored.receipts(), stored.selfChecks(), stored.followUps());
        Instant now = clock.instant();
        BundleWriter.Written written = BundleWriter.write(outbox, repository.identity(), BundleKind.ASSIGNMENTS, now,
                BundleRecords.tree(payload), List.of(), recipients);
        repository.markSent(written.bundleId(), BundleKind.ASSIGNMENTS, now, written.file(), List.of());
        return written.file();
    }

    private List<Recipient> assignmentsRecipients(List<String> recipientIds) {
        if (recipientIds.isEmpty()) {
            List<KnownDevice> tablets = sealableTablets();
            if (tablets.isEmpty()) {
                throw new UserFacingException("sync.error.noTabletCanReceive");
            }
            return tablets.stream().map(KnownDevice::asRecipient).toList();
        }
        List<KnownDevice> known = trust.devices();
        List<Recipient> recipients = new ArrayList<>();
        for (String id : new LinkedHashSet<>(recipientIds)) {
            KnownDevice tablet = known.stream().filter(device -> device.deviceId().equals(id)).findFirst()
                    .orElseThrow(() -> new UserFacingException("sync.error.unknownDevice", id));
            if (!tablet.canReceiveAssignments()) {
                throw new UserFacingException("sync.error.tabletCannotReceive", id, new UserFacingException(tablet.role() != Role.INSPECTOR
                        ? "sync.standing.OFFICE" : tablet.status() != DeviceStatus.TRUSTED ? "sync.cannotReceive.untrusted"
                        : "sync.cannotReceive.noKey"));
            }
            recipients.add(tablet.asRecipient());
        }
        return recipients;
    }

    /**
     * Writes this installation's enrolment into {@code folder}: its id, both public keys and its role, signed and
     * not sealed, for the other side to enrol it after comparing the fingerprint; nothing is marked sent.
     */
    public Path exportEnrolment(Path folder) {
        Role role = trust.requireRole();
        return BundleWriter.write(folder, repository.identity(), BundleKind.ENROLMENT, clock.instant(),
                BundleRecords.tree(new BundleRecords.EnrolmentPayload(role.name())), List.of(), List.of()).file();
    }

    /** Plans an inspection at the office: it travels to the inspector's tablet with the next assignments bundle. */
    public PlannedInspection plan(String facilityId, String inspectorId, String inspectorName, LocalDate date) {
        requireRole(Role.OFFICE);
        if (!INSPECTOR_ID.matcher(inspectorId).matches()) {
            throw new UserFacingException("planning.error.inspectorId", inspectorId);
        }
        BundleRecords.Assignment assignment = new BundleRecords.Assignment(UUID.randomUUID().toString(), facilityId,
                inspectorId, inspectorName, date.toString(), clock.instant().toString());
        repository.plan(assignment);
        return assignment.toPlan();
    }

    /** Moves a planned inspection to another day; the newer plan wins on the tablet with the next assignments bundle. */
    public PlannedInspection replan(String planId, LocalDate date) {
        requireRole(Role.OFFICE);
        BundleRecords.Assignment planned = repository.assignments().stream().filter(plan -> plan.id().equals(planId))
                .findFirst().orElseThrow(() -> new UserFacingException("planning.error.notFound", planId));
        BundleRecords.Assignment moved = new BundleRecords.Assignment(planId, planned.facilityId(), planned.inspectorId(),
                planned.inspectorName(), date.toString(), clock.instant().toString());
        repository.plan(moved);
        return moved.toPlan();
    }

    private void requireRole(Role required) {
        Role role = trust.requireRole();
        if (role != required) {
            throw new UserFacingException("sync.error.notForRole." + required.name(), new UserFacingException("sync.here." + role.name()));
        }
    }

    /** Imports files, and the bundles of folders (in name order); one outcome per file. */
    public List<ImportOutcome> importAll(List<Path> filesOrFolders, boolean trustNewDevices) {
        List<Path> files = filesOrFolders.stream().flatMap(path -> filesOf(path).stream()).toList();
        List<ImportOutcome> outcomes = new ArrayList<>();
        try (ImportBatch batch = importBatch(files, trustNewDevices)) {
            while (batch.hasNext()) {
                outcomes.add(batch.next());
            }
        }
        return outcomes;
    }

    /**
     * The files imported one by one, in order, each next file opened ahead while the one before it is written; for
     * an import that shows its progress or may stop early. Close it when done.
     */
    public ImportBatch importBatch(List<Path> files, boolean trustNewDevices) {
        // Read here, on the caller's thread: the files opened ahead need the keys but must not touch the store.
        DeviceIdentity self = repository.identity();
        return new ImportBatch(files, file -> BundleReader.open(file, self),
                (file, opened) -> importFile(file, opened, trustNewDevices));
    }

    /** The files an import of {@code path} covers: the file itself, or a folder's bundles in name order. */
    public static List<Path> filesOf(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> isBundleName(file.getFileName().toString()) && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UserFacingException(e, "sync.error.folder", path, e.getMessage());
        }
    }

    /** Sealed bundles, and signed-only ones (enrolments, and every file of format 2.x). */
    private static boolean isBundleName(String name) {
        return name.endsWith(BundleWriter.SEALED_EXTENSION) || name.endsWith(BundleWriter.SIGNED_EXTENSION);
    }

    public ImportOutcome importFile(Path file, boolean trustNewDevices) {
        return importFile(file, () -> BundleReader.open(file, repository.identity()), trustNewDevices);
    }

    /** Imports {@code file} from the reader {@code opened} gives; what opening it throws is this file's outcome. */
    private ImportOutcome importFile(Path file, Supplier<BundleReader> opened, boolean trustNewDevices) {
        BundleHeader header = null;
        try (BundleReader reader = opened.get()) {
            header = reader.header();
            if (header.kind() == BundleKind.ENROLMENT) {
                requireEnrolmentOf(reader);
            }
            DeviceTrust.Admission admission = trust.admit(header, file, trustNewDevices, repository.identity().deviceId());
            if (admission.early().isPresent()) {
                return ImportOutcome.of(file, admission.early().get(), header);
            }
            return switch (header.kind()) {
                case FINDINGS -> importFindings(reader, admission.decision());
                case ASSIGNMENTS -> importAssignments(reader, admission.decision());
                case ENROLMENT -> {
                    trust.enrolOnImport(admission.decision().orElseThrow(), file);
                    yield ImportOutcome.imported(file, header, ImportOutcome.Counts.NONE, ImportOutcome.Delivered.NONE);
                }
            };
        } catch (AlreadyImported e) {
            return ImportOutcome.of(file, ImportOutcome.Result.ALREADY_IMPORTED, header);
        } catch (UserFacingException e) {
            return ImportOutcome.rejected(file, header, e);
        } catch (RuntimeException e) {
            // A failure nobody foresaw still gets an outcome for this file, and the next file its turn; its trace
            // goes to the app's log (java.util.logging, written to a file by the app).
            LOG.log(Level.SEVERE, "import of " + file + " failed unexpectedly", e);
            return ImportOutcome.rejected(file, header, new UserFacingException(e, "sync.error.unexpected",
                    file.getFileName(), e.toString()));
        }
    }

    /** An enrolment is taken from a device of the role whose bundles this installation imports, and no other. */
    private void requireEnrolmentOf(BundleReader reader) {
        Role here = trust.requireRole();
        Role role = Role.valueOf(reader.payload(BundleRecords.EnrolmentPayload.class).role());
        if (role != DeviceTrust.senders(here)) {
            throw new BundleException(reader.file(), "sync.error.enrolmentRole", reader.header().deviceId(),
                    new UserFacingException("sync.enrolledRole." + role.name()), new UserFacingException("sync.here." + here.name()));
        }
        // It has no attachments: reading on to its end checks its last bytes, as for any bundle.
        reader.readAttachments(null);
    }

    private ImportOutcome importFindings(BundleReader reader, Optional<TrustDecision> enrolment) {
        BundleRecords.FindingsPayload payload = reader.payload(BundleRecords.FindingsPayload.class);
        TrailCheck trails = new TrailCheck(reader.file());
        for (BundleRecords.Inspection inspection : payload.inspections()) {
            checkCatalogItems(reader.file(), inspection);
            requireOwnIds(reader.file(), inspection, reader.header());
            trails.check(inspection);
        }
        Path folder = staging.resolve(UUID.randomUUID().toString());
        try {
            Map<String, Path> attachments = reader.readAttachments(folder);
            Map<String, BundleRecords.ManifestEntry> manifest = new LinkedHashMap<>();
            reader.manifest().forEach(entry -> manifest.put(entry.id(), entry));
            Instant now = clock.instant();
            ImportOutcome.Counts counts = inTransaction(reader.file(), session -> {
                requireNotImported(session, reader.header());
                enrolment.ifPresent(decision -> trust.enrolOnImport(decision, reader.file()));
                ImportOutcome.Counts sum = ImportOutcome.Counts.NONE;
                InspectionMerge merge = new InspectionMerge(session, reader.header(), attachments, manifest, now);
                for (BundleRecords.Inspection inspection : payload.inspections()) {
                    requireOwner(reader.file(), session, inspection.id(), reader.header());
                    sum = sum.plus(merge.merge(inspection));
                }
                session.recordReceived(reader.header(), reader.file().getFileName().toString(), now);
                return sum;
            });
            return ImportOutcome.imported(reader.file(), reader.header(), counts, ImportOutcome.Delivered.NONE);
        } finally {
            deleteTree(folder);
        }
    }

    /** The bundle was imported by an import running beside this one: nothing more to do. */
    private static final class AlreadyImported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyImported() {
            super(null, null, false, false);
        }
    }

    /** Checked again in the transaction: the same bundle imported twice at once is imported once. */
    private static void requireNotImported(ImportSession session, BundleHeader header) {
        if (session.receivedFrom(header.bundleId()).isPresent()) {
            throw new AlreadyImported();
        }
    }

    /**
     * The ids of an inspection's evidence and audit events name the device that made them too (see {@link
     * InspectionIds#childId}): another device cannot take them first and so block the owner's own file.
     */
    private void requireOwnIds(Path file, BundleRecords.Inspection inspection, BundleHeader sender) {
        Stream.concat(inspection.revisions().stream().flatMap(revision -> revision.evidence().stream())
                                .map(BundleRecords.Evidence::id),
                        inspection.audit().stream().map(BundleRecords.AuditEvent::id))
                .filter(id -> InspectionIds.maker(id).filter(maker -> !maker.equals(sender.deviceId())).isPresent())
                .findFirst()
                .ifPresent(id -> {
                    String owner = InspectionIds.maker(id).orElseThrow();
                    throw new BundleException(file, "sync.error.notOwner", id, owner,
                            repository.knownDevice(owner).map(KnownDevice::fingerprint).orElse("-"), sender.deviceId(),
                            trust.shownFingerprint(sender));
                });
    }

    /**
     * An inspection belongs to the device that made it, which its id names ({@link InspectionIds}): a findings
     * bundle from another device that carries it is refused whole, naming both devices, whether or not the office
     * has it already. An id of the form made before ids named their device belongs to the device that sent it
     * first; an id of neither form is refused.
     */
    private void requireOwner(Path file, ImportSession session, String inspectionId, BundleHeader sender) {
        Optional<String> named = InspectionIds.maker(inspectionId);
        if (named.isEmpty() && !InspectionIds.namesNoDevice(inspectionId)) {
            throw new BundleException(file, "sync.error.inspectionIdForm", inspectionId, sender.deviceId());
        }
        DeviceIdentity self = repository.identity();
        String owner = named.or(() -> session.inspection(inspectionId)
                        .map(stored -> stored.madeHere() ? self.deviceId() : stored.originDevice()))
                .orElse(sender.deviceId());
        if (owner.equals(sender.deviceId())) {
            return;
        }
        String ownerFingerprint = owner.equals(self.deviceId()) ? self.fingerprint()
                : repository.knownDevice(owner).map(KnownDevice::fingerprint).orElse("-");
        throw new BundleException(file, "sync.error.notOwner", inspectionId, owner, ownerFingerprint, sender.deviceId(),
                trust.shownFingerprint(sender));
    }

    private ImportOutcome importAssignments(BundleReader reader, Optional<TrustDecision> enrolment) {
        BundleRecords.AssignmentsPayload payload = reader.payload(BundleRecords.AssignmentsPayload.class);
        BundleHeader header = reader.header();
        String audience = AssignmentsOrder.audience(payload.inspector());
        Map<String, String> newCatalogs = new LinkedHashMap<>();
        List<Catalog> loaded = new ArrayList<>();
        for (int i = 0; i < payload.catalogs().size(); i++) {
            // A version this device has is not read again: an office on an older release sends the catalogs it has
            // in their older format, which this release reads only in its own.
            JsonNode version = payload.catalogs().get(i).get("version");
            if (version != null && version.isTextual() && catalogs.version(version.textValue()).isPresent()) {
                continue;
            }
            String document = payload.catalogs().get(i).toString();
            Catalog catalog = new CatalogLoader().load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                    reader.file().getFileName() + "#/payload/catalogs/" + i);
            if (catalogs.version(catalog.version()).isEmpty()) {
                newCatalogs.put(catalog.version(), document);
                loaded.add(catalog);
            }
        }
        Map<String, BundleRecords.Facility> facilities = new LinkedHashMap<>();
        payload.facilities().forEach(facility -> facilities.put(facility.id(), facility));
        for (BundleRecords.Assignment assignment : payload.assignments()) {
            if (!facilities.containsKey(assignment.facilityId())) {
                throw new BundleException(reader.file(), "sync.error.unknownFacility", assignment.facilityId(), assignment.id());
            }
        }
        for (BundleRecords.Inspection inspection : payload.previousInspections()) {
            checkCatalogItems(reader.file(), inspection, loaded);
        }
        reader.readAttachments(null);
        Instant now = clock.instant();
        String ownDevice = repository.identity().deviceId();
        Applied applied = inTransaction(reader.file(), session -> {
            // Read in the transaction: an import running beside this one cannot slip an older bundle in.
            AssignmentsOrder order = new AssignmentsOrder(session.appliedAssignments(header.deviceId()));
            order.staleAgainst(audience, payload.sequence()).ifPresent(newest -> {
                throw new BundleException(reader.file(), "sync.error.stale", payload.sequence(), newest);
            });
            boolean newestOfAll = order.newestOfAll(payload.sequence());
            requireNotImported(session, header);
            enrolment.ifPresent(decision -> trust.enrolOnImport(decision, reader.file()));
            newCatalogs.forEach((version, document) -> session.saveCatalog(version, document, now));
            int changedFacilities = 0;
            if (newestOfAll) {
                for (BundleRecords.Facility facility : payload.facilities()) {
                    changedFacilities += session.saveFacility(facility) ? 1 : 0;
                }
            }
            int newPlans = 0;
            int changedPlans = 0;
            for (BundleRecords.Assignment assignment : payload.assignments()) {
                Optional<String> stored = session.assignmentUpdatedAt(assignment.id());
                if (AssignmentsOrder.newer(assignment.updatedAt(), stored)) {
                    session.saveAssignment(assignment, session.facilityId(facilities.get(assignment.facilityId()), null));
                    newPlans += stored.isEmpty() ? 1 : 0;
                    changedPlans += stored.isPresent() ? 1 : 0;
                }
            }
            int followUps = 0;
            // An older office's bundle says nothing of follow-up: what the tablet holds stays.
            if (payload.followUps() != null) {
                for (String facilityId : payload.assignments().stream().map(BundleRecords.Assignment::facilityId)
                        .distinct().toList()) {
                    List<BundleRecords.FollowUp> ofFacility = payload.followUps().stream()
                            .filter(followUp -> followUp.facilityId().equals(facilityId)).toList();
                    followUps += session.replaceFollowUps(session.facilityId(facilities.get(facilityId), null),
                            header.deviceId(), payload.sequence(), ofFacility) ? 1 : 0;
                }
            }
            ImportOutcome.Counts sum = ImportOutcome.Counts.NONE;
            InspectionMerge merge = new InspectionMerge(session, header, Map.of(), Map.of(), now);
            for (BundleRecords.Inspection inspection : payload.previousInspections()) {
                sum = sum.plus(merge.merge(inspection));
            }
            // An older office's bundle says nothing of self-checks: what the tablet holds stays.
            for (BundleRecords.PlanSelfCheck selfCheck : Optional.ofNullable(payload.selfChecks()).orElse(List.of())) {
                if (session.assignmentUpdatedAt(selfCheck.planId()).isPresent()) {
                    session.savePlanSelfCheck(selfCheck);
                }
            }
            int returns = 0;
            int approvals = 0;
            for (BundleRecords.Review review : payload.reviews()) {
                if (session.inspection(review.inspectionId()).isPresent() && AssignmentsOrder.newer(review.decidedAt(),
                        session.reviewDecidedAt(review.inspectionId(), review.revision()))) {
                    session.saveReview(review);
                    returns += review.returned() ? 1 : 0;
                    approvals += review.returned() ? 0 : 1;
                }
            }
            int receipts = 0;
            for (BundleRecords.Receipt receipt : payload.receipts()) {
                if (receipt.deviceId().equals(ownDevice) && session.saveReceipt(receipt)) {
                    receipts++;
                }
            }
            session.recordApplied(header.deviceId(), audience, payload.sequence(), header.bundleId(), now);
            session.recordReceived(header, reader.file().getFileName().toString(), now);
            return new Applied(sum, new ImportOutcome.Delivered(returns, approvals, receipts, newPlans, changedPlans,
                    changedFacilities, newCatalogs.size(), followUps));
        });
        for (Catalog catalog : loaded) {
            catalogs.add(catalog, newCatalogs.get(catalog.version()));
        }
        // Every assignments bundle, whether or not it brought a self-check: a fill that failed before is tried again.
        fillFromArrivedSelfChecks(reader.file());
        return ImportOutcome.imported(reader.file(), header, applied.inspections(), applied.delivered());
    }

    /** What one assignments bundle changed: the inspections it carried, and the rest by kind. */
    private record Applied(ImportOutcome.Counts inspections, ImportOutcome.Delivered delivered) {
    }

    /**
     * The bundle is stored whatever filling the inspections in progress meets; a failure there is logged, and the next
     * assignments bundle tries again (each inspection is filled once per self-check, never over confirmed rows).
     */
    private void fillFromArrivedSelfChecks(Path file) {
        try {
            selfChecksArrived.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "filling inspections in progress from the self-checks of " + file + " failed", e);
        }
    }

    /**
     * Settles a conflict by taking the arriving version: the store's copy of the inspection becomes exactly what
     * that device sent (revisions, evidence, trail), and the version it replaces is kept whole beside it. The
     * review of every revision whose content changes is undone, for that content has not been reviewed.
     */
    public void takeArriving(String inspectionId, String contentHash, String actor) {
        Instant now = clock.instant();
        repository.inTransaction(session -> {
            ImportSession.KeptVersion kept = session.openConflict(inspectionId, contentHash)
                    .orElseThrow(() -> new UserFacingException("review.error.noConflict", inspectionId));
            String owner = session.inspection(inspectionId).orElseThrow().originDevice();
            if (!kept.deviceId().equals(owner)) {
                // Kept by an earlier version, which let another device's version be taken; ownership never moves.
                throw new UserFacingException("conflict.error.notOwner", inspectionId, owner, kept.deviceId());
            }
            BundleRecords.Inspection arriving = BundleRecords.inspection(kept.content());
            Map<String, BundleRecords.ManifestEntry> manifest = new LinkedHashMap<>();
            kept.attachments().forEach(entry -> manifest.put(entry.id(), entry));
            Map<String, Path> files = keptEvidenceFiles(arriving, manifest);
            Map<Integer, String> storedHashes = session.inspection(inspectionId).orElseThrow().revisionHashes();
            Set<Integer> changed = new TreeSet<>(storedHashes.keySet());
            arriving.revisions().stream()
                    .filter(revision -> BundleRecords.contentHash(revision).equals(storedHashes.get(revision.revision())))
                    .forEach(revision -> changed.remove(revision.revision()));
            String displacedHash = session.displaceStored(inspectionId, changed, now);
            for (BundleRecords.Revision revision : arriving.revisions()) {
                session.insertRevision(inspectionId, revision, BundleRecords.contentHash(revision), kept.bundleId(), files,
                        manifest);
            }
            session.appendAudit(inspectionId, arriving.audit());
            session.settleTookArriving(inspectionId, contentHash, displacedHash, actor, now);
            return null;
        });
    }

    /** The stored bytes of a kept version's evidence by attachment id; a version whose bytes are missing cannot be taken. */
    private Map<String, Path> keptEvidenceFiles(BundleRecords.Inspection version, Map<String, BundleRecords.ManifestEntry> manifest) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (BundleRecords.Revision revision : version.revisions()) {
            for (BundleRecords.Evidence evidence : revision.evidence()) {
                BundleRecords.ManifestEntry entry = manifest.get(evidence.attachment());
                Path file = entry == null ? null : repository.evidenceFile(entry.sha256());
                if (file == null || !Files.isRegularFile(file)) {
                    throw new UserFacingException("conflict.error.evidenceMissing", evidence.fileName(), revision.revision());
                }
                files.put(entry.id(), file);
            }
        }
        return files;
    }

    /** One bundle's transaction; an id another record holds already refuses the bundle, naming the id. */
    private <T> T inTransaction(Path file, Function<ImportSession, T> work) {
        try {
            return repository.inTransaction(work);
        } catch (ImportSession.IdTaken e) {
            throw new BundleException(e, file, "bundle.error.idTaken", e.id());
        }
    }

    private void checkCatalogItems(Path file, BundleRecords.Inspection inspection) {
        checkCatalogItems(file, inspection, List.of());
    }

    /** Every finding and evidence must name an item of the catalog version its revision was made with. */
    private void checkCatalogItems(Path file, BundleRecords.Inspection inspection, List<Catalog> arriving) {
        for (BundleRecords.Revision revision : inspection.revisions()) {
            Catalog catalog = catalogs.version(revision.catalogVersion())
                    .or(() -> arriving.stream().filter(c -> c.version().equals(revision.catalogVersion())).findFirst())
                    .orElseThrow(() -> new BundleException(file, "sync.error.unknownCatalog", revision.catalogVersion(),
                            inspection.id()));
            Stream.concat(revision.findings().stream().map(BundleRecords.Finding::itemId),
                            revision.evidence().stream().map(BundleRecords.Evidence::itemId))
                    .filter(itemId -> !itemId.equals(catalog.gate().id()) && catalog.item(itemId).isEmpty())
                    .findFirst()
                    .ifPresent(itemId -> {
                        throw new BundleException(file, "sync.error.unknownItem", itemId, catalog.version(), inspection.id());
                    });
            if (revision.carriesForms()) {
                checkFormItems(file, inspection.id(), revision, catalog);
            }
        }
    }

    /** The forms answer ministry items of the revision's catalog, a vendor's form only those the vendor form carries. */
    private static void checkFormItems(Path file, String inspectionId, BundleRecords.Revision revision, Catalog catalog) {
        Map<String, MinistryItem> items = new LinkedHashMap<>();
        catalog.ministryItems().forEach(item -> items.put(item.number(), item));
        for (BundleRecords.HospitalFormRow row : revision.hospitalForm()) {
            if (!items.containsKey(row.ministryNumber())) {
                throw new BundleException(file, "sync.error.unknownMinistryItem", row.ministryNumber(), catalog.version(),
                        inspectionId, revision.revision());
            }
        }
        for (BundleRecords.VendorForm form : revision.vendorForms()) {
            for (BundleRecords.VendorAnswer answer : form.answers()) {
                MinistryItem item = items.get(answer.ministryNumber());
                if (item == null) {
                    throw new BundleException(file, "sync.error.unknownMinistryItem", answer.ministryNumber(),
                            catalog.version(), inspectionId, revision.revision());
                }
                if (!item.onVendorForm()) {
                    throw new BundleException(file, "sync.error.notOnVendorForm", answer.ministryNumber(),
                            new VendorContract(form.vendor(), form.system()).key(), inspectionId, revision.revision());
                }
            }
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // Staged copies only; the next import uses a new folder.
        }
    }
}
