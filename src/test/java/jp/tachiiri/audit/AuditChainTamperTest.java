package jp.tachiiri.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.Finding;
import jp.tachiiri.store.Database;
import jp.tachiiri.store.SqliteAuditLog;
import jp.tachiiri.store.SqliteFacilities;
import jp.tachiiri.store.SqliteInspections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTamperTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T01:30:00Z"), ZoneOffset.UTC);
    private static final String TARGET = "i-target";
    private static final String OTHER = "i-other";

    // ---- tampering with a closed store's file, as someone with the file and an SQLite tool would --------------

    @TempDir
    Path folder;

    private Path file;
    /** The target inspection's events as written, before any tampering. */
    private List<AuditEvent> original;
    private int otherEvents;

    @BeforeEach
    void buildStore() {
        file = folder.resolve("tachiiri.db");
        CatalogLibrary catalogs = CatalogLibrary.bundled();
        List<CatalogItem> items = catalogs.latest().items().stream()
                .filter(item -> item.answers().contains(Answer.NON_COMPLIANT))
                .limit(3)
                .toList();
        assertThat(items).hasSize(3);
        String version = catalogs.latest().version();
        try (Database database = Database.open(file)) {
            new SqliteFacilities(database).save(new Facility("f-1", "0001", "さくら総合病院", "さくら", "東京都",
                    FacilityType.HOSPITAL, 200, true, true, List.of(), List.of(), false));
            SqliteInspections inspections = new SqliteInspections(database, CLOCK);
            NewInspection request = new NewInspection("f-1", LocalDate.of(2025, 6, 2), List.of("検査 太郎"),
                    List.of(new Attendee("情報 一郎", "システム管理者")), false);
            inspections.start(TARGET, request, version, "検査 太郎");
            inspections.start(OTHER, request, version, "検査 太郎");
            inspections.recordFinding(TARGET, 1, Finding.empty(items.get(0).id()).withAnswer(Answer.NON_COMPLIANT)
                    .withConfirmedBy(EnumSet.of(ConfirmationMethod.DOCUMENT)).withNote("台帳なし\n要整備"), "検査 太郎");
            inspections.recordFinding(OTHER, 1, Finding.empty(items.get(0).id()).withAnswer(Answer.COMPLIANT), "検査 太郎");
            inspections.recordFinding(TARGET, 1, Finding.empty(items.get(1).id()).withAnswer(Answer.COMPLIANT)
                    .withCheckedOn(LocalDate.of(2025, 6, 2)), "検査 太郎");
            inspections.recordFinding(TARGET, 1, Finding.empty(items.get(2).id()).withAnswer(Answer.NOT_APPLICABLE)
                    .withReason("該当機器なし"), "監視 花子");
            inspections.recordFinding(TARGET, 1, Finding.empty(items.get(0).id()).withAnswer(Answer.COMPLIANT)
                    .withConfirmedBy(EnumSet.of(ConfirmationMethod.DOCUMENT)).withNote("台帳なし\n要整備"), "検査 太郎");
            inspections.finalizeRevision(TARGET, 1, "検査 太郎");
            SqliteAuditLog log = new SqliteAuditLog(database);
            original = log.events(TARGET);
            otherEvents = log.events(OTHER).size();
        }
        assertThat(original).hasSizeGreaterThanOrEqualTo(8);
        assertThat(original).extracting(AuditEvent::sequence)
                .containsExactlyElementsOf(sequences(1, original.size()));
    }

    @Test
    void untamperedChainsVerify() {
        ChainVerifier.Report report = verifyAfterReopening();
        assertThat(report.ok()).isTrue();
        assertThat(report.broken()).isEmpty();
        assertThat(report.chains()).isEqualTo(2);
        assertThat(report.events()).isEqualTo(original.size() + otherEvents);
    }

    @Test
    void triggersRefuseTheTamperingUnlessDropped() throws SQLException {
        try (Connection connection = jdbc(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "DELETE FROM audit_events WHERE inspection_id = '" + TARGET + "' AND sequence = 4"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(verifyAfterReopening().ok()).isTrue();
    }

    @Test
    void deletedMiddleEventIsReportedMissingAtItsSequence() throws SQLException {
        long deleted = 4;
        tamper("DELETE FROM audit_events WHERE inspection_id = ? AND sequence = " + deleted);

        BrokenLink broken = onlyBrokenLinkAt(deleted, "audit.problem.missing");
        assertThat(broken.eventId()).isEqualTo(event(deleted + 1).id());
    }

    @Test
    void alteredNewValueIsReportedAlteredAtThatEvent() throws SQLException {
        long altered = 3;
        assertThat(event(altered).newValue()).isNotEqualTo("COMPLIANT");
        tamper("UPDATE audit_events SET new_value = 'COMPLIANT' WHERE inspection_id = ? AND sequence = " + altered);

        BrokenLink broken = onlyBrokenLinkAt(altered, "audit.problem.altered");
        assertThat(broken.eventId()).isEqualTo(event(altered).id());
    }

    @Test
    void alteredActorOrTimeIsReportedAltered() throws SQLException {
        tamper("UPDATE audit_events SET actor = '別人', at = '2025-06-01T00:00:00Z' WHERE inspection_id = ? AND sequence = 6");

        onlyBrokenLinkAt(6, "audit.problem.altered");
    }

    @Test
    void reorderedEventsAreReportedAtTheFirstSwappedPosition() throws SQLException {
        swap(3, 6);

        BrokenLink broken = onlyBrokenLink();
        assertThat(broken.inspectionId()).isEqualTo(TARGET);
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.problemKey()).isIn("audit.problem.link", "audit.problem.altered");
        assertThat(broken.eventId()).isEqualTo(event(6).id());
    }

    @Test
    void neighboursSwappedAreReportedAtTheFirstOfThem() throws SQLException {
        swap(5, 6);

        BrokenLink broken = onlyBrokenLink();
        assertThat(broken.inspectionId()).isEqualTo(TARGET);
        assertThat(broken.sequence()).isEqualTo(5);
        assertThat(broken.problemKey()).isIn("audit.problem.link", "audit.problem.altered");
    }

    @Test
    void deletedLastEventIsReportedTruncated() throws SQLException {
        long last = original.size();
        tamper("DELETE FROM audit_events WHERE inspection_id = ? AND sequence = " + last);

        BrokenLink broken = onlyBrokenLinkAt(last, "audit.problem.truncated");
        assertThat(broken.eventId()).isNull();
    }

    @Test
    void deletedFirstEventIsReportedMissingAtOne() throws SQLException {
        tamper("DELETE FROM audit_events WHERE inspection_id = ? AND sequence = 1");

        onlyBrokenLinkAt(1, "audit.problem.missing");
    }

    @Test
    void alteredEventWithRecomputedHashBreaksTheNextLink() throws SQLException {
        long altered = 3;
        AuditEvent before = event(altered);
        AuditEvent forged = new AuditEvent(before.id(), before.inspectionId(), before.sequence(), before.at(),
                before.actor(), before.action(), before.subject(), before.oldValue(), "COMPLIANT", before.reason(),
                before.previousHash(), null);
        String forgedHash = AuditChain.hashOf(forged);
        assertThat(forgedHash).isNotEqualTo(before.hash());
        try (Connection connection = attacker();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_events SET new_value = ?, hash = ? WHERE inspection_id = ? AND sequence = ?")) {
            update.setString(1, "COMPLIANT");
            update.setString(2, forgedHash);
            update.setString(3, TARGET);
            update.setLong(4, altered);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        BrokenLink broken = onlyBrokenLinkAt(altered + 1, "audit.problem.link");
        assertThat(broken.eventId()).isEqualTo(event(altered + 1).id());
    }

    @Test
    void headMovedBackIsReportedTruncated() throws SQLException {
        try (Connection connection = attacker();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE inspections SET audit_last_sequence = ?, audit_last_hash = ? WHERE id = ?")) {
            update.setLong(1, original.size() - 1);
            update.setString(2, original.get(original.size() - 2).hash());
            update.setString(3, TARGET);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        BrokenLink broken = onlyBrokenLink();
        assertThat(broken.inspectionId()).isEqualTo(TARGET);
        assertThat(broken.problemKey()).isEqualTo("audit.problem.truncated");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private BrokenLink onlyBrokenLink() {
        ChainVerifier.Report report = verifyAfterReopening();
        assertThat(report.ok()).isFalse();
        assertThat(report.chains()).isEqualTo(2);
        assertThat(report.broken()).as("only the tampered inspection is reported").hasSize(1);
        return report.broken().get(0);
    }

    /** The only broken link: in the tampered inspection, at {@code sequence}, for {@code problemKey}. */
    private BrokenLink onlyBrokenLinkAt(long sequence, String problemKey) {
        BrokenLink broken = onlyBrokenLink();
        assertThat(broken.inspectionId()).isEqualTo(TARGET);
        assertThat(broken.sequence()).isEqualTo(sequence);
        assertThat(broken.problemKey()).isEqualTo(problemKey);
        return broken;
    }

    private ChainVerifier.Report verifyAfterReopening() {
        try (Database database = Database.open(file)) {
            return new ChainVerifier(new SqliteAuditLog(database)).verifyAll();
        }
    }

    private AuditEvent event(long sequence) {
        AuditEvent event = original.get((int) sequence - 1);
        assertThat(event.sequence()).isEqualTo(sequence);
        return event;
    }

    /** Runs one statement with the target inspection's id as its parameter, after dropping the triggers. */
    private void tamper(String sql) throws SQLException {
        try (Connection connection = attacker(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TARGET);
            assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    /** Swaps two events' sequence numbers through a free value, as the primary key requires. */
    private void swap(long first, long second) throws SQLException {
        long parked = 1_000_000;
        tamper("UPDATE audit_events SET sequence = " + parked + " WHERE inspection_id = ? AND sequence = " + first);
        tamper("UPDATE audit_events SET sequence = " + first + " WHERE inspection_id = ? AND sequence = " + second);
        tamper("UPDATE audit_events SET sequence = " + second + " WHERE inspection_id = ? AND sequence = " + parked);
    }

    private Connection attacker() throws SQLException {
        Connection connection = jdbc();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TRIGGER audit_events_no_update");
            statement.executeUpdate("DROP TRIGGER audit_events_no_delete");
        } catch (SQLException e) {
            if (!e.getMessage().contains("no such trigger")) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    // ---- the hash itself, without a store ------------------------------------------------------------------------

    private static final AuditEvent BASE = new AuditEvent("e-1", "i-1", 7, Instant.parse("2025-06-02T01:30:00Z"), "検査 太郎",
            "FINDING_CHANGED", "item/note", "旧", "新しい\n値", "理由", "a".repeat(64), null);

    @Test
    void hashIsSha256HexAndDeterministic() {
        String hash = AuditChain.hashOf(BASE);
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hashOf(copy(BASE, e -> e))).isEqualTo(hash);
        assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void hashChangesWhenAnySingleFieldChanges() {
        List<UnaryOperator<AuditEvent>> changes = List.of(
                e -> with(e, "id", "e-2"),
                e -> with(e, "inspectionId", "i-2"),
                e -> new AuditEvent(e.id(), e.inspectionId(), 8, e.at(), e.actor(), e.action(), e.subject(),
                        e.oldValue(), e.newValue(), e.reason(), e.previousHash(), e.hash()),
                e -> new AuditEvent(e.id(), e.inspectionId(), e.sequence(), e.at().plusNanos(1), e.actor(), e.action(),
                        e.subject(), e.oldValue(), e.newValue(), e.reason(), e.previousHash(), e.hash()),
                e -> with(e, "actor", "監視 花子"),
                e -> with(e, "action", "REVISION_FINALIZED"),
                e -> with(e, "subject", "item/advice"),
                e -> with(e, "oldValue", "旧 "),
                e -> with(e, "newValue", "新しい\r\n値"),
                e -> with(e, "reason", "理由2"),
                e -> with(e, "previousHash", "b".repeat(64)));
        String hash = AuditChain.hashOf(BASE);
        Set<String> seen = new HashSet<>(Set.of(hash));
        for (int i = 0; i < changes.size(); i++) {
            String changed = AuditChain.hashOf(changes.get(i).apply(BASE));
            assertThat(changed).as("change #%d", i).isNotEqualTo(hash);
            assertThat(seen.add(changed)).as("change #%d gives its own hash", i).isTrue();
        }
    }

    @Test
    void ownHashFieldIsNotPartOfTheHash() {
        AuditEvent withHash = new AuditEvent(BASE.id(), BASE.inspectionId(), BASE.sequence(), BASE.at(), BASE.actor(),
                BASE.action(), BASE.subject(), BASE.oldValue(), BASE.newValue(), BASE.reason(), BASE.previousHash(),
                "f".repeat(64));
        assertThat(AuditChain.hashOf(withHash)).isEqualTo(AuditChain.hashOf(BASE));
    }

    @Test
    void nullAndEmptyDiffer() {
        for (String field : List.of("subject", "oldValue", "newValue", "reason")) {
            AuditEvent asNull = with(BASE, field, null);
            AuditEvent asEmpty = with(BASE, field, "");
            assertThat(AuditChain.hashOf(asNull)).as(field).isNotEqualTo(AuditChain.hashOf(asEmpty));
        }
        // "-" as a value is not mistaken for null either.
        assertThat(AuditChain.hashOf(with(BASE, "oldValue", "-")))
                .isNotEqualTo(AuditChain.hashOf(with(BASE, "oldValue", null)));
    }

    @Test
    void movingTextBetweenNeighbouringFieldsChangesTheHash() {
        AuditEvent left = with(with(BASE, "oldValue", "ab"), "newValue", "c");
        AuditEvent right = with(with(BASE, "oldValue", "a"), "newValue", "bc");
        assertThat(AuditChain.hashOf(left)).isNotEqualTo(AuditChain.hashOf(right));
        AuditEvent newline = with(with(BASE, "oldValue", "a\n1:b"), "newValue", null);
        AuditEvent split = with(with(BASE, "oldValue", "a"), "newValue", "b");
        assertThat(AuditChain.hashOf(newline)).isNotEqualTo(AuditChain.hashOf(split));
    }

    @Test
    void sealPlacesTheEventInTheChain() {
        AuditEvent draft = new AuditEvent("e-9", "i-1", 0, BASE.at(), "検査 太郎", "FINDING_CHANGED", "x/answer", null,
                "COMPLIANT", null, null, null);
        AuditEvent sealed = AuditChain.seal(draft, 3, BASE.previousHash());
        assertThat(sealed.sequence()).isEqualTo(3);
        assertThat(sealed.previousHash()).isEqualTo(BASE.previousHash());
        assertThat(sealed.hash()).isEqualTo(AuditChain.hashOf(sealed));
        assertThat(sealed.id()).isEqualTo("e-9");
        assertThat(sealed.newValue()).isEqualTo("COMPLIANT");
        assertThat(sealed.oldValue()).isNull();
        AuditEvent next = AuditChain.seal(draft, 4, sealed.hash());
        assertThat(next.hash()).isNotEqualTo(sealed.hash());
        assertThat(ChainVerifier.verify(new ChainHead("i-1", 2, next.hash()), List.of(
                AuditChain.seal(draft, 1, AuditChain.GENESIS)))).isPresent();
    }

    @Test
    void verifierAcceptsAChainBuiltWithSeal() {
        List<AuditEvent> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= 5; i++) {
            AuditEvent event = AuditChain.seal(with(BASE, "id", "e-" + i), i, previous);
            chain.add(event);
            previous = event.hash();
        }
        assertThat(ChainVerifier.verify(new ChainHead("i-1", 5, previous), chain)).isEmpty();
        assertThat(ChainVerifier.verify(new ChainHead("i-1", 5, previous), chain.subList(0, 4)))
                .hasValueSatisfying(link -> {
                    assertThat(link.problemKey()).isEqualTo("audit.problem.truncated");
                    assertThat(link.sequence()).isEqualTo(5);
                });
        assertThat(ChainVerifier.verify(new ChainHead("i-1", 0, AuditChain.GENESIS), List.of())).isEmpty();
    }

    private static AuditEvent copy(AuditEvent e, UnaryOperator<AuditEvent> change) {
        return change.apply(new AuditEvent(e.id(), e.inspectionId(), e.sequence(), e.at(), e.actor(), e.action(),
                e.subject(), e.oldValue(), e.newValue(), e.reason(), e.previousHash(), e.hash()));
    }

    private static AuditEvent with(AuditEvent e, String field, String value) {
        return new AuditEvent(
                field.equals("id") ? value : e.id(),
                field.equals("inspectionId") ? value : e.inspectionId(),
                e.sequence(), e.at(),
                field.equals("actor") ? value : e.actor(),
                field.equals("action") ? value : e.action(),
                field.equals("subject") ? value : e.subject(),
                field.equals("oldValue") ? value : e.oldValue(),
                field.equals("newValue") ? value : e.newValue(),
                field.equals("reason") ? value : e.reason(),
                field.equals("previousHash") ? value : e.previousHash(),
                e.hash());
    }

    private static List<Long> sequences(long from, long to) {
        List<Long> sequences = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            sequences.add(i);
        }
        return sequences;
    }
}
