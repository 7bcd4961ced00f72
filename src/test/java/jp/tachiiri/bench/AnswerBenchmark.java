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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        }
        Bench.deleteTree(work);
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
