package jp.tachiiri.followup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.advice.ReportDeadline;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.audit.StoredChain;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Language;

/**
 * The office's follow-up of inspections until every finding is closed: the hospital's improvement report, what it
 * did per finding with its evidence, and the office's assessment (改善済, 対応中 with a new date, 未対応), and the
 * reminder letter to a hospital that is late ({@link ReminderLetter}). Dates are checked against the inspection and
 * today; every change is audited in the inspection's follow-up trail.
 */
public final class FollowUpService {

    /** As large as an attachment a bundle may carry: a scan of a report, a photo, never a disk image. */
    public static final long MAX_EVIDENCE_BYTES = 100L * 1024 * 1024;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final FollowUpRepository repository;
    private final CatalogLibrary catalogs;
    private final Clock clock;
    private final Supplier<AdviceSettings> advice;
    private final Path printouts;
    private final ReminderLetterPdf letterPdf = new ReminderLetterPdf();

    /**
     * {@code advice}: the office's settings for the advice printout, which give the days for the report and who
     * issues letters; {@code printouts}: the folder where the app saves the letters ({@link #reminderLetterFile}).
     */
    public FollowUpService(FollowUpRepository repository, CatalogLibrary catalogs, Clock clock,
                           Supplier<AdviceSettings> advice, Path printouts) {
        this.repository = repository;
        this.catalogs = catalogs;
        this.clock = clock;
        this.advice = advice;
        this.printouts = printouts;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(JAPAN));
    }

    /** Every inspection with findings that needed improvement, closed or not. */
    public List<FollowUpCase> cases() {
        int days = advice.get().reportDays();
        return repository.cases().stream().map(stored -> caseOf(stored, days)).toList();
    }

    public FollowUpCase find(String inspectionId) {
        return repository.find(inspectionId).map(stored -> caseOf(stored, advice.get().reportDays()))
                .orElseThrow(() -> new UserFacingException("followup.error.nothingToFollow", inspectionId));
    }

    /** The follow-up of a facility's newest inspection with findings to follow, found by its code (医療機関コード). */
    public FollowUpCase findByFacility(String facilityCode) {
        List<FollowUpCase> cases = cases().stream().filter(found -> found.facilityCode().equals(facilityCode)).toList();
        if (cases.isEmpty()) {
            throw new UserFacingException("followup.error.facilityUnknown", facilityCode);
        }
        return cases.get(cases.size() - 1);
    }

    /** Records (or corrects) the report's arrival: on or after the inspection, not in the future, from someone named. */
    public ImprovementReport recordReport(String inspectionId, LocalDate receivedOn, String contactName,
                                          String contactRole, String actor) {
        FollowUpCase followed = find(inspectionId);
        requireWithin(receivedOn, followed, "followup.field.receivedOn");
        ImprovementReport report = new ImprovementReport(inspectionId, receivedOn, contactName, contactRole);
        if (report.contactName().isEmpty()) {
            throw new UserFacingException("followup.error.contactRequired");
        }
        repository.saveReport(report, actor, clock.instant());
        return report;
    }

    /**
     * Records what the hospital did for one finding and the office's assessment. The finding must have needed
     * improvement and the report must have arrived; 改善済 needs the day it was done, 対応中 a new target date after
     * the report's arrival. Assessing a closed finding again reopens it (audited like any change).
     */
    public ItemFollowUp assess(String inspectionId, String itemId, String action, Optional<LocalDate> doneOn,
                               Assessment assessment, Optional<LocalDate> newTargetDate, String actor) {
        return assess(inspectionId, itemId, action, doneOn, assessment, newTargetDate, List.of(), actor);
    }

    /**
     * Records the assessment together with the hospital's evidence files, all or nothing: every file is checked
     * before anything is stored, and the assessment and the files are recorded in one transaction.
     */
    public ItemFollowUp assess(String inspectionId, String itemId, String action, Optional<LocalDate> doneOn,
                               Assessment assessment, Optional<LocalDate> newTargetDate, List<Path> evidence,
                               String actor) {
        FollowUpCase followed = find(inspectionId);
        followed.finding(itemId).orElseThrow(() -> new UserFacingException("followup.error.notNeeded", itemId,
                followed.facilityName(), followed.inspectionDate()));
        ImprovementReport report = followed.report().orElseThrow(() -> new UserFacingException(
                "followup.error.noReport", followed.facilityName(), followed.inspectionDate()));
        if (doneOn.isPresent()) {
            requireWithin(doneOn.get(), followed, "followup.field.doneOn");
        }
        if (assessment == Assessment.CLOSED && doneOn.isEmpty()) {
            throw new UserFacingException("followup.error.doneOnRequired", itemId);
        }
        if (assessment == Assessment.IN_PROGRESS) {
            LocalDate target = newTargetDate.orElseThrow(() -> new UserFacingException("followup.error.newTargetRequired", itemId));
            if (!target.isAfter(report.receivedOn())) {
                throw new UserFacingException("followup.error.newTargetTooEarly", target, report.receivedOn());
            }
        }
        evidence.forEach(FollowUpService::requireKeepable);
        ItemFollowUp item = new ItemFollowUp(inspectionId, itemId, action, doneOn, assessment,
                assessment == Assessment.IN_PROGRESS ? newTargetDate : Optional.empty());
        repository.saveItem(item, evidence, actor, clock.instant());
        return item;
    }

    /** Keeps a file the hospital sent for an assessed finding, at most {@link #MAX_EVIDENCE_BYTES}. */
    public FollowUpEvidence addEvidence(String inspectionId, String itemId, Path file, String mediaType, String actor) {
        return addEvidence(inspectionId, itemId, List.of(file), mediaType, actor).get(0);
    }

    /** Keeps several files for an assessed finding, all or none: each is checked before any is stored. */
    public List<FollowUpEvidence> addEvidence(String inspectionId, String itemId, List<Path> files, String mediaType,
                                              String actor) {
        FollowUpCase followed = find(inspectionId);
        FindingToFollow finding = followed.finding(itemId).orElseThrow(() -> new UserFacingException(
                "followup.error.notNeeded", itemId, followed.facilityName(), followed.inspectionDate()));
        if (finding.followUp().isEmpty()) {
            throw new UserFacingException("followup.error.assessFirst", itemId);
        }
        files.forEach(FollowUpService::requireKeepable);
        return repository.addEvidence(inspectionId, itemId, files, mediaType, actor, clock.instant());
    }

    /** A file that can be read and is not larger than {@link #MAX_EVIDENCE_BYTES}. */
    private static void requireKeepable(Path file) {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException("evidence.error.unreadable", file);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserFacingException(e, "evidence.error.unreadable", file);
        }
        if (size > MAX_EVIDENCE_BYTES) {
            throw new UserFacingException("followup.error.tooLarge", file.getFileName(), size / (1024 * 1024),
                    MAX_EVIDENCE_BYTES / (1024 * 1024));
        }
    }

    /** The stored bytes of a piece of evidence, checked against its hash. */
    public Path file(FollowUpEvidence evidence) {
        return repository.file(evidence);
    }

    /** Every change to the inspection's follow-up, oldest first. */
    public List<AuditEvent> trail(String inspectionId) {
        return repository.trail(inspectionId).events();
    }

    /** The same, with the first link of its hash chain that does not hold, if any: this one chain, not every trail. */
    public ChainVerifier.Trail verifiedTrail(String inspectionId) {
        StoredChain chain = repository.trail(inspectionId);
        return new ChainVerifier.Trail(chain.events(), ChainVerifier.verify(chain.head(), chain.events()));
    }

    /**
     * What the reminder letter for an inspection dated {@code letterDate} (today or later) states, with the issuing
     * authority of the settings; refused as {@link ReminderLetter#of} says when there is nothing to remind of.
     */
    public ReminderLetter reminderLetter(String inspectionId, LocalDate letterDate) {
        FollowUpCase followed = find(inspectionId);
        // A letter states the record as it stands now: dated earlier, it could deny a report received since.
        if (letterDate.isBefore(today())) {
            throw new UserFacingException("followup.error.letterDatePast", letterDate, today());
        }
        return ReminderLetter.of(followed, letterDate, advice.get().issuingAuthority());
    }

    /**
     * Writes the reminder letter as PDF to {@code out} atomically (nothing is written when it is refused), and keeps
     * in the inspection's follow-up trail that it was written, its date and the new date it asks for: when the office
     * reminded the hospital is part of the follow-up's record.
     */
    public ReminderLetter writeReminderLetter(String inspectionId, LocalDate letterDate, Language language, Path out,
                                              String actor) {
        ReminderLetter letter = reminderLetter(inspectionId, letterDate);
        try {
            letterPdf.write(letter, language, out);
        } catch (UncheckedIOException e) {
            throw new UserFacingException(e, "followup.error.letterWrite", out.toAbsolutePath(), e.getCause().getMessage());
        }
        repository.recordLetter(inspectionId, letterDate, letter.newDue(), out.getFileName().toString(), actor,
                clock.instant());
        return letter;
    }

    /**
     * Where the app saves a reminder letter: the printouts folder (made if missing), named so that a folder of
     * printouts sorts by date and says what each is.
     */
    public Path reminderLetterFile(String inspectionId, LocalDate letterDate, Language language) {
        FollowUpCase followed = find(inspectionId);
        try {
            AtomicFile.createFolders(printouts);
        } catch (IOException e) {
            throw new UserFacingException(e, "followup.error.letterWrite", printouts, e.getMessage());
        }
        return printouts.resolve("reminder_" + letterDate + "_" + followed.facilityCode() + "_"
                + followed.inspectionDate() + "_" + language.code() + ".pdf");
    }

    /** A date the hospital gives must fall between the inspection and today. */
    private void requireWithin(LocalDate date, FollowUpCase followed, String field) {
        if (date.isBefore(followed.inspectionDate())) {
            throw new UserFacingException("followup.error.beforeInspection", new UserFacingException(field), date,
                    followed.inspectionDate());
        }
        if (date.isAfter(today())) {
            throw new UserFacingException("followup.error.future", new UserFacingException(field), date);
        }
    }

    private FollowUpCase caseOf(FollowUpRepository.StoredCase stored, int days) {
        // An import accepts only findings of items its catalog has; the catalog stays in the library.
        Catalog catalog = catalogs.version(stored.catalogVersion()).orElseThrow(() -> new IllegalStateException(
                "catalog " + stored.catalogVersion() + " of " + stored.inspectionId() + " is not in the library"));
        LocalDate printed = stored.finalizedAt().atZone(JAPAN).toLocalDate();
        List<FindingToFollow> findings = stored.findings().stream().map(finding -> {
            CatalogItem item = catalog.item(finding.itemId()).orElseThrow(() -> new IllegalStateException(
                    finding.itemId() + " is not in catalog " + stored.catalogVersion()));
            return new FindingToFollow(finding.itemId(), item.title(), item.checkpoint(), item.isReference(),
                    finding.targetDate(), finding.advice(), Optional.ofNullable(stored.items().get(finding.itemId())),
                    stored.evidence().getOrDefault(finding.itemId(), List.of()));
        }).toList();
        return new FollowUpCase(stored.inspectionId(), stored.revision(), stored.facilityId(), stored.facilityCode(),
                stored.facilityName(), stored.inspectionDate(), ReportDeadline.due(printed, days), stored.report(),
                findings);
    }
}
