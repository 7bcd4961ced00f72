package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.review.Decision;
import jp.tachiiri.testsupport.Commands;
import jp.tachiiri.testsupport.Commands.Run;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.Rejections;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks an outsider with a tablet's key and docs/bundle-format.md could make, each as it was tried: a
 * bundle made with the real writer and signed with a real key, imported into a real store by the command line.
 * Each is rejected with exit code 1 and a message in both languages, and leaves every table and file of the store
 * as it was.
 */
class TrustAttacksTest {

    @TempDir
    Path folder;

    private Path tabletFolder;
    private Path officeFolder;
    private String sakuragawa;
    /** The two sides' keys: what the office seals to, and what the tablet opens assignments with. */
    private DeviceIdentity officeKeys;
    private DeviceIdentity tabletKeys;

    /** A demo tablet whose findings the office imported, enrolling it; the office returned one with comments. */
    @BeforeEach
    void officeWithAReturnedInspection() {
        tabletFolder = folder.resolve("tablet");
        officeFolder = folder.resolve("office");
        try (Workspace tablet = SyncFixture.demoTablet(tabletFolder); Workspace office = SyncFixture.office(officeFolder)) {
            Enrolments.enrol(tablet, office);
            officeKeys = office.sync().identity();
            tabletKeys = tablet.sync().identity();
            Path findings = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            assertThat(office.sync().importFile(findings, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            sakuragawa = office.inspections().list().stream().filter(s -> s.facilityName().contains("桜川")).findFirst()
                    .orElseThrow().id();
            office.review().decide(new Decision(sakuragawa, 1, false, "目標日を具体的に",
                    Map.of("vulnerability.device-ledger", "更新日の記入を")), "supervisor");
        }
    }

    @Test
    void anAssignmentsBundleSignedByATabletChangesNothingAtTheOfficeAndIsNotPassedOn() throws Exception {
        Path forged;
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC());
             Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            forged = forgedApproval(tablet.sync().identity(), office);
        }
        Run run = rejected(officeFolder, forged, "sync.error.kindNotAccepted", false);
        assertThat(run.err()).contains("割当て・審査結果のファイル", "ここでは検査員の端末として扱われる端末");

        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            Path next = office.sync().exportAssignments(folder.resolve("next"), Optional.empty(), List.of());
            try (BundleReader reader = BundleReader.open(next, tabletKeys)) {
                BundleRecords.AssignmentsPayload passedOn = reader.payload(BundleRecords.AssignmentsPayload.class);
                assertThat(passedOn.reviews()).singleElement().satisfies(review -> {
                    assertThat(review.decision()).isEqualTo("RETURNED");
                    assertThat(review.items()).extracting(BundleRecords.ItemComment::comment).containsExactly("更新日の記入を");
                });
                assertThat(passedOn.catalogs()).extracting(catalog -> catalog.get("version").asText()).doesNotContain("2099.1");
            }
        }
    }

    @Test
    void trustingNewDevicesNeverEnrolsASenderOfAssignmentsAtTheOffice() throws Exception {
        Path forged;
        try (Workspace stranger = Workspace.open(folder.resolve("stranger"), Clock.systemUTC());
             Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            forged = forgedApproval(stranger.sync().identity(), office);
        }
        rejected(officeFolder, forged, "sync.error.kindNotAccepted", true);
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            assertThat(office.deviceTrust().devices()).as("only the tablet is known").hasSize(1);
        }
    }

    @Test
    void anOlderAssignmentsBundleReplayedOnATabletTakesNoReviewBack() throws Exception {
        Path returned;
        Path approved;
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            returned = office.sync().exportAssignments(folder.resolve("first"), Optional.empty(), List.of());
            office.review().decide(new Decision(sakuragawa, 1, true, "", Map.of()), "supervisor");
            approved = office.sync().exportAssignments(folder.resolve("second"), Optional.empty(), List.of());
        }
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC())) {
            assertThat(tablet.sync().importFile(approved, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(tablet.sync().reviews()).singleElement().extracting(ReviewResult::returned)
                    .isEqualTo(false);
        }
        Run run = rejected(tabletFolder, returned, "sync.error.stale", false);
        assertThat(run.err()).contains("第1号", "第2号");
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC())) {
            assertThat(tablet.sync().reviews()).singleElement().extracting(ReviewResult::returned)
                    .isEqualTo(false);
        }
    }

    @Test
    void anAlteredAuditEventIsRefusedAndTheOfficesTrailsStillVerify() throws Exception {
        Path altered = reSignedByTheTablet("altered", inspection -> withAudit(inspection, events -> {
            BundleRecords.AuditEvent second = events.get(1);
            events.set(1, new BundleRecords.AuditEvent(second.id(), second.sequence(), second.at(), second.actor(),
                    second.action(), second.subject(), second.oldValue(), "NON_COMPLIANT", second.reason(),
                    second.previousHash(), second.hash()));
            return events;
        }));
        rejected(officeFolder, altered, "bundle.error.auditBroken", false);
        Run verify = Commands.run("audit", "verify", "--data", officeFolder.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
    }

    @Test
    void aFinalizedRevisionWithAnEmptyTrailIsRefused() throws Exception {
        Path empty = reSignedByTheTablet("empty", inspection -> withAudit(inspection, events -> new ArrayList<>()));
        rejected(officeFolder, empty, "bundle.error.auditMissing", false);
    }

    @Test
    void aNewDeviceWhoseBundleIsRejectedIsNotEnrolledEvenWhenNewDevicesAreTrusted() throws Exception {
        Path broken;
        try (Workspace stranger = SyncFixture.demoTablet(folder.resolve("stranger"))) {
            knowsTheOffice(stranger);
            Path own = stranger.sync().exportFindings(folder.resolve("stranger-usb")).orElseThrow();
            broken = reSigned(stranger.sync().identity(), own, "broken", inspection -> withAudit(inspection,
                    events -> new ArrayList<>(events.subList(0, events.size() - 1))));
        }
        rejected(officeFolder, broken, "bundle.error.auditBroken", true);
    }

    @Test
    void anotherDeviceCannotTakeOverAnInspectionNorMakeItAConflict() throws Exception {
        Path claimed;
        try (Workspace other = SyncFixture.demoTablet(folder.resolve("other"));
             Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            // The other tablet is enrolled with a bundle of its own first.
            Enrolments.enrol(other, office);
            Path own = other.sync().exportFindings(folder.resolve("other-usb")).orElseThrow();
            assertThat(office.sync().importFile(own, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            claimed = reSigned(other.sync().identity(), tabletBundle(), "claimed", inspection -> inspection);
        }
        Run run = rejected(officeFolder, claimed, "sync.error.notOwner", false);
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC())) {
            assertThat(run.err()).contains(tablet.sync().identity().deviceId(), tablet.sync().identity().fingerprint());
        }
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            assertThat(office.review().openConflicts(sakuragawa)).isZero();
        }
    }

    @Test
    void anotherDeviceCannotUseTheIdsOfAnotherDevicesAuditEvents() throws Exception {
        Path squatting;
        try (Workspace other = SyncFixture.demoTablet(folder.resolve("other"))) {
            knowsTheOffice(other);
            Path own = other.sync().exportFindings(folder.resolve("other-usb")).orElseThrow();
            BundleRecords.Inspection target = inspections(tabletBundle()).get(0);
            String ownFirst = inspections(own).get(0).id();
            // Its own first inspection, its trail sealed again under the first tablet's event ids.
            squatting = reSigned(other.sync().identity(), own, "squatting", inspection -> inspection.id().equals(ownFirst)
                    ? withAudit(inspection, events -> underIdsOf(target, inspection.id(), events)) : inspection);
        }
        Run run = rejected(officeFolder, squatting, "sync.error.notOwner", true);
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC())) {
            assertThat(run.err()).contains(tablet.sync().identity().deviceId());
        }
    }

    @Test
    void aFacilityOnlyATabletReportedReachesOtherTabletsOnlyWhenTheOfficeVouchesForIt() {
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            assertThat(office.facilities().all()).as("the tablet's inspections named facilities the office did not know")
                    .isNotEmpty();
            assertThat(assignments(office).facilities())
                    .as("a tablet's report is no part of the facility master").isEmpty();

            jp.tachiiri.model.Facility edited = office.facilities().byId("demo-sakuragawa").orElseThrow();
            office.facilities().save(edited);
            office.sync().plan("demo-aobadai", "hanako", "デモ 立入花子", java.time.LocalDate.parse("2027-01-20"));
            assertThat(assignments(office).facilities())
                    .extracting(BundleRecords.Facility::id).containsExactlyInAnyOrder("demo-sakuragawa", "demo-aobadai");
        }
    }

    // ---- crafting -------------------------------------------------------------------------------------------

    /**
     * What the attacker writes with {@code signer}'s key: the office's own assignments payload with the returned
     * inspection approved under a forged comment, its item comments gone, and a catalog 2099.1.
     */
    private Path forgedApproval(DeviceIdentity signer, Workspace office) throws Exception {
        BundleRecords.AssignmentsPayload real = assignments(office);
        List<BundleRecords.Review> reviews = real.reviews().stream().map(review -> new BundleRecords.Review(
                review.inspectionId(), review.revision(), "APPROVED", "問題ありません（事務所）", Instant.now().toString(),
                review.decidedBy(), List.of())).toList();
        ObjectMapper json = new ObjectMapper();
        JsonNode catalog = json.readTree(office.catalogs().document("2025.1").orElseThrow()
                .replace("\"version\": \"2025.1\"", "\"version\": \"2099.1\""));
        BundleRecords.AssignmentsPayload forged = new BundleRecords.AssignmentsPayload(99, null, List.of(catalog),
                real.facilities(), real.assignments(), real.previousInspections(), reviews, real.receipts(), real.selfChecks(),
                real.followUps());
        return BundleWriter.write(folder.resolve("forged"), signer, BundleKind.ASSIGNMENTS, Instant.now(),
                BundleRecords.tree(forged), List.of(), List.of(officeKeys.asRecipient())).file();
    }

    /** What the office sends the tablet now, read by the tablet from a real assignments bundle sealed to it. */
    private BundleRecords.AssignmentsPayload assignments(Workspace office) {
        Path bundle = office.sync().exportAssignments(folder.resolve("real-" + System.nanoTime()), Optional.empty(),
                List.of(tabletKeys.deviceId()));
        try (BundleReader reader = BundleReader.open(bundle, tabletKeys)) {
            return reader.payload(BundleRecords.AssignmentsPayload.class);
        }
    }

    /** A tablet other than the first takes the office as its own, as it must before it can send it anything. */
    private void knowsTheOffice(Workspace tablet) {
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            Enrolments.enrol(tablet, office);
        }
    }

    /** The tablet's findings again, each inspection changed by {@code change}, signed by the tablet's own key. */
    private Path reSignedByTheTablet(String name, UnaryOperator<BundleRecords.Inspection> change) {
        try (Workspace tablet = Workspace.open(tabletFolder, Clock.systemUTC())) {
            return reSigned(tablet.sync().identity(), tabletBundle(), name, change);
        }
    }

    private List<BundleRecords.Inspection> inspections(Path bundle) {
        try (BundleReader reader = BundleReader.open(bundle, officeKeys)) {
            return reader.payload(BundleRecords.FindingsPayload.class).inspections();
        }
    }

    /** A trail chained again from the start, its first events under the ids of {@code target}'s. */
    private static List<BundleRecords.AuditEvent> underIdsOf(BundleRecords.Inspection target, String inspectionId,
                                                             List<BundleRecords.AuditEvent> events) {
        List<jp.tachiiri.model.AuditEvent> drafts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            BundleRecords.AuditEvent event = events.get(i);
            String id = i < target.audit().size() ? target.audit().get(i).id() : event.id();
            drafts.add(new jp.tachiiri.model.AuditEvent(id, inspectionId, 0, Instant.parse(event.at()), event.actor(),
                    event.action(), event.subject(), event.oldValue(), event.newValue(), event.reason(), null, null));
        }
        return new ArrayList<>(jp.tachiiri.bundle.HostileCorpusGenerator.sealed(drafts));
    }

    private Path tabletBundle() {
        return SyncService.filesOf(folder.resolve("usb")).get(0);
    }

    /** A findings bundle's inspections, their evidence left out, each changed, signed by {@code signer}. */
    private Path reSigned(DeviceIdentity signer, Path bundle, String name, UnaryOperator<BundleRecords.Inspection> change) {
        List<BundleRecords.Inspection> inspections = inspections(bundle).stream().map(TrustAttacksTest::withoutEvidence)
                .map(change).toList();
        return BundleWriter.write(folder.resolve(name), signer, BundleKind.FINDINGS, Instant.now(),
                BundleRecords.tree(new BundleRecords.FindingsPayload(inspections)), List.of(),
                List.of(officeKeys.asRecipient())).file();
    }

    private static BundleRecords.Inspection withoutEvidence(BundleRecords.Inspection inspection) {
        return new BundleRecords.Inspection(inspection.id(), inspection.facilityId(), inspection.createdAt(), inspection.demo(),
                inspection.revisions().stream().map(r -> new BundleRecords.Revision(r.revision(), r.catalogVersion(),
                        r.inspectionDate(), r.amendReason(), r.createdAt(), r.finalizedAt(), r.facility(), r.inspectors(),
                        r.attendees(), r.findings(), List.of(), r.hospitalForm(), r.vendorForms())).toList(),
                inspection.audit());
    }

    private static BundleRecords.Inspection withAudit(BundleRecords.Inspection inspection,
                                                      UnaryOperator<List<BundleRecords.AuditEvent>> change) {
        return new BundleRecords.Inspection(inspection.id(), inspection.facilityId(), inspection.createdAt(), inspection.demo(),
                inspection.revisions(), change.apply(new ArrayList<>(inspection.audit())));
    }

    // ---- the command line -----------------------------------------------------------------------------------

    /**
     * Imports {@code file} into {@code store}: through the service, it is rejected for {@code key} with a message
     * naming the file in both languages; through the command line, in Japanese and in English, it exits with 1 and
     * prints that message. Every time the store is left exactly as it was.
     */
    private Run rejected(Path store, Path file, String key, boolean trustNewDevices) {
        String before = dump(store);
        ImportOutcome outcome;
        try (Workspace workspace = Workspace.open(store, Clock.systemUTC())) {
            outcome = workspace.sync().importFile(file, trustNewDevices);
        }
        assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.REJECTED);
        assertThat(outcome.problem().orElseThrow().key()).isEqualTo(key);
        Rejections.assertClear(outcome.problem().orElseThrow(), file.getFileName().toString());
        assertThat(dump(store)).as("the store after %s", key).isEqualTo(before);
        Run japanese = null;
        for (Language language : Language.values()) {
            List<String> command = new ArrayList<>(List.of("--lang", language.code(), "import", "--data", store.toString()));
            if (trustNewDevices) {
                command.add("--trust-new-devices");
            }
            command.add(file.toString());
            Run run = Commands.run(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains(outcome.problem().orElseThrow().localizedMessage(language));
            assertThat(dump(store)).as("the store after %s from the command line", key).isEqualTo(before);
            japanese = language == Language.JA ? run : japanese;
        }
        return japanese;
    }

    private static String dump(Path store) {
        try (Workspace workspace = Workspace.open(store, Clock.systemUTC())) {
            return StoreDump.withFiles(workspace);
        }
    }
}
