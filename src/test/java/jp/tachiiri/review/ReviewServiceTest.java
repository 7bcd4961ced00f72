package jp.tachiiri.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office's review over a real office store that imported the demo tablet's findings. */
class ReviewServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path folder;

    private Workspace office;
    private String sakuragawa;
    private String aobadai;

    @BeforeEach
    void officeWithTheDemoFindings() {
        office = Offices.withDemoFindings(folder, CLOCK);
        sakuragawa = row("桜川").inspectionId();
        aobadai = row("青葉台").inspectionId();
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void theListShowsEveryReceivedInspectionWithWhatItLacks() {
        assertThat(office.review().rows()).hasSize(2).allSatisfy(row -> assertThat(row.status()).isEqualTo(ReviewStatus.RECEIVED));
        ReviewRow row = row("桜川");
        assertThat(row.licensedBeds()).isEqualTo(250);
        assertThat(row.inspectors()).isEqualTo("デモ 立入花子、デモ 検査太郎");
        // The demo answered four items 不適合; vulnerability.vpn-firmware and recovery.drills are 参考, never the
        // ministry's 不適合.
        assertThat(row.nonCompliantItems()).containsExactly("backup.offline-copy", "vulnerability.two-factor-auth");
        assertThat(row.band()).isEqualTo(BedBand.FROM_200_TO_399);
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(filtered(new ReviewFilter(Optional.of(new FiscalYear(2026)), Optional.empty(), Optional.empty(), Optional.empty(), "", "")))
                .containsExactly(sakuragawa);
        assertThat(filtered(new ReviewFilter(Optional.of(new FiscalYear(2025)), Optional.empty(), Optional.empty(), Optional.empty(), "", "")))
                .containsExactly(aobadai);
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(BedBand.FROM_400), "", "")))
                .containsExactly(aobadai);
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.empty(), Optional.of(Checkpoint.VULNERABILITY),
                Optional.empty(), "", ""))).contains(sakuragawa);
        // 桜川's only 不適合 under recovery is a 参考 item (recovery.drills): no 不適合 of the ministry there.
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.empty(), Optional.of(Checkpoint.RECOVERY),
                Optional.empty(), "", ""))).isEmpty();
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", "桜川")))
                .containsExactly(sakuragawa);
        // Full-width digits find the half-width code.
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", "９９１０００００２５")))
                .containsExactly(sakuragawa);
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.of(ReviewStatus.APPROVED), Optional.empty(),
                Optional.empty(), "", ""))).isEmpty();
    }

    /** The office's free text compares as the tablet's search does: katakana finds a reading stored in hiragana. */
    @Test
    void theFreeTextIgnoresKanaKindWidthCaseAndSpaces() {
        for (String typed : new String[] {"アオバ", "ｱｵﾊﾞ", "あおば", "ア オ バ", "アオバダイチュウオウ"}) {
            assertThat(filtered(text(typed))).as(typed).containsExactly(aobadai);
        }
        assertThat(filtered(text("サクラガワ"))).containsExactly(sakuragawa);
        assertThat(filtered(text(aobadai.toUpperCase(java.util.Locale.ROOT)))).as("the inspection id in capitals")
                .containsExactly(aobadai);
        assertThat(filtered(text("ミズホ"))).isEmpty();
        // The inspector's filter too: the name typed without its space.
        assertThat(filtered(new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "デモ立入花子", ""))).contains(sakuragawa);
    }

    private static ReviewFilter text(String typed) {
        return new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", typed);
    }

    @Test
    void decisionsAreCheckedStoredAndAudited() {
        office.review().startReview(sakuragawa, 1, "supervisor");
        office.review().startReview(sakuragawa, 1, "supervisor");
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.IN_REVIEW);

        assertThatThrownBy(() -> office.review().decide(new Decision(sakuragawa, 1, false, " ", Map.of()), "supervisor"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("review.error.commentRequired"));
        assertThatThrownBy(() -> office.review().decide(new Decision(sakuragawa, 1, false, "理由", Map.of("no.such-item", "x")),
                "supervisor")).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.key()).isEqualTo("inspection.error.unknownItem"));
        assertThatThrownBy(() -> office.review().decide(new Decision(sakuragawa, 2, true, "", Map.of()), "supervisor"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("review.error.noRevision"));

        office.review().decide(new Decision(sakuragawa, 1, false, "目標日を具体的に",
                Map.of("vulnerability.device-ledger", "更新日の記入を")), "supervisor");
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.RETURNED);
        office.review().decide(new Decision(sakuragawa, 1, true, "", Map.of()), "chief");
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.APPROVED);

        List<AuditEvent> trail = office.review().reviewTrail(sakuragawa);
        assertThat(trail).extracting(AuditEvent::action)
                .containsExactly("REVIEW_STARTED", "REVIEW_RETURNED", "REVIEW_ITEM_COMMENTED", "REVIEW_APPROVED");
        assertThat(trail.get(3).oldValue()).isEqualTo("RETURNED");
        assertThat(trail.get(3).actor()).isEqualTo("chief");
        String previous = AuditChain.GENESIS;
        for (AuditEvent event : trail) {
            assertThat(event.previousHash()).isEqualTo(previous);
            assertThat(event.hash()).isEqualTo(AuditChain.hashOf(event));
            previous = event.hash();
        }
        assertThat(office.chainVerifier().trail(sakuragawa).broken()).as("the tablet's own trail is untouched").isEmpty();
        assertThat(office.review().verifiedReviewTrail(sakuragawa).broken()).isEmpty();
        assertThat(office.review().verifiedReviewTrail(aobadai).events()).isEmpty();
        assertThat(office.review().verifiedReviewTrail(aobadai).broken()).isEmpty();
    }

    @Test
    void theOfficeCannotAmendWhatATabletRecorded() {
        assertThat(office.inspections().madeHere(sakuragawa)).isFalse();
        assertThatThrownBy(() -> office.inspections().amend(sakuragawa, "訂正", "supervisor"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("inspection.error.notOurs"));
    }

    @Test
    void aConflictIsComparedWithTheStoredVersionAndSettledByKeepingIt() throws Exception {
        // The tablet and a copy of it (restored from a backup) correct the same inspection differently.
        ForkedTablets.copyFolder(folder.resolve("tablet"), folder.resolve("restored"));
        Path first = amendAndExport(folder.resolve("tablet"), "こちらの訂正");
        Path second = amendAndExport(folder.resolve("restored"), "別の訂正");
        assertThat(office.sync().importFile(first, false).counts().updated()).isEqualTo(1);
        assertThat(office.sync().importFile(second, false).counts().conflicts()).isEqualTo(1);
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.CONFLICT);

        Conflict conflict = office.review().conflicts(sakuragawa).get(0);
        Conflict.RevisionComparison revision2 = conflict.revisions().stream().filter(r -> r.revision() == 2).findFirst().orElseThrow();
        assertThat(revision2.stored()).isTrue();
        assertThat(revision2.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("note");
            assertThat(change.before()).isEqualTo("こちらの訂正");
            assertThat(change.after()).isEqualTo("別の訂正");
        });
        assertThat(conflict.revisions().stream().filter(r -> r.revision() == 1).findFirst().orElseThrow().changes()).isEmpty();

        office.review().keepStored(sakuragawa, conflict.contentHash(), "supervisor");
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.RECEIVED);
        assertThat(office.review().conflicts(sakuragawa)).isEmpty();
        assertThat(office.review().reviewTrail(sakuragawa)).extracting(AuditEvent::action).containsExactly("CONFLICT_KEPT_STORED");
        assertThatThrownBy(() -> office.review().keepStored(sakuragawa, conflict.contentHash(), "supervisor"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("review.error.noConflict"));
    }

    @Test
    void aConflictIsSettledByTakingTheArrivingVersionAndTheReplacedOneIsKept() throws Exception {
        ForkedTablets.copyFolder(folder.resolve("tablet"), folder.resolve("restored"));
        Path first = amendAndExport(folder.resolve("tablet"), "こちらの訂正");
        byte[] photo = "写真の中身".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path second = amendAndExport(folder.resolve("restored"), "別の訂正", photo);
        office.sync().importFile(first, false);
        office.review().decide(new Decision(sakuragawa, 2, true, "", Map.of()), "supervisor");
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.APPROVED);
        List<AuditEvent> storedTrail = office.chainVerifier().trail(sakuragawa).events();
        assertThat(office.sync().importFile(second, false).counts().conflicts()).isEqualTo(1);
        Conflict conflict = office.review().conflicts(sakuragawa).get(0);
        assertThat(conflict.revisions().get(1).changes()).extracting(change -> change.field() + ": " + change.before() + " → " + change.after())
                .containsExactlyInAnyOrder("note: こちらの訂正 → 別の訂正",
                        "evidence: null → photo-0.png (" + jp.tachiiri.bundle.Sha256.hex(photo).substring(0, 8) + ")");

        office.sync().takeArriving(sakuragawa, conflict.contentHash(), "supervisor");

        // The office's copy is now what the restored tablet sent: its note, its photo, its trail, verified.
        assertThat(office.inspections().findings(sakuragawa, 2).get("vulnerability.device-ledger").note()).isEqualTo("別の訂正");
        assertThat(office.evidence().list(sakuragawa, 2)).singleElement().satisfies(evidence ->
                assertThat(java.nio.file.Files.readAllBytes(office.evidence().file(evidence))).isEqualTo(photo));
        try (Workspace restored = Workspace.open(folder.resolve("restored"), CLOCK)) {
            assertThat(office.chainVerifier().trail(sakuragawa).events()).isEqualTo(restored.chainVerifier().trail(sakuragawa).events());
        }
        assertThat(office.chainVerifier().trail(sakuragawa).broken()).isEmpty();
        // Revision 2 changed, so its approval no longer holds; the decision is in the review trail.
        assertThat(office.review().conflicts(sakuragawa)).isEmpty();
        assertThat(row("桜川").status()).isEqualTo(ReviewStatus.RECEIVED);
        assertThat(office.review().reviewTrail(sakuragawa)).extracting(AuditEvent::action)
                .containsExactly("REVIEW_APPROVED", "CONFLICT_TOOK_ARRIVING");
        assertThat(office.review().verifiedReviewTrail(sakuragawa).broken()).isEmpty();

        // The replaced version is kept whole, trail and all.
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + office.databaseFile());
             var query = connection.prepareStatement("SELECT content FROM conflicts WHERE resolution = 'DISPLACED'")) {
            var rows = query.executeQuery();
            assertThat(rows.next()).isTrue();
            var displaced = jp.tachiiri.bundle.BundleRecords.inspection(rows.getString(1));
            assertThat(displaced.revisions().get(1).findings()).anySatisfy(finding -> assertThat(finding.note()).isEqualTo("こちらの訂正"));
            assertThat(displaced.audit()).extracting(jp.tachiiri.bundle.BundleRecords.AuditEvent::hash)
                    .containsExactlyElementsOf(storedTrail.stream().map(AuditEvent::hash).toList());
        }
        // The chosen tablet goes on from there: its next revision is an ordinary update, not another conflict.
        Path third = amendAndExport(folder.resolve("restored"), "さらに訂正");
        ImportOutcome outcome = office.sync().importFile(third, false);
        assertThat(outcome.counts().updated()).isEqualTo(1);
        assertThat(outcome.counts().conflicts()).isZero();
        assertThat(office.inspections().findings(sakuragawa, 3).get("vulnerability.device-ledger").note()).isEqualTo("さらに訂正");
        assertThatThrownBy(() -> office.sync().takeArriving(sakuragawa, conflict.contentHash(), "supervisor"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("review.error.noConflict"));
    }

    private Path amendAndExport(Path tabletFolder, String note, byte[]... photos) throws java.io.IOException {
        return ForkedTablets.amendAndExport(tabletFolder, folder.resolve("usb-" + tabletFolder.getFileName()), CLOCK, note, photos);
    }

    private List<String> filtered(ReviewFilter filter) {
        return office.review().rows().stream().filter(office.review().matcher(filter)).map(ReviewRow::inspectionId).toList();
    }

    private ReviewRow row(String facility) {
        return office.review().rows().stream().filter(row -> row.facilityName().contains(facility)).findFirst().orElseThrow();
    }
}
