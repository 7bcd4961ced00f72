package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.RewrittenBundles;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.Role;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.SelfCheckFixture;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hospital's and vendors' forms on their way through real data folders and real bundle files: from the tablet
 * to the office whole (format 2.2), again without change, next to copies of an older format, refused when they
 * break the forms' rules, and on to next year's tablet as last year's form.
 */
class SelfCheckSyncTest {


    @TempDir
    Path folder;

    @Test
    void bothFormsArriveAtTheOfficeAsRecordedAndNeitherTheSameFileNorANewOneChangesThem() throws Exception {
        try (Workspace tablet = tablet("tablet"); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            String id = SelfCheckFixture.inspectedWithForms(tablet);
            Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            assertThat(revisionsIn(bundle, office)).allSatisfy(revision -> assertThat(revision.carriesForms()).isTrue());

            ImportOutcome imported = office.sync().importFile(bundle, true);

            assertThat(imported.result()).as(imported.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            for (int revision : List.of(1, 2)) {
                SelfCheck sent = tablet.selfCheck().selfCheck(id, revision);
                assertThat(sent.hospitalForm()).hasSize(4);
                assertThat(sent.vendorForms()).hasSize(2);
                assertThat(office.selfCheck().selfCheck(id, revision)).as("revision %d at the office", revision).isEqualTo(sent);
            }
            assertThat(office.selfCheck().selfCheck(id, 2).entry("2-⑩").confirmation()).contains(Confirmation.DIFFERS);
            assertThat(office.chainVerifier().verifyAll().ok()).isTrue();

            String stored = StoreDump.of(office.databaseFile(), Set.of());
            assertThat(office.sync().importFile(bundle, false).result()).isEqualTo(ImportOutcome.Result.ALREADY_IMPORTED);
            assertThat(StoreDump.of(office.databaseFile(), Set.of())).as("the same file again").isEqualTo(stored);

            // No receipt yet: the tablet's next export carries the same inspection again, in a new file.
            ImportOutcome again = office.sync().importFile(tablet.sync().exportFindings(folder.resolve("usb2")).orElseThrow(), false);
            assertThat(again.counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 1, 0));
            assertThat(beyondTheFilesReceived(office)).as("only the new file's receipt is new")
                    .isEqualTo(beyondTheFilesReceived(stored));
        }
    }

    /** A form that differs in one confirmation is another version of the revision: kept beside it, not merged. */
    @Test
    void aRevisionWhoseFormsDifferIsAConflictNotAnOverwrite() throws Exception {
        try (Workspace tablet = tablet("tablet"); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            String id = SelfCheckFixture.inspectedWithForms(tablet);
            Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            office.sync().importFile(bundle, true);
            SelfCheck stored = office.selfCheck().selfCheck(id, 2);
            Path changed = RewrittenBundles.rewrite(bundle, office.sync().identity(), folder.resolve("changed"), tablet.sync().identity(), "2.2",
                    payload -> hospitalRow(payload, 2, "2-⑩").put("confirmation", "AGREES"));

            ImportOutcome outcome = office.sync().importFile(changed, false);

            assertThat(outcome.counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 0, 1));
            assertThat(office.selfCheck().selfCheck(id, 2)).isEqualTo(stored);
            assertThat(office.review().conflicts(id)).hasSize(1);
        }
    }

    /**
     * A copy of format 2.1, which carries no forms, of a revision the office has from a 2.2 bundle with its forms:
     * the same revision for all it says, so nothing changes and the forms stay.
     */
    @Test
    void anOlderFormatCopyOfAStoredRevisionIsNoConflictAndTheFormsStay() throws Exception {
        try (Workspace tablet = tablet("tablet"); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            String id = SelfCheckFixture.inspectedWithForms(tablet);
            Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            Path older = RewrittenBundles.rewrite(bundle, office.sync().identity(), folder.resolve("older"), tablet.sync().identity(), "2.1",
                    RewrittenBundles::withoutForms);
            assertThat(revisionsIn(older, office)).allSatisfy(revision -> assertThat(revision.carriesForms()).isFalse());
            office.sync().importFile(bundle, true);
            String before = beyondTheFilesReceived(office);

            ImportOutcome late = office.sync().importFile(older, false);

            assertThat(late.result()).as(late.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(late.counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 1, 0));
            assertThat(beyondTheFilesReceived(office)).isEqualTo(before);
            assertThat(office.selfCheck().selfCheck(id, 2)).isEqualTo(tablet.selfCheck().selfCheck(id, 2));
        }
    }

    /**
     * An older release's bundle still imports, its revisions without forms; the same revisions sent again by the
     * updated tablet, whose revisions finalized before the forms existed have none, change nothing. A copy that
     * says there were forms after all is kept beside the stored revision for the supervisor, not merged into it.
     */
    @Test
    void anOlderFormatBundleImportsWithoutFormsAndTheSameRevisionInTodaysFormatChangesNothing() throws Exception {
        try (Workspace tablet = tablet("tablet"); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.pair(office, tablet);
            String id = SelfCheckFixture.inspected(tablet);
            tablet.inspections().finalizeInspection(id, SyncFixture.ACTOR);
            Path today = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            Path older = RewrittenBundles.rewrite(today, office.sync().identity(), folder.resolve("older"), tablet.sync().identity(), "2.1",
                    RewrittenBundles::withoutForms);

            ImportOutcome first = office.sync().importFile(older, true);
            assertThat(first.result()).as(first.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(first.counts().added()).isEqualTo(1);
            assertThat(office.inspections().findings(id, 1)).isEqualTo(tablet.inspections().findings(id, 1));
            assertThat(office.selfCheck().selfCheck(id, 1)).isEqualTo(SelfCheck.EMPTY);

            String before = beyondTheFilesReceived(office);
            assertThat(office.sync().importFile(today, false).counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 1, 0));
            assertThat(beyondTheFilesReceived(office)).isEqualTo(before);

            Path withForms = RewrittenBundles.rewrite(today, office.sync().identity(), folder.resolve("forms"), tablet.sync().identity(), "2.2",
                    payload -> ((ObjectNode) payload.at("/inspections/0/revisions/0")).withArray("hospitalForm")
                            .add(BundleRecords.tree(new BundleRecords.HospitalFormRow("2-①", "YES", "2025-06-01", null,
                                    "AGREES", "", "2025-06-10T01:00:00Z"))));
            assertThat(office.sync().importFile(withForms, false).counts()).isEqualTo(new ImportOutcome.Counts(0, 0, 0, 1));
            assertThat(office.selfCheck().selfCheck(id, 1)).isEqualTo(SelfCheck.EMPTY);
        }
    }

    @Test
    void aDayCheckedInTheFutureIsRefusedNamingItAndNothingChanges() throws Exception {
        assertRefused(payload -> hospitalRow(payload, 0, "2-①").put("checkedOn", "2099-01-05"),
                "bundle.error.formCheckedInFuture", "2-①", "2099-01-05", "/hospitalForm/0/checkedOn");
    }

    @Test
    void aTargetDateBeforeTheDayCheckedIsRefusedNamingItAndNothingChanges() throws Exception {
        assertRefused(payload -> hospitalRow(payload, 2, "2-⑩").put("targetDate", "2025-05-01"),
                "bundle.error.formTargetBeforeCheck", "2-⑩", "2025-05-01", "2025-06-01", "/hospitalForm/2/targetDate");
    }

    @Test
    void aVendorFormOfAVendorWithoutAContractIsRefusedNamingItAndNothingChanges() throws Exception {
        assertRefused(payload -> ((ObjectNode) payload.at("/inspections/0/revisions/1/vendorForms/1"))
                        .put("vendor", "契約のない保守社"),
                "bundle.error.vendorWithoutContract", "契約のない保守社 / PACS", SelfCheckFixture.FACILITY_NAME, "/vendorForms/1");
    }

    /**
     * Last year's hospital form and the inspector's confirmations reach next year's tablet with the plan, and stand
     * beside the new inspection there.
     */
    @Test
    void lastYearsFormsReachTheTabletOfNextYearsInspection() throws Exception {
        try (Workspace tablet = tablet("tablet"); Workspace office = SyncFixture.office(folder.resolve("office"));
             Workspace nextYear = tablet("next-year")) {
            Enrolments.enrol(tablet, office);
            Enrolments.enrol(office, nextYear);
            String id = SelfCheckFixture.inspectedWithForms(tablet);
            office.sync().importFile(tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow(), true);
            office.sync().plan(SelfCheckFixture.facility().id(), "hanako", "デモ 立入花子", LocalDate.parse("2026-06-15"));
            Path assignments = office.sync().exportAssignments(folder.resolve("usb-back"), Optional.empty(), List.of());

            ImportOutcome arrived = nextYear.sync().importFile(assignments, true);

            assertThat(arrived.result()).as(arrived.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            PreviousFindings previous = nextYear.inspections().previousFindings(SelfCheckFixture.facility().id(), "none",
                    LocalDate.parse("2026-06-15")).orElseThrow();
            assertThat(previous.inspectionId()).isEqualTo(id);
            assertThat(previous.revision()).isEqualTo(2);
            assertThat(previous.hospitalForm()).isEqualTo(tablet.selfCheck().selfCheck(id, 2).hospitalForm())
                    .containsKeys("2-①", "2-⑦", "2-⑩", "3-①");
            assertThat(nextYear.selfCheck().selfCheck(id, 2).vendorForms())
                    .isEqualTo(tablet.selfCheck().selfCheck(id, 2).vendorForms());

            String before = beyondTheFilesReceived(nextYear);
            Path later = office.sync().exportAssignments(folder.resolve("usb-later"), Optional.empty(), List.of());
            assertThat(nextYear.sync().importFile(later, true).counts()).as("last year's inspection again")
                    .isEqualTo(new ImportOutcome.Counts(0, 0, 1, 0));
            assertThat(beyondTheFilesReceived(nextYear)).isEqualTo(before);
        }
    }

    // ---- what the tablet records ---------------------------------------------------------------------------

    private Workspace tablet(String name) {
        Workspace tablet = Workspace.open(folder.resolve(name), Clock.systemUTC());
        tablet.settings().setRole(Role.INSPECTOR);
        return tablet;
    }

    // ---- bundles -------------------------------------------------------------------------------------------

    private static List<BundleRecords.Revision> revisionsIn(Path bundle, Workspace office) {
        try (BundleReader reader = BundleReader.open(bundle, office.sync().identity())) {
            return reader.payload(BundleRecords.FindingsPayload.class).inspections().get(0).revisions();
        }
    }

    /** The row of revision 2 at {@code index} of the hospital's form, which must be the item {@code number}. */
    private static ObjectNode hospitalRow(ObjectNode payload, int index, String number) {
        ObjectNode row = (ObjectNode) payload.at("/inspections/0/revisions/1/hospitalForm/" + index);
        assertThat(row.get("ministryNumber").textValue()).isEqualTo(number);
        return row;
    }

    /**
     * The tablet's real bundle with one change, signed again by the tablet, imported at an office that has the
     * inspection from the unchanged bundle: refused with {@code key}, the message naming the file, the inspection,
     * its revision and {@code named} in both languages; the office's store exactly as it was.
     */
    private void assertRefused(Consumer<ObjectNode> change, String key, String... named) throws Exception {
        try (Workspace tablet = tablet("tablet"); Workspace office = SyncFixture.office(folder.resolve("office"))) {
            Enrolments.enrol(tablet, office);
            String id = SelfCheckFixture.inspectedWithForms(tablet);
            Path bundle = tablet.sync().exportFindings(folder.resolve("usb")).orElseThrow();
            assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
            Path bad = RewrittenBundles.rewrite(bundle, office.sync().identity(), folder.resolve("bad"), tablet.sync().identity(), "2.2", change);
            String before = StoreDump.withFiles(office);

            ImportOutcome outcome = office.sync().importFile(bad, false);

            assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.REJECTED);
            UserFacingException problem = outcome.problem().orElseThrow();
            assertThat(problem.key()).isEqualTo(key);
            for (Language language : Language.values()) {
                assertThat(problem.localizedMessage(language)).as("in %s", language)
                        .contains(bad.getFileName().toString(), id, "/payload/inspections/0/revisions/1")
                        .contains(named);
            }
            assertThat(problem.localizedMessage(Language.JA)).contains("第2版");
            assertThat(problem.localizedMessage(Language.EN)).contains("revision 2");
            assertThat(StoreDump.withFiles(office)).as("the office's store after the refusal").isEqualTo(before);
        }
    }

    /**
     * Every row of the store but the record of the files received (and, at a tablet, of the office's bundles
     * applied): what an import that brings nothing new leaves as it was.
     */
    private static String beyondTheFilesReceived(Workspace store) {
        return beyondTheFilesReceived(StoreDump.of(store.databaseFile(), Set.of()));
    }

    /** Without the bookkeeping of which bundle was received and applied last, for all and for each follow-up. */
    private static String beyondTheFilesReceived(String dump) {
        return dump.replaceAll("(?s)## (received_bundles|applied_assignments|previous_follow_up_sources) \\(\\d+\\)\\n.*?(?=## )",
                "");
    }
}
