package jp.tachiiri.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.dashboard.DashboardRepository;
import jp.tachiiri.dashboard.Disagreement;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;

/**
 * The dashboard's counts, aggregated by SQLite with GROUP BY: nothing returns a row per finding except the overdue
 * ones. Every query starts from the same set of counted revisions (see {@link DashboardRepository}): per inspection
 * (the demo only in a store of nothing but the demo) its newest FINALIZED revision, if its inspection date is within the fiscal year, with the bed band of
 * its revision_facility.
 *
 * <p>The counted set is found by a scan of inspection_revisions (one row per revision, tens of thousands at most)
 * with a primary-key look-up for the newest finalized revision; the findings and the rows of the hospital's form
 * are then reached through their primary keys (inspection_id, revision, item_id or ministry_number). No index
 * beyond the schema's is needed.
 */
public final class SqliteDashboard implements DashboardRepository {

    private final Database database;

    public SqliteDashboard(Database database) {
        this.database = database;
    }

    @Override
    public List<LocalDate> countedDates() {
        // Bounds that every ISO date lies between, as text.
        return database.read(connection -> Rows.list(connection,
                "WITH " + counted() + " SELECT DISTINCT inspection_date FROM counted",
                row -> LocalDate.parse(row.getString(1)), "0000-01-01", "9999-12-31"));
    }

    @Override
    public Map<BedBand, Integer> countedInspections(FiscalYear year) {
        List<Object[]> rows = database.read(connection -> Rows.list(connection,
                "WITH " + counted() + " SELECT band, count(*) FROM counted GROUP BY band",
                row -> new Object[] {BedBand.valueOf(row.getString(1)), row.getInt(2)},
                year.start().toString(), year.end().toString()));
        Map<BedBand, Integer> counts = new EnumMap<>(BedBand.class);
        for (Object[] row : rows) {
            counts.put((BedBand) row[0], (Integer) row[1]);
        }
        return counts;
    }

    @Override
    public List<ItemTally> itemTallies(FiscalYear year) {
        return database.read(connection -> Rows.list(connection, "WITH " + counted() + """
                        -- The gate's YES/NO and unanswered findings (answer NULL) are not counted.
                        SELECT f.item_id, c.band,
                               sum(f.answer = 'COMPLIANT'), sum(f.answer = 'NON_COMPLIANT'),
                               sum(f.answer = 'ALTERNATIVE'), sum(f.answer = 'NOT_APPLICABLE')
                        FROM counted c
                        JOIN findings f ON f.inspection_id = c.inspection_id AND f.revision = c.revision
                        WHERE f.answer IN ('COMPLIANT', 'NON_COMPLIANT', 'ALTERNATIVE', 'NOT_APPLICABLE')
                        GROUP BY f.item_id, c.band
                        ORDER BY f.item_id, c.band""",
                row -> new ItemTally(row.getString(1), BedBand.valueOf(row.getString(2)), row.getInt(3), row.getInt(4),
                        row.getInt(5), row.getInt(6)),
                year.start().toString(), year.end().toString()));
    }

    @Override
    public List<GroupTally> groupTallies(FiscalYear year, Map<String, String> groupOfItem) {
        if (groupOfItem.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(year.start().toString(), year.end().toString()));
        StringJoiner values = new StringJoiner(", ");
        groupOfItem.forEach((itemId, group) -> {
            values.add("(?, ?)");
            parameters.add(itemId);
            parameters.add(group);
        });
        // Per counted inspection and group with an applicable answer: did any of its items fail?
        String sql = "WITH " + counted() + ",\n"
                + "item_group (item_id, grp) AS (VALUES " + values + "),\n" + """
                per_inspection AS (
                    SELECT c.inspection_id, c.band, m.grp, max(f.answer = 'NON_COMPLIANT') AS failed
                    FROM counted c
                    JOIN findings f ON f.inspection_id = c.inspection_id AND f.revision = c.revision
                    JOIN item_group m ON m.item_id = f.item_id
                    WHERE f.answer IN ('COMPLIANT', 'NON_COMPLIANT', 'ALTERNATIVE')
                    GROUP BY c.inspection_id, c.band, m.grp
                )
                SELECT grp, band, count(*) - sum(failed), count(*)
                FROM per_inspection
                GROUP BY grp, band
                ORDER BY grp, band""";
        return database.read(connection -> Rows.list(connection, sql,
                row -> new GroupTally(row.getString(1), BedBand.valueOf(row.getString(2)), row.getInt(3), row.getInt(4)),
                parameters.toArray()));
    }

    @Override
    public List<OverdueTarget> overdueTargets(FiscalYear year, LocalDate today) {
        return database.read(connection -> Rows.list(connection, "WITH " + counted() + """
                        SELECT c.inspection_id, c.revision, c.code, c.name, c.inspection_date, f.item_id, f.target_date
                        FROM counted c
                        JOIN findings f ON f.inspection_id = c.inspection_id AND f.revision = c.revision
                        WHERE f.answer = 'NON_COMPLIANT' AND f.target_date IS NOT NULL AND f.target_date < ?
                        ORDER BY f.target_date, c.inspection_id, f.item_id""",
                row -> new OverdueTarget(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        LocalDate.parse(row.getString(5)), row.getString(6), LocalDate.parse(row.getString(7))),
                year.start().toString(), year.end().toString(), today.toString()));
    }

    @Override
    public Map<String, Disagreement> disagreements(FiscalYear year) {
        List<Map.Entry<String, Disagreement>> rows = database.read(connection -> Rows.list(connection,
                "WITH " + counted() + """
                        -- A row without a confirmation (NULL) is counted apart from 未確認.
                        SELECT h.ministry_number, sum(h.confirmation = 'AGREES'), sum(h.confirmation = 'DIFFERS'),
                               sum(h.confirmation = 'NOT_CONFIRMED'), sum(h.confirmation IS NULL)
                        FROM counted c
                        JOIN hospital_form h ON h.inspection_id = c.inspection_id AND h.revision = c.revision
                        GROUP BY h.ministry_number""",
                row -> Map.entry(row.getString(1), new Disagreement(row.getInt(2), row.getInt(3), row.getInt(4),
                        row.getInt(5))),
                year.start().toString(), year.end().toString()));
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public int inspectionsWithHospitalForm(FiscalYear year) {
        return database.read(connection -> Rows.list(connection, "WITH " + counted() + """
                        SELECT count(*) FROM counted c
                        WHERE EXISTS (SELECT 1 FROM hospital_form h
                                      WHERE h.inspection_id = c.inspection_id AND h.revision = c.revision)""",
                row -> row.getInt(1), year.start().toString(), year.end().toString())).get(0);
    }

    /**
     * Aggregated here rather than in Java over {@code FollowUpService.cases()}: that reads every year's cases with
     * their evidence, one query per inspection (40,000 at national scale), to keep one year's; this reads one year,
     * from the very {@code counted} set the other figures use, and returns a row per item, state and day count. The
     * CASE restates {@code FindingToFollow}'s closed, closedInTime and pastTarget (a follow-up row is kept per
     * inspection and item, across revisions, as the follow-up reads it); DashboardClosureTest holds the two to
     * the same answers. ISO dates compare as text; julianday() of two dates differs by whole days.
     */
    @Override
    public List<ClosureTally> closureTallies(FiscalYear year, LocalDate today) {
        return database.read(connection -> Rows.list(connection, "WITH " + counted() + """
                        , standing AS (
                            SELECT f.item_id,
                                   CASE WHEN u.assessment = 'CLOSED' THEN
                                            CASE WHEN f.target_date IS NULL OR u.done_on <= f.target_date
                                                 THEN 'IN_TIME' ELSE 'LATE' END
                                        WHEN coalesce(CASE WHEN u.assessment = 'IN_PROGRESS' THEN u.new_target_date END,
                                                      f.target_date) < ? THEN 'PAST_TARGET'
                                        ELSE 'OPEN' END AS state,
                                   CASE WHEN u.assessment = 'CLOSED'
                                        THEN CAST(julianday(u.done_on) - julianday(c.inspection_date) AS INTEGER)
                                        ELSE 0 END AS days
                            FROM counted c
                            JOIN findings f ON f.inspection_id = c.inspection_id AND f.revision = c.revision
                            LEFT JOIN follow_up_items u ON u.inspection_id = c.inspection_id AND u.item_id = f.item_id
                            WHERE f.answer = 'NON_COMPLIANT'
                        )
                        SELECT item_id, state, days, count(*) FROM standing
                        GROUP BY item_id, state, days
                        ORDER BY item_id, state, days""",
                row -> new ClosureTally(row.getString(1), ClosureTally.State.valueOf(row.getString(2)), row.getInt(3),
                        row.getInt(4)),
                year.start().toString(), year.end().toString(), today.toString()));
    }

    /**
     * The common table {@code counted}: the newest finalized revision of each inspection (demo ones only while the
     * store holds nothing else, so that the demo shows figures and never mixes with real ones), if its date
     * (ISO text, so text comparison is date comparison) is in [?, ?), with facility code, name and bed band as
     * finalized. Takes two parameters: the first day and the day after the last.
     */
    private static String counted() {
        return """
                counted AS (
                    SELECT r.inspection_id, r.revision, r.inspection_date, rf.code, rf.name, %s AS band
                    FROM inspection_revisions r
                    JOIN inspections i ON i.id = r.inspection_id
                    JOIN revision_facility rf ON rf.inspection_id = r.inspection_id AND rf.revision = r.revision
                    WHERE r.status = 'FINALIZED'
                      AND (i.demo = 0 OR NOT EXISTS (SELECT 1 FROM inspections real WHERE real.demo = 0))
                      AND r.revision = (SELECT max(x.revision) FROM inspection_revisions x
                                        WHERE x.inspection_id = r.inspection_id AND x.status = 'FINALIZED')
                      AND r.inspection_date >= ? AND r.inspection_date < ?
                )
                """.formatted(bandCase("rf.licensed_beds"));
    }

    /** A CASE giving the {@link BedBand} name for a bed count, from the bands' own bounds. */
    private static String bandCase(String beds) {
        StringBuilder sql = new StringBuilder("CASE");
        BedBand[] bands = BedBand.values();
        for (int i = 0; i < bands.length - 1; i++) {
            sql.append(" WHEN ").append(beds).append(" < ").append(bands[i].below())
                    .append(" THEN '").append(bands[i].name()).append('\'');
        }
        return sql.append(" ELSE '").append(bands[bands.length - 1].name()).append("' END").toString();
    }
}
