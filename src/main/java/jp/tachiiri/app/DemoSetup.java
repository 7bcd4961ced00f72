package jp.tachiiri.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import jp.tachiiri.advice.AdviceSettings;
import jp.tachiiri.demo.DemoData;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FindingToFollow;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.model.Role;
import jp.tachiiri.store.Database;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.sync.SyncService;

/**
 * The demo prefecture in a data folder, and the first start's choice of role that brings it: the inspector's own
 * demo inspections, or the office's facility master with a demo tablet's findings waiting in its inbox.
 */
public final class DemoSetup {

    private final Workspace workspace;
    private final Database database;
    private final DemoData demoData;

    DemoSetup(Workspace workspace, Database database, DemoData demoData) {
        this.workspace = workspace;
        this.database = database;
        this.demoData = demoData;
    }

    /**
     * Adds the demo prefecture and, where no issuing authority is set yet, names the demo one for the
     * printouts. Returns false (changing nothing) when the demo is already there. One transaction: a start
     * killed half-way leaves no half demo, and the next start seeds it whole.
     */
    public boolean seed() {
        return database.atomically(() -> {
            boolean added = demoData.seed();
            if (added) {
                nameTheDemoAuthority();
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
    public boolean seedOffice() {
        Path inbox = workspace.folder().resolve("demo").resolve("inbox");
        if (Files.isDirectory(inbox) && !SyncService.filesOf(inbox).isEmpty()) {
            return false;
        }
        seedFollowUpHistory();
        String demoTablet;
        try (Workspace tablet = Workspace.open(workspace.folder().resolve("demo").resolve("tablet"), workspace.clock())) {
            tablet.demo().seed();
            enrolThisOffice(tablet);
            tablet.sync().exportFindings(inbox);
            demoTablet = tablet.sync().identity().deviceId();
        }
        Settings settings = workspace.settings();
        return database.atomically(() -> {
            settings.setDemoTablet(demoTablet);
            demoData.seedFacilities();
            nameTheDemoAuthority();
            settings.setTransferFolders(new Settings.TransferFolders(settings.transferFolders().outbox(),
                    inbox.toAbsolutePath().toString()));
            return true;
        });
    }

    /**
     * Follow-up as an office has it months after its inspections: a tablet whose clock is set back to last fiscal
     * year ({@link DemoData#followUpHistoryDay}) inspected two hospitals; their findings are imported here at once (the tablet, retired since, is
     * refused afterwards), and one hospital's report came
     * and closed every finding while the other's never came (overdue). Done once: a start killed half-way finds the
     * bundle imported already and records the same report again, which changes nothing on the same day.
     */
    private void seedFollowUpHistory() {
        LocalDate today = LocalDate.now(workspace.clock());
        Clock then = Clock.offset(workspace.clock(),
                Duration.ofDays(-ChronoUnit.DAYS.between(DemoData.followUpHistoryDay(today), today)));
        Path bundle;
        try (Workspace tablet = Workspace.open(workspace.folder().resolve("demo").resolve("history-tablet"), then)) {
            tablet.demo().demoData.seedFollowUpHistory();
            enrolThisOffice(tablet);
            Optional<Path> written = tablet.sync().exportFindings(workspace.folder().resolve("demo").resolve("history"));
            if (written.isEmpty()) {
                return;
            }
            bundle = written.get();
        }
        ImportOutcome outcome = workspace.sync().importFile(bundle, true);
        if (outcome.result() == ImportOutcome.Result.REJECTED) {
            throw outcome.problem().orElseThrow();
        }
        // That tablet has been retired since: refused (revoked), so that nothing new is sent to it, and the demo
        // tablet is still the one the office enrols by its fingerprint.
        outcome.header().ifPresent(sender -> workspace.deviceTrust().refuse(sender.deviceId()));
        FollowUpService followUp = workspace.followUp();
        FollowUpCase closed = followUp.findByFacility(DemoData.ALL_CLOSED_CODE);
        LocalDate inspected = closed.inspectionDate();
        followUp.recordReport(closed.inspectionId(), inspected.plusDays(35), "デモ 川口 誠", "事務部 総務課", DemoData.ACTOR);
        int week = 0;
        for (FindingToFollow finding : closed.findings()) {
            followUp.assess(closed.inspectionId(), finding.itemId(), "デモ: " + finding.advice(),
                    Optional.of(inspected.plusDays(20 + 7 * week++)), Assessment.CLOSED, Optional.empty(), DemoData.ACTOR);
        }
    }

    /**
     * The demo tablet takes this office as its own, as if a person had compared the fingerprint, so that it can seal
     * its findings to the office; the office still enrols the tablet as any other, from its bundle.
     */
    private void enrolThisOffice(Workspace tablet) {
        Path folder = workspace.folder().resolve("demo").resolve("enrolment");
        try {
            Path enrolment = workspace.sync().exportEnrolment(folder);
            ImportOutcome outcome = tablet.sync().importFile(enrolment, true);
            if (outcome.result() == ImportOutcome.Result.REJECTED) {
                throw outcome.problem().orElseThrow();
            }
            Files.delete(enrolment);
            Files.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo for the role: the inspector's own demo inspections, or the office's demo inbox. */
    public void seedFor(Role role) {
        if (role == Role.OFFICE) {
            seedOffice();
        } else {
            seed();
        }
    }

    /**
     * The first start's choice of role, stored together with the demo for that role when the store has no
     * facilities yet: one transaction, so that a start killed half-way asks again rather than leaving a role
     * without its demo.
     */
    public void chooseRole(Role role) {
        database.atomically(() -> {
            workspace.settings().setRole(role);
            if (workspace.facilities().all().isEmpty()) {
                seedFor(role);
            }
            return role;
        });
    }

    private void nameTheDemoAuthority() {
        Settings settings = workspace.settings();
        if (settings.advice().issuingAuthority().isBlank()) {
            settings.setAdvice(new AdviceSettings(DemoData.ISSUING_AUTHORITY, AdviceSettings.DEFAULT_REPORT_DAYS));
        }
    }
}
