package jp.tachiiri.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteInspectionsTest extends StoreFixture {

    private static final Instant NOW = Instant.parse("2025-06-02T01:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate DATE = LocalDate.of(2025, 6, 2);
    private static final String ACTOR = "検査 太郎";
    private static final String NOTE = "電子カルテの端末台帳を確認。\n一部の端末（3台）が未記載。\r\n  次回までに追記予定。";

    private SqliteInspections inspections;

    SqliteInspectionsTest() {
        super(Answer.COMPLIANT, Answer.NON_COMPLIANT, Answer.NOT_APPLICABLE);
    }

    @BeforeEach
    void openInspections() {
        inspections = new SqliteInspections(database, CLOCK);
    }

    // ---- start ----------------------------------------------------------------------------------------------

    @Test
    void startCreatesRevisionOneInProgressWithInspectorsAndAttendeesInOrder() {
        NewInspection request = request("f-sakura", DATE);

        Inspection started = inspections.start("i-1", request, catalog.version(), ACTOR);

        assertThat(started.revision()).isEqualTo(1);
        assertThat(started.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        Inspection stored = inspections.find("i-1").orElseThrow();
        assertThat(stored).isEqualTo(started);
        assertThat(stored.id()).isEqualTo("i-1");
        assertThat(stored.facilityId()).isEqualTo("f-sakura");
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(stored.catalogVersion()).isEqualTo(catalog.version());
        assertThat(stored.date()).isEqualTo(DATE);
        assertThat(stored.amendReason()).isEmpty();
        assertThat(stored.demo()).isFalse();
        assertThat(stored.inspectors()).containsExactly("検査 太郎", "監視 花子", "Carol Smith");
        assertThat(stored.leadInspector()).isEqualTo("検査 太郎");
        assertThat(stored.attendees()).containsExactly(
                new Attendee("情報 一郎", "システム管理者"), new Attendee("事務 次郎", "事務長"), new Attendee("医師 三郎", "院長"));
        assertThat(inspections.findings("i-1", 1)).isEmpty();
        assertThat(inspections.find("no-such")).isEmpty();

        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(1);
        AuditEvent first = events.get(0);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.action()).isEqualTo(SqliteInspections.STARTED);
        assertThat(first.actor()).isEqualTo(ACTOR);
        assertThat(first.at()).isEqualTo(NOW);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.hash()).isEqualTo(AuditChain.hashOf(first));
        assertThat(first.newValue()).contains(DATE.toString()).contains(catalog.version()).contains("検査 太郎");
    }

    @Test
    void startOfADemoInspectionIsMarkedDemo() {
        NewInspection request = new NewInspection("f-sakura", DATE, List.of(ACTOR), List.of(), true);
        inspections.start("i-demo", request, catalog.version(), ACTOR);
        assertThat(inspections.find("i-demo").orElseThrow().demo()).isTrue();
        assertThat(inspections.list()).singleElement().satisfies(summary -> assertThat(summary.demo()).isTrue());
    }

    @Test
    void startingTheSameIdTwiceIsRefusedAndChangesNothing() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        StoreException error = catchThrowableOfType(StoreException.class,
                () -> inspections.start("i-1", request("f-aoba", DATE.plusDays(1)), catalog.version(), ACTOR));
        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("store.error.write");
        assertThat(inspections.find("i-1").orElseThrow().facilityId()).isEqualTo("f-sakura");
        assertThat(events("i-1")).hasSize(1);
    }

    // ---- recordFinding --------------------------------------------------------------------------------------

    @Test
    void recordFindingWritesOneAuditEventPerChangedField() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        assertThat(events("i-1")).hasSize(1);

        Finding finding = Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT)
                .withConfirmedBy(EnumSet.of(ConfirmationMethod.OBSERVATION, ConfirmationMethod.DOCUMENT))
                .withNote(NOTE);
        int changed = inspections.recordFinding("i-1", 1, finding, ACTOR);

        assertThat(changed).isEqualTo(3);
        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(1 + 3);
        List<AuditEvent> recorded = events.subList(1, 4);
        assertThat(recorded).extracting(AuditEvent::action).containsOnly(SqliteInspections.FINDING_CHANGED);
        assertThat(recorded).extracting(AuditEvent::subject)
                .containsExactly(item.id() + "/answer", item.id() + "/confirmedBy", item.id() + "/note");
        assertThat(recorded).extracting(AuditEvent::oldValue).containsExactly(null, "", "");
        assertThat(recorded).extracting(AuditEvent::newValue)
                .containsExactly("NON_COMPLIANT", "DOCUMENT,OBSERVATION", NOTE);
        assertThat(recorded).extracting(AuditEvent::sequence).containsExactly(2L, 3L, 4L);
        assertThat(recorded).extracting(AuditEvent::actor).containsOnly(ACTOR);
        assertThat(recorded).extracting(AuditEvent::at).containsOnly(NOW);
        assertThat(inspections.findings("i-1", 1)).containsExactly(Map.entry(item.id(), finding));

        // The same finding again changes nothing and records nothing.
        assertThat(inspections.recordFinding("i-1", 1, finding, ACTOR)).isZero();
        assertThat(events("i-1")).hasSize(4);

        // One field more: one event more, with the old and the new value.
        Finding advised = finding.withAdvice("台帳を更新してください。");
        assertThat(inspections.recordFinding("i-1", 1, advised, "監視 花子")).isEqualTo(1);
        List<AuditEvent> afterAdvice = events("i-1");
        assertThat(afterAdvice).hasSize(5);
        AuditEvent last = afterAdvice.get(4);
        assertThat(last.subject()).isEqualTo(item.id() + "/advice");
        assertThat(last.oldValue()).isEmpty();
        assertThat(last.newValue()).isEqualTo("台帳を更新してください。");
        assertThat(last.actor()).isEqualTo("監視 花子");

        // Changing two fields of it: two events.
        Finding changedTwice = advised.withAnswer(Answer.COMPLIANT).withNote("確認済み");
        assertThat(inspections.recordFinding("i-1", 1, changedTwice, ACTOR)).isEqualTo(2);
        List<AuditEvent> afterTwo = events("i-1");
        assertThat(afterTwo).hasSize(7);
        assertThat(afterTwo.get(5).subject()).isEqualTo(item.id() + "/answer");
        assertThat(afterTwo.get(5).oldValue()).isEqualTo("NON_COMPLIANT");
        assertThat(afterTwo.get(5).newValue()).isEqualTo("COMPLIANT");
        assertThat(afterTwo.get(6).subject()).isEqualTo(item.id() + "/note");
        assertThat(afterTwo.get(6).oldValue()).isEqualTo(NOTE);
        assertThat(afterTwo.get(6).newValue()).isEqualTo("確認済み");

        assertThat(new ChainVerifier(new SqliteAuditLog(database)).verifyAll().ok()).isTrue();
        assertThat(chainHead("i-1")).isEqualTo(7L);
    }

    @Test
    void everyFieldChangeIsItsOwnEvent() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        Finding full = fullFinding(item.id());

        assertThat(inspections.recordFinding("i-1", 1, full, ACTOR)).isEqualTo(8);

        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(9);
        assertThat(events.subList(1, 9)).extracting(AuditEvent::subject).containsExactly(
                item.id() + "/answer", item.id() + "/confirmedBy", item.id() + "/checkedOn", item.id() + "/note",
                item.id() + "/reason", item.id() + "/advice", item.id() + "/targetDate", item.id() + "/followUp");
        assertThat(events.subList(1, 9)).extracting(AuditEvent::newValue).containsExactly(
                "NON_COMPLIANT", "DOCUMENT,INTERVIEW,VENDOR_STATEMENT", "2025-06-02", NOTE, "代替策の説明",
                "医療情報システムの台帳を整備してください。\n担当者を決めてください。", "2025-12-26", "true");
    }

    @Test
    void fieldsRoundTrip() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        Finding full = fullFinding(item.id());
        Finding alternative = Finding.empty(otherItem.id()).withAnswer(Answer.ALTERNATIVE)
                .withConfirmedBy(Set.of(ConfirmationMethod.INTERVIEW))
                .withReason("閉域網のため、代替として\n持ち込み媒体を管理している")
                .withCheckedOn(LocalDate.of(2024, 2, 29));
        inspections.recordFinding("i-1", 1, full, ACTOR);
        inspections.recordFinding("i-1", 1, alternative, ACTOR);

        Map<String, Finding> stored = inspections.findings("i-1", 1);
        assertThat(stored).containsOnlyKeys(item.id(), otherItem.id());
        Finding back = stored.get(item.id());
        assertThat(back).isEqualTo(full);
        assertThat(back.answer()).contains(Answer.NON_COMPLIANT);
        assertThat(back.confirmedBy()).containsExactlyInAnyOrder(
                ConfirmationMethod.DOCUMENT, ConfirmationMethod.INTERVIEW, ConfirmationMethod.VENDOR_STATEMENT);
        assertThat(back.checkedOn()).contains(LocalDate.of(2025, 6, 2));
        assertThat(back.note()).isEqualTo(NOTE);
        assertThat(back.reason()).isEqualTo("代替策の説明");
        assertThat(back.advice()).isEqualTo("医療情報システムの台帳を整備してください。\n担当者を決めてください。");
        assertThat(back.targetDate()).contains(LocalDate.of(2025, 12, 26));
        assertThat(back.followUp()).isTrue();
        assertThat(stored.get(otherItem.id())).isEqualTo(alternative);

        // Survives closing too.
        database.close();
        database = Database.open(file);
        inspections = new SqliteInspections(database, CLOCK);
        assertThat(inspections.findings("i-1", 1)).containsEntry(item.id(), full).containsEntry(otherItem.id(), alternative);
    }

    @Test
    void clearingFieldsIsRecordedAndStoredAsEmpty() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        Finding full = fullFinding(item.id());
        inspections.recordFinding("i-1", 1, full, ACTOR);
        int before = events("i-1").size();

        Finding cleared = Finding.empty(item.id());
        assertThat(inspections.recordFinding("i-1", 1, cleared, ACTOR)).isEqualTo(8);

        assertThat(inspections.findings("i-1", 1).get(item.id())).isEqualTo(cleared);
        List<AuditEvent> events = events("i-1");
        assertThat(events).hasSize(before + 8);
        AuditEvent answerCleared = events.get(before);
        assertThat(answerCleared.subject()).isEqualTo(item.id() + "/answer");
        assertThat(answerCleared.oldValue()).isEqualTo("NON_COMPLIANT");
        assertThat(answerCleared.newValue()).isNull();
        assertThat(inspections.list()).singleElement().satisfies(summary -> assertThat(summary.answered()).isZero());
    }

    @Test
    void findingAndItsAuditEventsCommitTogetherOrNotAtAll() throws SQLException {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        Finding first = Finding.empty(item.id()).withAnswer(Answer.COMPLIANT);
        inspections.recordFinding("i-1", 1, first, ACTOR);
        List<AuditEvent> before = events("i-1");
        long headBefore = chainHead("i-1");

        // Make the findings write fail after the audit events were appended in the same transaction.
        try (Connection other = jdbc(); Statement statement = other.createStatement()) {
            statement.executeUpdate("""
                    CREATE TRIGGER test_refuse_finding BEFORE UPDATE ON findings
                    BEGIN SELECT RAISE(ABORT, 'refused by test'); END""");
        }
        Finding second = first.withAnswer(Answer.NON_COMPLIANT).withNote("変更");
        StoreException error = catchThrowableOfType(StoreException.class,
                () -> inspections.recordFinding("i-1", 1, second, ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("store.error.write");
        assertThat(events("i-1")).isEqualTo(before);
        assertThat(chainHead("i-1")).isEqualTo(headBefore);
        assertThat(inspections.findings("i-1", 1).get(item.id())).isEqualTo(first);
        assertThat(new ChainVerifier(new SqliteAuditLog(database)).verifyAll().ok()).isTrue();
    }

    @Test
    void recordFindingForAnUnknownInspectionIsRefused() {
        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> inspections.recordFinding("no-such", 1, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR));
        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("inspection.error.notFound");
    }

    // ---- finalizing locks -----------------------------------------------------------------------------------

    @Test
    void finalizedRevisionRefusesRecordFindingAndKeepsTheStoredFinding() {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        Finding finding = fullFinding(item.id());
        inspections.recordFinding("i-1", 1, finding, ACTOR);

        inspections.finalizeRevision("i-1", 1, ACTOR);

        assertThat(inspections.find("i-1").orElseThrow().status()).isEqualTo(InspectionStatus.FINALIZED);
        List<AuditEvent> afterFinalize = events("i-1");
        AuditEvent finalized = afterFinalize.get(afterFinalize.size() - 1);
        assertThat(finalized.action()).isEqualTo(AuditChain.REVISION_FINALIZED);
        assertThat(finalized.oldValue()).isEqualTo("IN_PROGRESS");
        assertThat(finalized.newValue()).isEqualTo("FINALIZED");

        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> inspections.recordFinding("i-1", 1, finding.withAnswer(Answer.COMPLIANT).withNote("後から"), ACTOR));
        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("inspection.error.locked");
        assertThat(error.localizedMessage(Language.EN)).contains("i-1").contains("revision 1");
        assertThat(inspections.findings("i-1", 1)).containsExactly(Map.entry(item.id(), finding));
        assertThat(events("i-1")).isEqualTo(afterFinalize);

        // A new item in the locked revision is refused as well.
        UserFacingException added = catchThrowableOfType(UserFacingException.class,
                () -> inspections.recordFinding("i-1", 1, Finding.empty(otherItem.id()).withAnswer(Answer.COMPLIANT), ACTOR));
        assertThat(added).isNotNull();
        assertThat(added.key()).isEqualTo("inspection.error.locked");
        assertThat(inspections.findings("i-1", 1)).containsOnlyKeys(item.id());

        // Finalizing twice is refused.
        UserFacingException again = catchThrowableOfType(UserFacingException.class,
                () -> inspections.finalizeRevision("i-1", 1, ACTOR));
        assertThat(again).isNotNull();
        assertThat(again.key()).isEqualTo("inspection.error.locked");
        assertThat(events("i-1")).isEqualTo(afterFinalize);
    }

    @Test
    void databaseTriggerRefusesDirectChangesOfAFinalizedFinding() throws SQLException {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        Finding finding = fullFinding(item.id());
        inspections.recordFinding("i-1", 1, finding, ACTOR);

        // While in progress, the trigger lets a direct update through (proves the connection can write).
        try (Connection other = jdbc(); Statement statement = other.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE findings SET note = note WHERE item_id = '" + item.id() + "'"))
                    .isEqualTo(1);
        }
        inspections.finalizeRevision("i-1", 1, ACTOR);

        try (Connection other = jdbc(); Statement statement = other.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE findings SET answer = 'COMPLIANT', note = '改ざん' WHERE inspection_id = 'i-1'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("revision is finalized");
            assertThatThrownBy(() -> statement.executeUpdate("""
                    INSERT INTO findings (inspection_id, revision, item_id, answer, updated_at)
                    VALUES ('i-1', 1, '%s', 'COMPLIANT', '2025-06-03T00:00:00Z')""".formatted(otherItem.id())))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("revision is finalized");
        }
        assertThat(inspections.findings("i-1", 1)).containsExactly(Map.entry(item.id(), finding));
    }

    @Test
    void databaseTriggersRefuseUpdateAndDeleteOfAuditEvents() throws SQLException {
        inspections.start("i-1", request("f-sakura", DATE), catalog.version(), ACTOR);
        inspections.recordFinding("i-1", 1, fullFinding(item.id()), ACTOR);
        List<AuditEvent> before = events("i-1");
        assertThat(before).hasSize(9);

        try (Connection other = jdbc(); Statement statement = other.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE audit_events SET new_value = 'COMPLIANT' WHERE inspection_id = 'i-1' AND sequence = 2"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate(
                    "DELETE FROM audit_events WHERE inspection_id = 'i-1' AND sequence = 9"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_events"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(events("i-1")).isEqualTo(before);
        assertThat(new ChainVerifier(new SqliteAuditLog(database)).verifyAll().ok()).isTrue();
    }

    // ---- list -----------------------------------------------------------------------------------------------

    @Test
    void listShowsLatestRevisionWithFacilityNameAndAnsweredCount() throws SQLException {
        inspections.start("i-old", request("f-sakura", LocalDate.of(2025, 5, 1)), catalog.version(), ACTOR);
        inspections.start("i-new", request("f-aoba", LocalDate.of(2025, 6, 10)), catalog.version(), ACTOR);
        inspections.recordFinding("i-old", 1, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR);
        inspections.recordFinding("i-old", 1, Finding.empty(otherItem.id()).withAnswer(Answer.NON_COMPLIANT), ACTOR);
        // A note without an answer is not an answered item.
        inspections.recordFinding("i-new", 1, Finding.empty(item.id()).withNote("未回答のメモ"), ACTOR);

        List<InspectionSummary> summaries = inspections.list();

        assertThat(summaries).extracting(InspectionSummary::id).containsExactly("i-new", "i-old");
        InspectionSummary newer = summaries.get(0);
        assertThat(newer.facilityId()).isEqualTo("f-aoba");
        assertThat(newer.facilityName()).isEqualTo("あおば病院");
        assertThat(newer.date()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(newer.answered()).isZero();
        assertThat(newer.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(newer.revision()).isEqualTo(1);
        assertThat(newer.catalogVersion()).isEqualTo(catalog.version());
        InspectionSummary older = summaries.get(1);
        assertThat(older.facilityName()).isEqualTo("さくら総合病院");
        assertThat(older.answered()).isEqualTo(2);

        // A second revision (no API makes one yet): the list shows it, with its own answers only.
        inspections.finalizeRevision("i-old", 1, ACTOR);
        try (Connection other = jdbc(); Statement statement = other.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO inspection_revisions (inspection_id, revision, catalog_version, inspection_date, status,
                                                      amend_reason, created_at)
                    VALUES ('i-old', 2, '%s', '2025-05-01', 'IN_PROGRESS', '誤記の訂正', '2025-06-03T00:00:00Z')"""
                    .formatted(catalog.version()));
            statement.executeUpdate("INSERT INTO revision_inspectors VALUES ('i-old', 2, 0, '" + ACTOR + "')");
        }
        inspections.recordFinding("i-old", 2, Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR);

        List<InspectionSummary> again = inspections.list();
        assertThat(again).hasSize(2);
        InspectionSummary revised = again.stream().filter(summary -> summary.id().equals("i-old")).findFirst().orElseThrow();
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(revised.answered()).isEqualTo(1);
        assertThat(revised.facilityName()).isEqualTo("さくら総合病院");
        Inspection latest = inspections.find("i-old").orElseThrow();
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.amendReason()).contains("誤記の訂正");
        assertThat(inspections.findings("i-old", 1)).hasSize(2);
    }

    @Test
    void listOrdersSameDateByKana() {
        inspections.start("i-s", request("f-sakura", DATE), catalog.version(), ACTOR);
        inspections.start("i-a", request("f-aoba", DATE), catalog.version(), ACTOR);
        assertThat(inspections.list()).extracting(InspectionSummary::facilityName).containsExactly("あおば病院", "さくら総合病院");
    }

    @Test
    void listIsEmptyWithoutInspections() {
        assertThat(inspections.list()).isEmpty();
    }

    // ---- InspectionService rules ----------------------------------------------------------------------------

    @Test
    void serviceRefusesAnAnswerTheItemDoesNotAllowAndStoresNothing() {
        InspectionService service = new InspectionService(inspections, CATALOGS, () -> "test-device");
        Inspection inspection = service.start(request("f-sakura", DATE), ACTOR);
        // Dated in FY2025: the FY2025 catalog, whose items are the same ids.
        assertThat(inspection.catalogVersion()).isEqualTo(CATALOGS.forFiscalYear(FiscalYear.of(DATE)).version())
                .isEqualTo("2025.1");
        assertThat(item.answers()).doesNotContain(Answer.YES);
        int eventsBefore = events(inspection.id()).size();

        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> service.record(inspection.id(), Finding.empty(item.id()).withAnswer(Answer.YES).withNote("x"), ACTOR));

        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("inspection.error.answerNotAllowed");
        assertThat(error.arguments()).containsExactly(Answer.YES, item.id());
        assertThat(inspections.findings(inspection.id(), 1)).isEmpty();
        assertThat(events(inspection.id())).hasSize(eventsBefore);

        // The gate question takes YES/NO only.
        String gate = catalog.gate().id();
        UserFacingException gateError = catchThrowableOfType(UserFacingException.class,
                () -> service.record(inspection.id(), Finding.empty(gate).withAnswer(Answer.COMPLIANT), ACTOR));
        assertThat(gateError).isNotNull();
        assertThat(gateError.key()).isEqualTo("inspection.error.answerNotAllowed");
        assertThat(inspections.findings(inspection.id(), 1)).isEmpty();

        // What the catalog allows is stored.
        assertThat(service.record(inspection.id(), Finding.empty(gate).withAnswer(Answer.YES), ACTOR)).isEqualTo(1);
        assertThat(service.record(inspection.id(), Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR)).isEqualTo(1);
        assertThat(inspections.findings(inspection.id(), 1)).containsOnlyKeys(gate, item.id());
        assertThat(events(inspection.id())).hasSize(eventsBefore + 2);
    }

    @Test
    void serviceRefusesEveryAnswerAnItemDoesNotList() {
        InspectionService service = new InspectionService(inspections, CATALOGS, () -> "test-device");
        Inspection inspection = service.start(request("f-sakura", DATE), ACTOR);
        for (CatalogItem each : catalog.items()) {
            for (Answer answer : EnumSet.complementOf(EnumSet.copyOf(each.answers()))) {
                UserFacingException error = catchThrowableOfType(UserFacingException.class,
                        () -> service.record(inspection.id(), Finding.empty(each.id()).withAnswer(answer), ACTOR));
                assertThat(error).as("%s on %s", answer, each.id()).isNotNull();
                assertThat(error.key()).isEqualTo("inspection.error.answerNotAllowed");
            }
        }
        assertThat(inspections.findings(inspection.id(), 1)).isEmpty();
        assertThat(events(inspection.id())).hasSize(1);
    }

    @Test
    void serviceRefusesAnUnknownItem() {
        InspectionService service = new InspectionService(inspections, CATALOGS, () -> "test-device");
        Inspection inspection = service.start(request("f-sakura", DATE), ACTOR);
        String unknown = item.id() + ".no-such-item";
        assertThat(catalog.item(unknown)).isEmpty();

        UserFacingException error = catchThrowableOfType(UserFacingException.class,
                () -> service.record(inspection.id(), Finding.empty(unknown).withAnswer(Answer.COMPLIANT), ACTOR));
        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("inspection.error.unknownItem");
        assertThat(error.arguments()).containsExactly(unknown, inspection.catalogVersion());

        // Even without an answer, an item the catalog lacks is refused.
        UserFacingException noteOnly = catchThrowableOfType(UserFacingException.class,
                () -> service.record(inspection.id(), Finding.empty(unknown).withNote("メモ"), ACTOR));
        assertThat(noteOnly).isNotNull();
        assertThat(noteOnly.key()).isEqualTo("inspection.error.unknownItem");
        assertThat(inspections.findings(inspection.id(), 1)).isEmpty();
        assertThat(events(inspection.id())).hasSize(1);
    }

    @Test
    void serviceRefusesRecordingIntoAFinalizedInspectionAndUnknownInspections() {
        InspectionService service = new InspectionService(inspections, CATALOGS, () -> "test-device");
        Inspection inspection = service.start(request("f-sakura", DATE), ACTOR);
        service.record(inspection.id(), Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR);
        service.finalizeInspection(inspection.id(), ACTOR);

        UserFacingException locked = catchThrowableOfType(UserFacingException.class,
                () -> service.record(inspection.id(), Finding.empty(item.id()).withAnswer(Answer.NON_COMPLIANT), ACTOR));
        assertThat(locked).isNotNull();
        assertThat(locked.key()).isEqualTo("inspection.error.locked");
        assertThat(inspections.findings(inspection.id(), 1).get(item.id()).answer()).contains(Answer.COMPLIANT);

        UserFacingException missing = catchThrowableOfType(UserFacingException.class,
                () -> service.record("no-such", Finding.empty(item.id()).withAnswer(Answer.COMPLIANT), ACTOR));
        assertThat(missing).isNotNull();
        assertThat(missing.key()).isEqualTo("inspection.error.notFound");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static NewInspection request(String facilityId, LocalDate date) {
        return new NewInspection(facilityId, date, List.of("検査 太郎", "監視 花子", "Carol Smith"),
                List.of(new Attendee("情報 一郎", "システム管理者"), new Attendee("事務 次郎", "事務長"), new Attendee("医師 三郎", "院長")),
                false);
    }

    private static Finding fullFinding(String itemId) {
        return Finding.empty(itemId).withAnswer(Answer.NON_COMPLIANT)
                .withConfirmedBy(EnumSet.of(ConfirmationMethod.VENDOR_STATEMENT, ConfirmationMethod.DOCUMENT,
                        ConfirmationMethod.INTERVIEW))
                .withCheckedOn(LocalDate.of(2025, 6, 2))
                .withNote(NOTE)
                .withReason("代替策の説明")
                .withAdvice("医療情報システムの台帳を整備してください。\n担当者を決めてください。")
                .withTargetDate(LocalDate.of(2025, 12, 26))
                .withFollowUp(true);
    }

    private long chainHead(String inspectionId) {
        return new SqliteAuditLog(database).heads().stream()
                .filter(head -> head.inspectionId().equals(inspectionId))
                .findFirst().orElseThrow().lastSequence();
    }
}
