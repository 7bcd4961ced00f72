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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import jp.tachiiri.bundle.BundleException;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.catalog.CatalogLoader;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Catalog;

/**
 * Sending and receiving bundles: a tablet exports its finalized findings and imports assignments; the
 * office imports findings and exports assignments. Every file given to the import gets an outcome, and a
 * rejected file leaves the store as it was.
 */
public final class SyncService {

    private final SyncRepository repository;
    private final CatalogLibrary catalogs;
    private final Clock clock;
    private final Path staging;

    /** {@code staging} is a folder of the data folder where attachments wait while a bundle is imported. */
    public SyncService(SyncRepository repository, CatalogLibrary catalogs, Clock clock, Path staging) {
        this.repository = repository;
        this.catalogs = catalogs;
        this.clock = clock;
        this.staging = staging;
    }

    public DeviceIdentity identity() {
        return repository.identity();
    }

    /**
     * Writes one findings bundle with every finalized inspection the office has not confirmed yet, and marks
     * them sent. Empty when there is nothing to send.
     */
    public Optional<BundleWriter.Written> exportFindings(Path outbox) {
        List<BundleRecords.Inspection> inspections = repository.unacknowledgedFindings();
        if (inspections.isEmpty()) {
            return Optional.empty();
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
                BundleRecords.tree(new BundleRecords.FindingsPayload(inspections)), List.copyOf(attachments.values()));
        repository.markSent(written.bundleId(), BundleKind.FINDINGS, now, written.file(), sent);
        return Optional.of(written);
    }

    /** The stored file of a piece of evidence to send; a missing one is named by the evidence's own file name. */
    private Path storedFile(BundleRecords.Evidence evidence) {
        Path file = repository.evidenceFile(evidence.attachment());
        if (!Files.exists(file)) {
            throw new UserFacingException("sync.error.evidenceMissing", evidence.fileName(), file);
        }
        return file;
    }

    /** Writes an assignments bundle: catalogs, facilities, plans (of one inspector or all), reviews, receipts. */
    public BundleWriter.Written exportAssignments(Path outbox, Optional<String> inspectorId) {
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
        BundleRecords.AssignmentsPayload payload = new BundleRecords.AssignmentsPayload(documents, stored.facilities(),
                stored.assignments(), stored.previousInspections(), stored.reviews(), stored.receipts());
        Instant now = clock.instant();
        BundleWriter.Written written = BundleWriter.write(outbox, repository.identity(), BundleKind.ASSIGNMENTS, now,
                BundleRecords.tree(payload), List.of());
        repository.markSent(written.bundleId(), BundleKind.ASSIGNMENTS, now, written.file(), List.of());
        return written;
    }

    /** Imports files, and the {@code .json} files of folders (in name order); one outcome per file. */
    public List<ImportOutcome> importAll(List<Path> filesOrFolders, boolean trustNewDevices) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (Path path : filesOrFolders) {
            for (Path file : filesOf(path)) {
                outcomes.add(importFile(file, trustNewDevices));
            }
        }
        return outcomes;
    }

    /** The files an import of {@code path} covers: the file itself, or a folder's bundles in name order. */
    public static List<Path> filesOf(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UserFacingException(e, "sync.error.folder", path, e.getMessage());
        }
    }

    public ImportOutcome importFile(Path file, boolean trustNewDevices) {
        BundleHeader header = null;
        try (BundleReader reader = BundleReader.open(file)) {
            header = reader.header();
            Optional<ImportOutcome.Result> early = admit(reader, trustNewDevices);
            if (early.isPresent()) {
                return ImportOutcome.of(file, early.get(), header);
            }
            return header.kind() == BundleKind.FINDINGS ? importFindings(reader) : importAssignments(reader);
        } catch (UserFacingException e) {
            return ImportOutcome.rejected(file, header, e);
        } catch (RuntimeException e) {
            // A failure nobody foresaw still gets an outcome for this file, and the next file its turn.
            return ImportOutcome.rejected(file, header, new UserFacingException(e, "sync.error.unexpected",
                    file.getFileName(), e.toString()));
        }
    }

    /**
     * Whether the sender may be heard: a known key of a trusted device, or a new device that is trusted now
     * or left pending. Empty means "go on".
     */
    private Optional<ImportOutcome.Result> admit(BundleReader reader, boolean trustNewDevices) {
        BundleHeader header = reader.header();
        Path file = reader.file();
        if (header.deviceId().equals(repository.identity().deviceId())) {
            throw new BundleException(file, "sync.error.ownBundle");
        }
        Optional<KnownDevice> known = repository.knownDevice(header.deviceId());
        if (known.isPresent() && !known.get().publicKeyHex().equals(header.publicKeyHex())) {
            throw new BundleException(file, "sync.error.keyChanged", header.deviceId(), known.get().fingerprint(),
                    header.fingerprint());
        }
        if (known.isPresent() && known.get().status() == DeviceStatus.REFUSED) {
            throw new BundleException(file, "sync.error.refused", header.deviceId(), header.fingerprint());
        }
        if (known.isEmpty() || known.get().status() == DeviceStatus.PENDING) {
            if (!trustNewDevices) {
                if (known.isEmpty()) {
                    repository.addDevice(header, file.getFileName().toString(), DeviceStatus.PENDING, clock.instant());
                }
                return Optional.of(ImportOutcome.Result.PENDING_ENROLMENT);
            }
            if (known.isEmpty()) {
                repository.addDevice(header, file.getFileName().toString(), DeviceStatus.TRUSTED, clock.instant());
            } else {
                repository.decide(header.deviceId(), DeviceStatus.TRUSTED, clock.instant());
            }
        }
        return repository.isReceived(header.bundleId()) ? Optional.of(ImportOutcome.Result.ALREADY_IMPORTED) : Optional.empty();
    }

    private ImportOutcome importFindings(BundleReader reader) {
        BundleRecords.FindingsPayload payload = reader.payload(BundleRecords.FindingsPayload.class);
        for (BundleRecords.Inspection inspection : payload.inspections()) {
            checkCatalogItems(reader.file(), inspection);
        }
        Path folder = staging.resolve(UUID.randomUUID().toString());
        try {
            Map<String, Path> attachments = reader.readAttachments(folder);
            Map<String, BundleRecords.ManifestEntry> manifest = new LinkedHashMap<>();
            reader.manifest().forEach(entry -> manifest.put(entry.id(), entry));
            Instant now = clock.instant();
            ImportOutcome.Counts counts = inTransaction(reader.file(), session -> {
                ImportOutcome.Counts sum = ImportOutcome.Counts.NONE;
                InspectionMerge merge = new InspectionMerge(session, reader.header(), attachments, manifest, now);
                for (BundleRecords.Inspection inspection : payload.inspections()) {
                    sum = sum.plus(merge.merge(inspection));
                }
                session.recordReceived(reader.header(), reader.file().getFileName().toString(), now);
                return sum;
            });
            return ImportOutcome.imported(reader.file(), reader.header(), counts);
        } finally {
            deleteTree(folder);
        }
    }

    private ImportOutcome importAssignments(BundleReader reader) {
        BundleRecords.AssignmentsPayload payload = reader.payload(BundleRecords.AssignmentsPayload.class);
        Map<String, String> newCatalogs = new LinkedHashMap<>();
        List<Catalog> loaded = new ArrayList<>();
        for (int i = 0; i < payload.catalogs().size(); i++) {
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
        ImportOutcome.Counts counts = inTransaction(reader.file(), session -> {
            newCatalogs.forEach((version, document) -> session.saveCatalog(version, document, now));
            payload.facilities().forEach(session::saveFacility);
            for (BundleRecords.Assignment assignment : payload.assignments()) {
                session.saveAssignment(assignment, session.facilityId(facilities.get(assignment.facilityId())), now);
            }
            ImportOutcome.Counts sum = ImportOutcome.Counts.NONE;
            InspectionMerge merge = new InspectionMerge(session, reader.header(), Map.of(), Map.of(), now);
            for (BundleRecords.Inspection inspection : payload.previousInspections()) {
                sum = sum.plus(merge.merge(inspection));
            }
            for (BundleRecords.Review review : payload.reviews()) {
                if (session.inspection(review.inspectionId()).isPresent()) {
                    session.saveReview(review);
                }
            }
            payload.receipts().stream().filter(receipt -> receipt.deviceId().equals(ownDevice)).forEach(session::saveReceipt);
            session.recordReceived(reader.header(), reader.file().getFileName().toString(), now);
            return sum;
        });
        for (Catalog catalog : loaded) {
            catalogs.add(catalog, newCatalogs.get(catalog.version()));
        }
        return ImportOutcome.imported(reader.file(), reader.header(), counts);
    }

    /** One bundle's transaction; an id another record holds already refuses the bundle, naming the id. */
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
            session.settleTookArriving(inspectionId, contentHash, kept.deviceId(), displacedHash, actor, now);
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
