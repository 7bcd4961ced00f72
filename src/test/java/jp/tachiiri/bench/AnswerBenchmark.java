package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.inspection.InspectionService;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionIds;
import jp.tachiiri.store.Database;
import jp.tachiiri.testsupport.Pragma;
import jp.tachiiri.testsupport.Profiles;
import org.junit.jupiter.api.Test;

/**
 * One answer saved durably, as the inspection screen saves it: {@code InspectionService.record} with the finding a
 * tap on 適合 (or はい for the gate question) makes, the first answer to the question, so the answer and the date
 * checked change. The store writes the finding and one audit event per changed field, hash-chained, in one
 * transaction, committed with {@code synchronous=FULL}.
 *
 * <p>The floor: a single-row {@code INSERT} and {@code COMMIT} through plain JDBC, a statement prepared once, into a
 * one-table SQLite file in the same folder, with the pragmas {@code jp.tachiiri.store.Database} sets.
 *
 * <p>Each round saves the answers to every question of {@code bench.answer.inspections} new inspections of the demo
 * facilities (started before the clock runs), one answer per transaction; the floor makes as many commits.
 * {@code mvn -o -Pbench verify -Dtest=AnswerBenchmark}. Properties: {@code bench.answer.inspections} (40),
 * {@code bench.runs} (3), {@code bench.warmups} (1).
 */
class AnswerBenchmark {

    private static final String ACTOR = "bench";

    /** A question of an inspection and the finding the screen stores for its first answer. */
    private record Save(String inspectionId, Finding finding) {
    }

    @Test
    void oneAnswerSavedDurably() throws Exception {
        int inspections = Bench.intProperty("bench.answer.inspections", 40);
        int runs = Bench.intProperty("bench.runs", 3);
        int warmups = Bench.intProperty("bench.warmups", 1);
        Path work = Bench.workFolder("answer");

        try (Workspace tablet = Workspace.open(work.resolve("tablet"), Clock.systemDefaultZone());
             Connection floor = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("floor.db"),
                     Database.connectionSettings().toProperties())) {
            tablet.demo().seed();
            InspectionService service = tablet.inspections();
            try (Statement create = floor.createStatement()) {
                create.executeUpdate("CREATE TABLE answers (id INTEGER PRIMARY KEY, inspection_id TEXT NOT NULL, "
                        + "item_id TEXT NOT NULL, answer TEXT NOT NULL)");
            }
            floor.setAutoCommit(false);
            List<Integer> saved = new ArrayList<>();

            Bench.Timed ours = round -> {
                List<Save> saves = newInspections(tablet, inspections);
                Bench.Measured<Integer> measured = Bench.time(() -> {
                    int changed = 0;
                    for (Save save : saves) {
                        changed += service.record(save.inspectionId(), save.finding(), ACTOR);
                    }
                    return changed;
                });
                // Each first answer changes two fields, the answer and the date checked: two audit events.
                assertThat(measured.result()).isEqualTo(2 * saves.size());
                saved.add(saves.size());
                return measured.sample();
            };
            Bench.Timed plain = round -> {
                List<Save> saves = newInspections(tablet, inspections);
                try (PreparedStatement insert = floor.prepareStatement(
                        "INSERT INTO answers (inspection_id, item_id, answer) VALUES (?, ?, ?)")) {
                    Bench.Measured<Void> measured = Bench.time(() -> {
                        for (Save save : saves) {
                            insert.setString(1, save.inspectionId());
                            insert.setString(2, save.finding().itemId());
                            insert.setString(3, save.finding().answer().orElseThrow().name());
                            insert.executeUpdate();
                            floor.commit();
                        }
                        return null;
                    });
                    return measured.sample();
                }
            };
            Bench.Case result = Bench.compare("one answer saved durably",
                    String.format("`InspectionService.record` of the first answer to every question of %d new inspections, "
                            + "one transaction each, vs as many single-row INSERT + COMMIT", inspections), warmups, runs, ours, plain);
            Bench.note("one answer saved durably: %d answers a round; %.2f ms per answer, floor %.2f ms per commit (medians); "
                            + "journal_mode=%s in both files, synchronous=FULL, foreign_keys=ON on both connections.",
                    saved.get(0), 1000 * result.oursMedian() / saved.get(0), 1000 * result.floorMedian() / saved.get(0),
                    Pragma.of(tablet.databaseFile(), "journal_mode"), Pragma.of(work.resolve("floor.db"), "journal_mode"));
            assertThat(count(floor)).isEqualTo((long) saved.stream().mapToInt(Integer::intValue).sum());
            sameRows(ours, work, inspections, warmups, runs);
        }
        Bench.deleteTree(work);
    }

    /**
     * The save against the rows it writes: the same upsert of the finding, its two audit events and the move of the
     * trail's head, in one transaction, through plain JDBC with statements prepared once, into a store of the same
     * schema and contents — no reads, no checks, no hashing. What is left between the two is the product's code; what
     * is left between these rows and one INSERT is the audit trail written with the answer.
     */
    private static void sameRows(Bench.Timed ours, Path work, int inspections, int warmups, int runs) throws Exception {
        try (Workspace twin = Workspace.open(work.resolve("twin"), Clock.systemDefaultZone());
             Connection rows = DriverManager.getConnection("jdbc:sqlite:" + twin.databaseFile(),
                     Database.connectionSettings().toProperties())) {
            twin.demo().seed();
            Bench.Timed plain = round -> {
                List<Save> saves = newInspections(twin, inspections);
                try (RowWriter writer = new RowWriter(rows, heads(rows, saves))) {
                    return Bench.time(() -> {
                        for (Save save : saves) {
                            writer.write(save);
                        }
                        return null;
                    }).sample();
                }
            };
            Bench.compare("one answer saved durably, vs the same rows", String.format("`InspectionService.record` of the "
                    + "first answer to every question of %d new inspections vs the rows each save writes (the finding, two "
                    + "audit events, the trail's head), one transaction each, through plain JDBC", inspections),
                    warmups, runs, ours, plain);
        }
    }

    /** The audit sequence each inspection of {@code saves} has reached, read before the clock runs. */
    private static Map<String, long[]> heads(Connection rows, List<Save> saves) throws SQLException {
        Map<String, long[]> heads = new HashMap<>();
        try (PreparedStatement select = rows.prepareStatement("SELECT audit_last_sequence FROM inspections WHERE id = ?")) {
            for (Save save : saves) {
                if (!heads.containsKey(save.inspectionId())) {
                    select.setString(1, save.inspectionId());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        heads.put(save.inspectionId(), new long[] {row.getLong(1)});
                    }
                }
            }
        }
        return heads;
    }

    /**
     * Writes a save's rows as the store does, with values of the same form (ids, times, 64-digit hashes), on a
     * connection of its own beside the twin's store (idle meanwhile).
     */
    private static final class RowWriter implements AutoCloseable {
        private static final String HASH = "0".repeat(64);
        private final Connection rows;
        private final Map<String, long[]> heads;
        private final PreparedStatement finding;
        private final PreparedStatement event;
        private final PreparedStatement head;

        RowWriter(Connection rows, Map<String, long[]> heads) throws SQLException {
            this.rows = rows;
            this.heads = heads;
            finding = rows.prepareStatement("""
                    INSERT INTO findings (inspection_id, revision, item_id, answer, confirmed_by, checked_on, note, reason,
                        advice, target_date, follow_up, updated_at) VALUES (?, 1, ?, ?, '', ?, '', '', '', NULL, 0, ?)
                    ON CONFLICT (inspection_id, revision, item_id) DO UPDATE SET answer = excluded.answer,
                        checked_on = excluded.checked_on, updated_at = excluded.updated_at""");
            event = rows.prepareStatement("""
                    INSERT INTO audit_events (inspection_id, sequence, id, at, actor, action, subject, old_value,
                        new_value, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, 'FINDING_CHANGED', ?, NULL, ?, NULL, ?, ?)""");
            head = rows.prepareStatement("UPDATE inspections SET audit_last_sequence = ?, audit_last_hash = ? WHERE id = ?");
        }

        void write(Save save) throws SQLException {
            String id = save.inspectionId();
            String itemId = save.finding().itemId();
            String now = Instant.now().toString();
            String answer = save.finding().answer().orElseThrow().name();
            String checkedOn = save.finding().checkedOn().orElseThrow().toString();
            rows.setAutoCommit(false);
            finding.setString(1, id);
            finding.setString(2, itemId);
            finding.setString(3, answer);
            finding.setString(4, checkedOn);
            finding.setString(5, now);
            finding.executeUpdate();
            long[] sequence = heads.get(id);
            for (String[] field : List.of(new String[] {"answer", answer}, new String[] {"checkedOn", checkedOn})) {
                sequence[0]++;
                event.setString(1, id);
                event.setLong(2, sequence[0]);
                event.setString(3, InspectionIds.childId(id));
                event.setString(4, now);
                event.setString(5, ACTOR);
                event.setString(6, itemId + "/" + field[0]);
                event.setString(7, field[1]);
                event.setString(8, HASH);
                event.setString(9, HASH);
                event.executeUpdate();
            }
            head.setLong(1, sequence[0]);
            head.setString(2, HASH);
            head.setString(3, id);
            head.executeUpdate();
            // Committed as the store commits: back to autocommit, so that the write lock is not taken again at once.
            rows.setAutoCommit(true);
        }

        @Override
        public void close() throws SQLException {
            finding.close();
            event.close();
            head.close();
        }
    }

    /**
     * Starts {@code count} inspections of the demo facilities (round robin) and lists the screen's first answer to
     * each of their questions: はい to the gate question, then 適合 to every item that applies to the facility.
     */
    private static List<Save> newInspections(Workspace tablet, int count) {
        List<Facility> facilities = tablet.facilities().all();
        Catalog catalog = tablet.catalogs().latest();
        LocalDate today = LocalDate.now(tablet.clock());
        List<Save> saves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Facility facility = facilities.get(i % facilities.size());
            Inspection inspection = tablet.inspections().start(
                    new NewInspection(facility.id(), today, List.of("ベンチ 立入"), List.of(), true), ACTOR);
            saves.add(new Save(inspection.id(), firstAnswer(catalog.gate().id(), Answer.YES, today)));
            for (CatalogItem item : Applicability.applicableItems(catalog, facility.profileOn(Profiles.DAY))) {
                saves.add(new Save(inspection.id(), firstAnswer(item.id(), Answer.COMPLIANT, today)));
            }
        }
        return saves;
    }

    /** What InspectionViewModel.answer stores for a question not yet answered: the answer and the date checked. */
    private static Finding firstAnswer(String itemId, Answer answer, LocalDate today) {
        return Finding.empty(itemId).withAnswer(answer).withCheckedOn(today);
    }

    private static long count(Connection floor) throws SQLException {
        try (Statement statement = floor.createStatement(); ResultSet row = statement.executeQuery("SELECT count(*) FROM answers")) {
            row.next();
            return row.getLong(1);
        }
    }
}
