package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.SealedEnvelope;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.Role;
import jp.tachiiri.testsupport.Commands;
import jp.tachiiri.testsupport.Commands.Run;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sealed bundle gives away, tried on real files: a findings bundle a real tablet wrote and an assignments
 * bundle a real office wrote, searched byte by byte for every hospital name, note and attachment byte they carry;
 * each imported where it is addressed and refused elsewhere, naming the recipient, with the store unchanged.
 */
class BundleConfidentialityTest {

    private static final String NOTE = "非常用電源の切替手順は金庫の中の手順書を参照";

    @TempDir
    Path folder;

    @Test
    void aFindingsBundleHoldsNothingReadableAndOpensOnlyAtItsOffice() throws Exception {
        try (Workspace tablet = SyncFixture.demoTablet(folder.resolve("tablet"));
             Workspace office = SyncFixture.office(folder.resolve("office"));
             Workspace otherOffice = SyncFixture.office(folder.resolve("other-office"))) {
            Enrolments.enrol(tablet, office);
            String id = SyncFixture.finalizedIds(tablet).get(0);
            Path photo = SyncFixture.photo(folder, "photo.png", 4_000);
            SyncFixture.amendAndFinalize(tablet, id, NOTE, photo);
            Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            byte[] file = Files.readAllBytes(bundle);

            List<String> secrets = new ArrayList<>(List.of(NOTE));
            try (BundleReader reader = BundleReader.open(bundle, office.sync().identity())) {
                for (BundleRecords.Inspection inspection : reader.payload(BundleRecords.FindingsPayload.class).inspections()) {
                    for (BundleRecords.Revision revision : inspection.revisions()) {
                        secrets.add(revision.facility().name());
                        secrets.add(revision.facility().address());
                        revision.findings().stream().map(BundleRecords.Finding::note).filter(note -> note.length() >= 4)
                                .forEach(secrets::add);
                    }
                }
            }
            assertThat(secrets).as("what the bundle carries").contains("デモ 桜川記念病院").hasSizeGreaterThan(4);
            for (String secret : secrets) {
                assertThat(contains(file, secret.getBytes(StandardCharsets.UTF_8))).as("%s in the clear", secret).isFalse();
            }
            byte[] photoBytes = Files.readAllBytes(photo);
            assertThat(contains(file, Arrays.copyOfRange(photoBytes, 1000, 1032))).as("the photo's bytes").isFalse();
            assertThat(contains(file, java.util.Base64.getEncoder().encode(Arrays.copyOfRange(photoBytes, 999, 1047))))
                    .as("the photo's bytes in base64").isFalse();

            // What an outsider reads: the envelope, and nothing of the content.
            SealedEnvelope envelope = BundleReader.envelope(bundle).orElseThrow();
            assertThat(envelope.senderId()).isEqualTo(tablet.sync().identity().deviceId());
            assertThat(envelope.senderFingerprint()).isEqualTo(tablet.sync().identity().fingerprint());
            assertThat(envelope.recipientFingerprints()).containsExactly(office.sync().identity().fingerprint());

            String before = StoreDump.withFiles(otherOffice);
            ImportOutcome elsewhere = otherOffice.sync().importFile(bundle, true);
            assertThat(elsewhere.result()).isEqualTo(ImportOutcome.Result.REJECTED);
            assertThat(elsewhere.problem().orElseThrow().key()).isEqualTo("bundle.error.notForUs");
            for (Language language : Language.values()) {
                assertThat(elsewhere.problem().orElseThrow().localizedMessage(language))
                        .contains(bundle.getFileName().toString(), office.sync().identity().fingerprint(),
                                otherOffice.sync().identity().fingerprint());
            }
            assertThat(StoreDump.withFiles(otherOffice)).as("the other office's store").isEqualTo(before);

            ImportOutcome here = office.sync().importFile(bundle, true);
            assertThat(here.result()).as(here.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(office.inspections().findings(id, 2).values()).anySatisfy(finding ->
                    assertThat(finding.note()).isEqualTo(NOTE));
        }
    }

    @Test
    void assignmentsAreSealedToTheTabletsNamedAndVerifyTellsOutsidersOnlyTheEnvelope() throws Exception {
        Path officeFolder = folder.resolve("office");
        Path outbox = folder.resolve("usb");
        Path bundle;
        String hanakosFingerprint;
        try (Workspace hanakos = tablet("hanako"); Workspace tarous = tablet("tarou");
             Workspace office = SyncFixture.office(officeFolder)) {
            Enrolments.enrol(office, hanakos);
            Enrolments.enrol(office, tarous);
            office.demo().seedOffice();
            String facility = office.facilities().all().get(0).id();
            office.sync().plan(facility, "hanako", "デモ 立入花子", LocalDate.parse("2027-01-20"));
            bundle = office.sync().exportAssignments(outbox, Optional.of("hanako"),
                    List.of(hanakos.sync().identity().deviceId()));
            hanakosFingerprint = hanakos.sync().identity().fingerprint();
            String facilityName = office.facilities().all().get(0).name();
            assertThat(contains(Files.readAllBytes(bundle), facilityName.getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(contains(Files.readAllBytes(bundle), "デモ 立入花子".getBytes(StandardCharsets.UTF_8))).isFalse();

            String before = StoreDump.withFiles(tarous);
            ImportOutcome notTarous = tarous.sync().importFile(bundle, true);
            assertThat(notTarous.problem().orElseThrow().key()).isEqualTo("bundle.error.notForUs");
            assertThat(StoreDump.withFiles(tarous)).isEqualTo(before);
            ImportOutcome hanakosOwn = hanakos.sync().importFile(bundle, true);
            assertThat(hanakosOwn.result()).as(hanakosOwn.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(hanakos.sync().plans()).singleElement().extracting(plan -> plan.inspectorId()).isEqualTo("hanako");
        }

        Run outsider = Commands.run("verify", "--data", folder.resolve("nobody").toString(), bundle.toString());
        assertThat(outsider.exitCode()).isEqualTo(4);
        assertThat(outsider.out()).contains(hanakosFingerprint).doesNotContain("デモ 立入花子");
        assertThat(folder.resolve("nobody")).as("verifying makes no data folder").doesNotExist();
        Run atTheOffice = Commands.run("verify", "--data", officeFolder.toString(), bundle.toString());
        assertThat(atTheOffice.exitCode()).as("the writer is no recipient").isEqualTo(4);
        Run atHanakos = Commands.run("verify", "--data", folder.resolve("hanako").toString(), bundle.toString());
        assertThat(atHanakos.exitCode()).as(atHanakos.err()).isZero();
        assertThat(atHanakos.out()).contains("事務所の第");
    }

    private Workspace tablet(String name) {
        Workspace tablet = Workspace.open(folder.resolve(name), java.time.Clock.systemUTC());
        tablet.settings().setRole(Role.INSPECTOR);
        return tablet;
    }

    /** Whether {@code needle} occurs in {@code haystack}, byte for byte (ISO-8859-1 maps each byte to one char). */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
