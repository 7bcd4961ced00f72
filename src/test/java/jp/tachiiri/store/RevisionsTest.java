package jp.tachiiri.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.PreviousFindings;
import jp.tachiiri.model.RevisionInfo;
import jp.tachiiri.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revisions of inspections: finding one, listing them, amending a finalized one, and previous findings. */
class RevisionsTest extends StoreFixture {

    private static final Instant STARTED = Instant.parse("2025-06-02T01:30:00Z");
    private static final Instant FINALIZED = Instant.parse("2025-06-02T06:00:00Z");
    private static final Instant AMENDED = Instant.parse("2025-06-09T00:15:30.250Z");
    private static final LocalDate DATE = LocalDate.of(2025, 6, 2);
    private static final String ACTOR = "検査 太郎";
    private static final String REASON = "項目の回答に誤記があったため訂正";

    private final SettableClock clock = new SettableClock(STARTED);
    private SqliteInspections inspections;

    RevisionsTest() {
        super(Answer.COMPLIANT, Answer.NON_COMPLIANT);
    }

    @BeforeEach
    void openInspections() {
        inspections = new SqliteInspections(database, clock);
    }

    // ---- find(id, revision) and revisions() -----------------------------------------------------------------

    @Test
    void findWithARevisionReturnsThatRevisionAndWithoutOneTheLatest() {
        startRecordAndFinalize("i-1", "f-sakura", DATE);
        clock.set(AMENDED);
        inspections.amend("i-1", REASON, ACTOR);

        Inspection first = inspections.find("i-1", 1).orElseThrow();
        Inspection second = inspections.find("i-1", 2).orElseThrow();

        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(InspectionStatus.FINALIZED);
        assertThat(first.amendReason()).isEmpty();
        assertThat(first.inspectors()).containsExactly("検査 太郎", "監視 花子");
        assertThat(first.attendees()).containsExactly(new Attendee("情報 一郎", "システム管理者"), new Attendee("事務 次郎", "事務長"));
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(second.amendReason()).contains(REASON);
        assertThat(inspections.find("i-1")).contains(second);
        assertThat(inspections.find("i-1", 3)).isEmpty();
        assertThat(inspections.find("i-1", 0)).isEmpty();
        assertThat(inspections.find("no-such", 1)).isEmpty();
    }

    @Test
    void revisionsListsEveryRevisionWithStatusReasonAndTimestamps() {
        startRecordAndFinalize("i-1", "f-sakura", DATE);
        assertThat(inspections.revisions("i-1")).containsExactly(
                new RevisionInfo(1, InspectionStatus.FINALIZED, DATE, Optional.empty(), STARTED, Optional.of(FINALIZED)));

        clock.set(AMENDED);
        inspections.amend("i-1", REASON, "監視 花子");

        assertThat(inspections.revisions("i-1")).containsExactly(
                new RevisionInfo(1, InspectionStatus.FINALIZED, DATE, Optional.empty(), STARTED, Optional.of(FINALIZED)),
                new RevisionInfo(2, InspectionStatus.IN_PROGRESS, DATE, Optional.of(REASON), AMENDED, Optional.empty()));

        Instant secondFinalized = AMENDED.plusSeconds(600);
        clock.set(secondFinalized);
        inspections.finalizeRevision("i-1", 2, ACTOR);
        assertThat(inspections.revisions("i-1")).extracting(RevisionInfo::status)
                .containsExactly(InspectionStatus.FINALIZED, InspectionStatus.FINALIZED);
        assertThat(inspections.revisions("i-1").get(1).finalizedAt()).contains(secondFinalized);
        assertThat(inspections.revisions("i-1").get(0).finalizedAt()).contains(FINALIZED);
        assertThat(inspections.revisions("no-such")).isEmpty();
    }

    // ---- amend: refusals ------------------------------------------------------------------------------------

    @Test
    void amendRefusesAnInspectionThatIsStillInProgress() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        inspections.recordFinding("i-1", 1, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR);
        List<AuditEvent> eventsBefore = events("i-1");

        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> inspections.amend("i-1", REASON, ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("inspection.error.notFinalized");
        assertThat(error.arguments()).containsExactly("i-1", 1);
        assertThat(inspections.revisions("i-1")).hasSize(1);
        assertThat(inspections.find("i-1").orElseThrow().revision()).isEqualTo(1);
        assertThat(events("i-1")).isEqualTo(eventsBefore);

        // A revision opened by amending is in progress too: no amendment of the amendment until it is finalized.
        inspections.finalizeRevision("i-1", 1, ACTOR);
        inspections.amend("i-1", REASON, ACTOR);
        UserFacingException again = catchThrowableOfType(UserFacingException.class,
                () -> inspections.amend("i-1", "もう一度", ACTOR));
        assertThat(again).isNotNull();
        assertThat(again.key()).isEqualTo("inspection.error.notFinalized");
        assertThat(again.arguments()).containsExactly("i-1", 2);
        assertThat(inspections.revisions("i-1")).hasSize(2);

        UserFacingException unknown = catchThrowableOfType(UserFacingException.class,
                () -> inspections.amend("no-such", REASON, ACTOR));
        assertThat(unknown).isNotNull();
        assertThat(unknown.key()).isEqualTo("inspection.error.notFound");
    }

    @Test
    void amendRefusesABlankReason() {
        startRecordAndFinalize("i-1", "f-sakura", DATE);
        List<AuditEvent> eventsBefore = events("i-1");

        for (String blank : new String[] {"", "   ", "\n\t", null}) {
            UserFacingException error = catchThrowableOfType(UserFacingException.class,
                    () -> inspections.amend("i-1", blank, ACTOR));
            assertThat(error).as("reason %s", blank).isNotNull();
            assertThat(error.key()).isEqualTo("inspection.error.amendReasonRequired");
            assertThat(error.arguments()).containsExactly("i-1");
        }

        assertThat(inspections.revisions("i-1")).hasSize(1);
        assertThat(inspections.find("i-1").orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);
        assertThat(events("i-1")).isEqualTo(eventsBefore);
    }

    // ---- amend: what it does ----------------------------------------------------------------------------------

    @Test
    void amendCopiesHeaderAndFindingsIntoRevisionTwoAndLeavesRevisionOneAsItWas() {
        startRecordAndFinalize("i-1", "f-sakura", DATE);
        Inspection firstBefore = inspections.find("i-1", 1).orElseThrow();
        Map<String, Finding> findingsBefore = inspections.findings("i-1", 1);
        assertThat(findingsBefore).hasSize(2);
        List<AuditEvent> eventsBefore = events("i-1");
        clock.set(AMENDED);

        Inspection amended = inspections.amend("i-1", REASON, "監視 花子");

        assertThat(amended.id()).isEqualTo("i-1");
        assertThat(amended.revision()).isEqualTo(2);
        assertThat(amended.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(amended.amendReason()).contains(REASON);
        assertThat(amended.facilityId()).isEqualTo(firstBefore.facilityId());
        assertThat(amended.catalogVersion()).isEqualTo(firstBefore.catalogVersion());
        assertThat(amended.date()).isEqualTo(firstBefore.date());
        assertThat(amended.inspectors()).isEqualTo(firstBefore.inspectors());
        assertThat(amended.attendees()).isEqualTo(firstBefore.attendees());
        assertThat(amended.demo()).isEqualTo(firstBefore.demo());
        assertThat(inspections.find("i-1", 2)).contains(amended);
        assertThat(inspections.findings("i-1", 2)).isEqualTo(findingsBefore);

        // Revision 1 is untouched and still finalized.
        assertThat(inspections.find("i-1", 1)).contains(firstBefore);
        assertThat(inspections.findings("i-1", 1)).isEqualTo(findingsBefore);

        // The list shows the new revision, with the copied answers.
        InspectionSummary summary = inspections.list().get(0);
        assertThat(summary.revision()).isEqualTo(2);
        assertThat(summary.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(summary.answered()).isEqualTo(2);

        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(eventsBefore.size() + 1);
        assertThat(events.subList(0, eventsBefore.size())).isEqualTo(eventsBefore);
        AuditEvent event = events.get(events.size() - 1);
        assertThat(event.action()).isEqualTo(SqliteInspections.AMENDED).isEqualTo("REVISION_AMENDED");
        assertThat(event.reason()).isEqualTo(REASON);
        assertThat(event.subject()).isEqualTo("revision 2");
        assertThat(event.oldValue()).isEqualTo("1");
        assertThat(event.newValue()).isEqualTo("2");
        assertThat(event.actor()).isEqualTo("監視 花子");
        assertThat(event.at()).isEqualTo(AMENDED);
        assertChainVerifies();
    }

    @Test
    void afterAmendingRevisionTwoTakesFindingsAndRevisionOneStaysReadableAndUnchanged() {
        startRecordAndFinalize("i-1", "f-sakura", DATE);
        Map<String, Finding> firstFindings = inspections.findings("i-1", 1);
        clock.set(AMENDED);
        inspections.amend("i-1", REASON, ACTOR);

        Finding corrected = firstFindings.get(item.id()).withAnswer(Answer.COMPLIANT).withAdvice("");
        assertThat(inspections.recordFinding("i-1", 2, corrected, ACTOR)).isEqualTo(2);

        assertThat(inspections.findings("i-1", 2).get(item.id())).isEqualTo(corrected);
        assertThat(inspections.findings("i-1", 2).get(otherItem.id())).isEqualTo(firstFindings.get(otherItem.id()));
        assertThat(inspections.findings("i-1", 1)).isEqualTo(firstFindings);
        assertThat(inspections.find("i-1", 1).orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);

        // Revision 1 stays locked.
        UserFacingException locked = catchThrowableOfType(UserFacingException.class,
                () -> inspections.recordFinding("i-1", 1, corrected.withNote("古い版へ"), ACTOR));
        assertThat(locked).isNotNull();
        assertThat(locked.key()).isEqualTo("inspection.error.locked");
        assertThat(locked.arguments()).containsExactly("i-1", 1);
        assertThat(inspections.findings("i-1", 1)).isEqualTo(firstFindings);

        // The service records into the latest revision.
        InspectionService service = new InspectionService(inspections, CATALOGS, () -> "test-device");
        assertThat(service.record("i-1", Finding.empty(otherItem.id()).withAnswer(Answer.COMPLIANT), ACTOR)).isPositive();
        assertThat(inspections.findings("i-1", 2).get(otherItem.id()).answer()).contains(Answer.COMPLIANT);
        assertThat(inspections.findings("i-1", 1).get(otherItem.id()).answer()).contains(Answer.NON_COMPLIANT);

        // Finalizing the amendment allows a third revision, copied from the second.
        service.finalizeInspection("i-1", ACTOR);
        Inspection third = inspections.amend("i-1", "再訂正", ACTOR);
        assertThat(third.revision()).isEqualTo(3);
        assertThat(inspections.findings("i-1", 3)).isEqualTo(inspections.findings("i-1", 2));
        assertThat(inspections.findings("i-1", 1)).isEqualTo(firstFindings);
        assertChainVerifies();

        // All of it survives closing.
        database.close();
        database = Database.open(file);
        inspections = new SqliteInspections(database, clock);
        assertThat(inspections.revisions("i-1")).extracting(RevisionInfo::revision).containsExactly(1, 2, 3);
        assertThat(inspections.findings("i-1", 1)).isEqualTo(firstFindings);
        assertThat(inspections.findings("i-1", 2).get(item.id())).isEqualTo(corrected);
    }

    // ---- previousFindings -----------------------------------------------------------------------------------

    @Test
    void previousFindingsAreTheLatestFinalizedRevisionOfTheMostRecentEarlierInspection() {
        LocalDate today = LocalDate.of(2025, 6, 2);
        // Two years ago, finalized.
        startRecordAndFinalize("i-2023", "f-sakura", LocalDate.of(2023, 6, 1));
        // Last year, finalized, then amended and the amendment finalized: revision 2 counts.
        startRecordAndFinalize("i-2024", "f-sakura", LocalDate.of(2024, 6, 3));
        inspections.amend("i-2024", REASON, ACTOR);
        Finding amendedAnswer = Finding.empty(item.id()).withAnswer(Answer.COMPLIANT).withNote("訂正後");
        inspections.recordFinding("i-2024", 2, amendedAnswer, ACTOR);
        inspections.finalizeRevision("i-2024", 2, ACTOR);
        // More recent but never finalized: ignored.
        inspections.start("i-open", request("f-sakura", LocalDate.of(2025, 3, 1)), catalog.version(), ACTOR);
        inspections.recordFinding("i-open", 1, Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT).withNote("未確定"), ACTOR);
        // Another facility, more recent and finalized: ignored.
        startRecordAndFinalize("i-aoba", "f-aoba", LocalDate.of(2025, 5, 1));
        // The same facility, finalized but dated later: ignored.
        startRecordAndFinalize("i-later", "f-sakura", LocalDate.of(2025, 7, 1));
        // Today's inspection itself.
        inspections.start("i-today", request("f-sakura", today), catalog.version(), ACTOR);

        PreviousFindings previous = inspections.previousFindings("f-sakura", "i-today", today).orElseThrow();

        assertThat(previous.inspectionId()).isEqualTo("i-2024");
        assertThat(previous.revision()).isEqualTo(2);
        assertThat(previous.date()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(previous.findings()).isEqualTo(inspections.findings("i-2024", 2));
        assertThat(previous.findings().get(item.id())).isEqualTo(amendedAnswer);
        assertThat(previous.findings()).isNotEqualTo(inspections.findings("i-2024", 1));

        // Only inspections dated strictly before count.
        assertThat(inspections.previousFindings("f-sakura", "i-today", LocalDate.of(2024, 6, 3)).orElseThrow().inspectionId())
                .isEqualTo("i-2023");
        assertThat(inspections.previousFindings("f-sakura", "i-today", LocalDate.of(2023, 6, 1))).isEmpty();
        // The excluded inspection never counts, even when it would be the most recent.
        assertThat(inspections.previousFindings("f-sakura", "i-later", LocalDate.of(2025, 8, 1)).orElseThrow().inspectionId())
                .isEqualTo("i-2024");
        assertThat(inspections.previousFindings("f-sakura", "i-today", LocalDate.of(2025, 8, 1)).orElseThrow().inspectionId())
                .isEqualTo("i-later");
        assertThat(inspections.previousFindings("f-sakura", "i-2024", today).orElseThrow().inspectionId()).isEqualTo("i-2023");
        // The other facility sees only its own.
        PreviousFindings aoba = inspections.previousFindings("f-aoba", "i-today", today).orElseThrow();
        assertThat(aoba.inspectionId()).isEqualTo("i-aoba");
        assertThat(aoba.findings()).isEqualTo(inspections.findings("i-aoba", 1));
        assertThat(inspections.previousFindings("no-such-facility", "i-today", today)).isEmpty();
    }

    @Test
    void whileAnAmendmentIsInProgressTheFinalizedRevisionBeforeItCounts() {
        startRecordAndFinalize("i-2024", "f-sakura", LocalDate.of(2024, 6, 3));
        Map<String, Finding> finalized = inspections.findings("i-2024", 1);
        inspections.amend("i-2024", REASON, ACTOR);
        inspections.recordFinding("i-2024", 2, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT).withNote("訂正中"), ACTOR);

        PreviousFindings previous = inspections.previousFindings("f-sakura", "i-today", DATE).orElseThrow();

        assertThat(previous.inspectionId()).isEqualTo("i-2024");
        assertThat(previous.revision()).isEqualTo(1);
        assertThat(previous.findings()).isEqualTo(finalized);
    }

    @Test
    void anInspectionInProgressIsNoPreviousInspection() {
        inspections.start("i-open", request("f-sakura", LocalDate.of(2024, 6, 3)), catalog.version(), ACTOR);
        inspections.recordFinding("i-open", 1, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR);

        assertThat(inspections.previousFindings("f-sakura", "i-today", DATE)).isEmpty();

        inspections.finalizeRevision("i-open", 1, ACTOR);
        assertThat(inspections.previousFindings("f-sakura", "i-today", DATE)).isPresent();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * Starts an inspection at {@link #STARTED}, records two findings and finalizes it at {@link #FINALIZED};
     * the clock is left at {@link #FINALIZED}.
     */
    private void startRecordAndFinalize(String id, String facilityId, LocalDate date) {
        clock.set(STARTED);
        inspections.start(id, request(facilityId, date), catalog.version(), ACTOR);
        inspections.recordFinding(id, 1, Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT)
                .withConfirmedBy(EnumSet.of(ConfirmationMethod.DOCUMENT, ConfirmationMethod.INTERVIEW))
                .withNote("台帳が未整備（" + id + "）").withAdvice("台帳を整備してください。")
                .withTargetDate(date.plusMonths(6)), ACTOR);
        inspections.recordFinding(id, 1, Finding.empty(otherItem.id()).withAnswer(Answer.NON_COMPLIANT), ACTOR);
        clock.set(FINALIZED);
        inspections.finalizeRevision(id, 1, ACTOR);
    }

    private static NewInspection request(String facilityId, LocalDate date) {
        return new NewInspection(facilityId, date, List.of("検査 太郎", "監視 花子"),
                List.of(new Attendee("情報 一郎", "システム管理者"), new Attendee("事務 次郎", "事務長")), false);
    }
}
