package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.evidence.EvidenceService;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOnClaim;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.review.Decision;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop through real data folders and real files: the demo tablet sends its findings, the office
 * imports them, plans and reviews, and the tablet takes the answer back.
 */
class SyncRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void findingsArriveAtTheOfficeIntactAndTheAnswerComesBack() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            String sakuragawa = tablet.inspections().list().stream()
                    .filter(s -> s.facilityName().contains("桜川")).findFirst().orElseThrow().id();
            SyncFixture.amendAndFinalize(tablet, sakuragawa, "ルーターの更新記録を確認", SyncFixture.photo(folder, "router.png", 70_000));
            List<String> sent = SyncFixture.finalizedIds(tablet);

            Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            try (BundleReader reader = BundleReader.open(bundle, office.sync().identity())) {
                assertThat(bundle.getFileName().toString())
                        .startsWith("tachiiri_findings_").endsWith("_" + reader.header().bundleId() + ".tachiiri");
                assertThat(reader.header().sealed()).isTrue();
            }
            assertThat(tablet.sync().status().sent()).extracting(SyncStatus.Entry::inspectionId)
                    .containsExactlyInAnyOrderElementsOf(sent);

            ImportOutcome pending = office.sync().importFile(bundle, false);
            assertThat(pending.result()).isEqualTo(ImportOutcome.Result.PENDING_ENROLMENT);
            assertThat(office.inspections().list()).isEmpty();
            assertThat(office.deviceTrust().devices()).singleElement()
                    .satisfies(device -> assertThat(device.fingerprint()).isEqualTo(tablet.sync().identity().fingerprint()));

            office.deviceTrust().accept(tablet.sync().identity().deviceId(), FingerprintCheck.whole(),
                    tablet.sync().identity().fingerprint());
            ImportOutcome imported = office.sync().importFile(bundle, false);
            assertThat(imported.result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(imported.counts()).isEqualTo(new ImportOutcome.Counts(sent.size(), 0, 0, 0));
            for (String id : sent) {
                assertSameInspection(tablet, office, id);
            }
            assertThat(office.chainVerifier().verifyAll().ok()).isTrue();

            String before = StoreDump.of(office.databaseFile(), Set.of());
            assertThat(office.sync().importFile(bundle, false).result()).isEqualTo(ImportOutcome.Result.ALREADY_IMPORTED);
            assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(before);

            // The office answers: a planned inspection, a returned review, and the receipt.
            String aobadai = office.facilities().all().stream().filter(f -> f.name().contains("青葉台")).findFirst().orElseThrow().id();
            office.sync().plan(aobadai, "hanako", "デモ 立入花子", java.time.LocalDate.parse("2027-01-20"));
            int latest = office.inspections().find(sakuragawa).orElseThrow().revision();
            office.review().decide(new Decision(sakuragawa, latest, false, "目標日を具体的に",
                    java.util.Map.of("vulnerability.device-ledger", "更新日の記入を")), "supervisor");
            Path answer = office.sync().exportAssignments(folder.resolve("usb"), Optional.of("hanako"),
                    List.of(tablet.sync().identity().deviceId()));

            ImportOutcome back = tablet.sync().importFile(answer, true);
            assertThat(back.result()).as(back.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            // 青葉台's inspection of last year needed improvement: its follow-up comes with the plan.
            assertThat(back.delivered()).as("what it brought, by kind")
                    .isEqualTo(new ImportOutcome.Delivered(1, 0, 1, 1, 0, 0, 0, 1));
            assertThat(tablet.sync().plans()).singleElement()
                    .satisfies(plan -> assertThat(plan.date()).isEqualTo(java.time.LocalDate.parse("2027-01-20")));
            assertThat(tablet.sync().reviews()).singleElement().satisfies(review -> {
                assertThat(review.returned()).isTrue();
                assertThat(review.comment()).isEqualTo("目標日を具体的に");
                assertThat(review.itemComments()).extracting(ReviewResult.ItemComment::comment).containsExactly("更新日の記入を");
            });
            SyncStatus status = tablet.sync().status();
            assertThat(status.received()).extracting(SyncStatus.Entry::inspectionId).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(status.sent()).isEmpty();
            assertThat(tablet.sync().exportFindings(folder.resolve("usb2"))).isEmpty();
            assertThat(tablet.inspections().list()).as("its own inspections are not duplicated").hasSize(3);

            // A correction after the receipt goes out again and supersedes the office's copy.
            SyncFixture.amendAndFinalize(tablet, sakuragawa, "再訂正", null);
            Path correction = tablet.sync().exportFindings(folder.resolve("usb2")).orElseThrow();
            ImportOutcome updated = office.sync().importFile(correction, false);
            assertThat(updated.counts()).isEqualTo(new ImportOutcome.Counts(0, 1, 0, 0));
            assertThat(office.inspections().find(sakuragawa).orElseThrow().revision()).isEqualTo(latest + 1);
            assertSameInspection(tablet, office, sakuragawa);
        }
    }

    @Test
    void anOlderBundleArrivingLateChangesNothing() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            String id = SyncFixture.finalizedIds(tablet).get(0);
            Path older = tablet.sync().exportFindings(folder.resolve("a")).orElseThrow();
            SyncFixture.amendAndFinalize(tablet, id, "訂正", null);
            Path newer = tablet.sync().exportFindings(folder.resolve("b")).orElseThrow();

            assertThat(office.sync().importFile(newer, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            String before = StoreDump.of(office.databaseFile(), Set.of("received_bundles.received_at",
                    "received_bundles.bundle_id", "received_bundles.file_name", "received_bundles.created_at"));
            ImportOutcome late = office.sync().importFile(older, false);
            assertThat(late.counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 2, 0));
            assertThat(office.inspections().find(id).orElseThrow().revision()).isEqualTo(2);
            assertThat(StoreDump.of(office.databaseFile(), Set.of("received_bundles.received_at",
                    "received_bundles.bundle_id", "received_bundles.file_name", "received_bundles.created_at")))
                    .as("only the bundle's own receipt is new").isEqualTo(before.replace("## received_bundles (1)",
                            "## received_bundles (2)").replaceFirst("(## received_bundles \\(2\\)\\n)(.*\\n)", "$1$2$2"));
        }
    }

    @Test
    void twoDifferentVersionsOfOneRevisionAreKeptSideBySide() throws Exception {
        Path original = folder.resolve("tablet");
        try (Workspace tablet = SyncFixture.demoTablet(original)) {
            tablet.sync().identity();
        }
        // The tablet restored from a backup on a second device: the same inspections, edited twice.
        SyncFixture.copyFolder(original, folder.resolve("restored"));
        try (Workspace tablet = Workspace.open(original, java.time.Clock.systemUTC());
             Workspace restored = Workspace.open(folder.resolve("restored"), java.time.Clock.systemUTC());
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            Enrolments.enrol(restored, office);
            String id = SyncFixture.finalizedIds(tablet).get(0);
            SyncFixture.amendAndFinalize(tablet, id, "こちらの訂正", null);
            SyncFixture.amendAndFinalize(restored, id, "別の訂正", null);
            Path first = tablet.sync().exportFindings(folder.resolve("a")).orElseThrow();
            Path second = restored.sync().exportFindings(folder.resolve("b")).orElseThrow();

            assertThat(office.sync().importFile(first, true).counts().added()).isEqualTo(2);
            ImportOutcome conflicting = office.sync().importFile(second, false);
            assertThat(conflicting.counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 1, 1));
            assertThat(office.inspections().findings(id, 2).values())
                    .anySatisfy(finding -> assertThat(finding.note()).isEqualTo("こちらの訂正"));
            assertThat(StoreDump.of(office.databaseFile(), Set.of())).contains("別の訂正").contains("## conflicts (1)");
        }
    }

    @Test
    void aNewCatalogVersionAndFacilityChangesReachTheTabletAndStay() throws Exception {
        Path tabletFolder = folder.resolve("tablet");
        try (Workspace tablet = SyncFixture.demoTablet(tabletFolder);
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            office.sync().importFile(tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow(), true);
            String published = office.catalogs().document("2026.1").orElseThrow()
                    .replace("\"version\": \"2026.1\"", "\"version\": \"2026.2\"");
            assertThat(published).contains("\"2026.2\"");
            office.catalogs().add(new jp.tachiiri.catalog.CatalogLoader().load(
                    new java.io.ByteArrayInputStream(published.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "2026.2"), published);
            jp.tachiiri.model.Facility sakuragawa = office.facilities().byId("demo-sakuragawa").orElseThrow();
            office.facilities().save(new jp.tachiiri.model.Facility(sakuragawa.id(), sakuragawa.code(), sakuragawa.name(),
                    sakuragawa.kana(), "デモ県桜川市中央1-1（移転）", sakuragawa.type(), 310, true, true, sakuragawa.vendors(),
                    sakuragawa.feeAddOnClaims(), sakuragawa.demo()));
            Path answer = office.sync().exportAssignments(folder.resolve("usb"), Optional.empty(), List.of());

            ImportOutcome brought = tablet.sync().importFile(answer, true);
            assertThat(brought.result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(brought.delivered()).as("one facility changed, one catalog version new; the rest was here already")
                    .isEqualTo(new ImportOutcome.Delivered(0, 0, 1, 0, 0, 1, 1, 0));
            assertThat(brought.describe(jp.tachiiri.i18n.Messages.of(jp.tachiiri.model.Language.EN)))
                    .endsWith("imported — 1 receipt from the office, 1 facility updated, 1 new catalog version");
            assertThat(tablet.catalogs().version("2026.2")).isPresent();
            assertThat(tablet.facilities().byId("demo-sakuragawa").orElseThrow())
                    .satisfies(facility -> {
                        assertThat(facility.licensedBeds()).isEqualTo(310);
                        assertThat(facility.address()).isEqualTo("デモ県桜川市中央1-1（移転）");
                    });
        }
        try (Workspace office = SyncFixture.office(folder.resolve("office"));
             Workspace tablet = Workspace.open(tabletFolder, java.time.Clock.systemUTC())) {
            Enrolments.enrol(tablet, office);
            Path again = office.sync().exportAssignments(folder.resolve("usb-again"), Optional.empty(), List.of());
            ImportOutcome nothingNew = tablet.sync().importFile(again, true);
            assertThat(nothingNew.delivered()).isEqualTo(ImportOutcome.Delivered.NONE);
            assertThat(nothingNew.describe(jp.tachiiri.i18n.Messages.of(jp.tachiiri.model.Language.JA)))
                    .endsWith("新しい内容はありませんでした（届いた内容はすべてこの端末にあります）");
        }
        try (Workspace reopened = Workspace.open(tabletFolder, java.time.Clock.systemUTC())) {
            assertThat(reopened.catalogs().version("2026.2")).as("received catalogs are stored").isPresent();
            assertThat(reopened.catalogs().latest().version()).isEqualTo("2026.2");
        }
    }

    /**
     * An office on a release of bundle format 2.0 knows nothing of a facility's type and fee add-on claims: its
     * master leaves both out, and the tablet keeps the claims it stored while taking the rest; a new facility is
     * classified by its beds and claims nothing. A master of today's format that lists no claims does clear them.
     */
    @Test
    void aFacilityMasterFromAnOlderReleaseKeepsTheClaimsTheTabletStored() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            office.sync().importFile(tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow(), true);
            Facility stored = tablet.facilities().byId("demo-aobadai").orElseThrow();
            assertThat(stored.feeAddOnClaims()).hasSize(2);
            office.facilities().save(new Facility(stored.id(), stored.code(), stored.name(), stored.kana(),
                    "デモ県みなと市青葉台9-9（移転）", stored.type(), stored.licensedBeds(), true, true, stored.vendors(), List.of(),
                    stored.demo()));
            office.facilities().save(new Facility("office-clinic", "9910000066", "デモ 港診療所", "でも みなとしんりょうじょ",
                    "デモ県みなと市港町1-1", FacilityType.CLINIC_WITHOUT_BEDS, 0, true, false, List.of(),
                    List.of(new FeeAddOnClaim("digital-linkage-inpatient-2026", LocalDate.parse("2026-06-01"))), true));

            ImportOutcome older = tablet.sync().importFile(withoutTypesAndClaims(office, tablet), true);
            assertThat(older.result()).as(older.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(tablet.facilities().byId("demo-aobadai").orElseThrow()).satisfies(facility -> {
                assertThat(facility.address()).isEqualTo("デモ県みなと市青葉台9-9（移転）");
                assertThat(facility.type()).isEqualTo(FacilityType.HOSPITAL);
                assertThat(facility.feeAddOnClaims()).isEqualTo(stored.feeAddOnClaims());
            });
            assertThat(tablet.facilities().byId("office-clinic").orElseThrow()).satisfies(facility -> {
                assertThat(facility.type()).isEqualTo(FacilityType.CLINIC_WITHOUT_BEDS);
                assertThat(facility.feeAddOnClaims()).isEmpty();
            });
            assertThat(tablet.sync().importFile(withoutTypesAndClaims(office, tablet), true).delivered())
                    .as("the same master again: nothing new").isEqualTo(ImportOutcome.Delivered.NONE);

            Path today = office.sync().exportAssignments(folder.resolve("usb-today"), Optional.empty(), List.of());
            assertThat(tablet.sync().importFile(today, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(tablet.facilities().byId("demo-aobadai").orElseThrow().feeAddOnClaims()).isEmpty();
            assertThat(tablet.facilities().byId("office-clinic").orElseThrow().feeAddOnClaims()).hasSize(1);
        }
    }

    /**
     * The office's assignments as a release of format 2.0 writes them: the facilities without {@code type} and
     * {@code feeAddOnClaims}, signed with the office's key. (The reader takes such a file as it takes a 2.0 one: the
     * missing fields are null.)
     */
    private Path withoutTypesAndClaims(Workspace office, Workspace tablet) throws IOException {
        Path today = office.sync().exportAssignments(folder.resolve("usb-office-" + System.nanoTime()), Optional.empty(),
                List.of());
        return RewrittenBundles.rewrite(today, tablet.sync().identity(), folder.resolve("usb-older-office"),
                office.sync().identity(), "2.0", payload -> {
                    payload.remove("selfChecks");
                    payload.withArray("facilities").forEach(facility -> ((ObjectNode) facility).remove(List.of("type", "feeAddOnClaims")));
                });
    }

    @Test
    void anOutboxThatCannotBeWrittenChangesNothing() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Path notAFolder = Files.writeString(folder.resolve("usb-is-a-file"), "x");
            String before = StoreDump.of(tablet.databaseFile(), Set.of());
            // Nothing can be sealed to an office the tablet has not enrolled: refused before anything is written.
            assertThatThrownBy(() -> tablet.sync().exportFindings(folder.resolve("usb")))
                    .isInstanceOfSatisfying(jp.tachiiri.i18n.UserFacingException.class,
                            error -> assertThat(error.key()).isEqualTo("sync.error.noOfficeYet"));
            assertThat(folder.resolve("usb")).doesNotExist();
            assertThat(StoreDump.of(tablet.databaseFile(), Set.of())).isEqualTo(before);

            Enrolments.enrol(tablet, office);
            before = StoreDump.of(tablet.databaseFile(), Set.of());
            assertThatThrownBy(() -> tablet.sync().exportFindings(notAFolder))
                    .isInstanceOfSatisfying(jp.tachiiri.i18n.UserFacingException.class, error -> {
                        assertThat(error.key()).isEqualTo("bundle.error.write");
                        assertThat(error.localizedMessage(jp.tachiiri.model.Language.JA)).contains(notAFolder.toString());
                    });
            assertThat(StoreDump.of(tablet.databaseFile(), Set.of())).isEqualTo(before);
            assertThat(tablet.sync().status().waiting()).hasSize(2);
        }
    }

    /** Every field the product shows of an inspection reads the same on both sides, evidence bytes included. */
    private static void assertSameInspection(Workspace tablet, Workspace office, String id) throws Exception {
        List<RevisionInfo> revisions = tablet.inspections().revisions(id).stream()
                .filter(revision -> revision.status() == jp.tachiiri.model.InspectionStatus.FINALIZED).toList();
        assertThat(office.inspections().revisions(id)).isEqualTo(revisions);
        for (RevisionInfo revision : revisions) {
            int number = revision.revision();
            Inspection sent = tablet.inspections().find(id, number).orElseThrow();
            assertThat(office.inspections().find(id, number)).contains(sent);
            assertThat(office.inspections().findings(id, number)).isEqualTo(tablet.inspections().findings(id, number));
            assertThat(office.inspections().facilityAsFinalized(id, number)).isEqualTo(tablet.inspections().facilityAsFinalized(id, number));
            List<Evidence> evidence = tablet.evidence().list(id, number);
            assertThat(office.evidence().list(id, number)).isEqualTo(evidence);
            for (Evidence item : evidence) {
                assertThat(Files.readAllBytes(file(office.evidence(), item))).isEqualTo(Files.readAllBytes(file(tablet.evidence(), item)));
            }
        }
        int last = revisions.get(revisions.size() - 1).revision();
        List<jp.tachiiri.model.AuditEvent> trail = tablet.chainVerifier().trail(id).events();
        long sentEvents = trail.stream().filter(event -> event.action().equals("REVISION_FINALIZED")
                && event.subject().equals("revision " + last)).findFirst().orElseThrow().sequence();
        assertThat(office.chainVerifier().trail(id).events()).isEqualTo(trail.subList(0, (int) sentEvents));
        assertThat(office.chainVerifier().trail(id).broken()).isEmpty();
    }

    private static Path file(EvidenceService repository, Evidence evidence) {
        return repository.file(evidence);
    }
}
