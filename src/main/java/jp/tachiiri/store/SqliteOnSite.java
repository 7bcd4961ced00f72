package jp.tachiiri.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.OnSiteRepository;
import jp.tachiiri.followup.PreviousFollowUp;

/**
 * Follow-up on a tablet (schema 11): the office's follow-up of the planned facilities' earlier inspections, replaced
 * whole per facility by each newer assignments bundle, and the inspector's confirmations on site, kept per revision
 * like findings and audited in the inspection's trail.
 */
public final class SqliteOnSite implements OnSiteRepository {

    /** The audit action of a confirmation on site given or withdrawn; its subject is "item/siteConfirmed". */
    static final String CONFIRMED_ON_SITE = "FOLLOW_UP_CONFIRMED_ON_SITE";
    private static final String FIELD = "/siteConfirmed";

    private final Database database;

    public SqliteOnSite(Database database) {
        this.database = database;
    }

    @Override
    public Optional<PreviousFollowUp> previousFollowUp(String facilityId, String inspectionId) {
        return database.read(connection -> {
            try (Statements statements = new Statements(connection)) {
                Map<String, PreviousFollowUp.Item> items = new HashMap<>();
                for (PreviousFollowUp.Item item : statements.query("""
                        SELECT item_id, target_date, action, done_on, assessment, new_target_date
                        FROM previous_follow_up_items WHERE facility_id = ? AND inspection_id = ?""",
                        row -> new PreviousFollowUp.Item(row.getString(1), date(row.getString(2)), row.getString(3),
                                date(row.getString(4)), Optional.ofNullable(row.getString(5)).map(Assessment::valueOf),
                                date(row.getString(6))), facilityId, inspectionId)) {
                    items.put(item.itemId(), item);
                }
                return statements.query("""
                        SELECT inspection_date, report_received_on FROM previous_follow_ups
                        WHERE facility_id = ? AND inspection_id = ?""",
                        row -> new PreviousFollowUp(inspectionId, LocalDate.parse(row.getString(1)), date(row.getString(2)),
                                items), facilityId, inspectionId).stream().findFirst();
            }
        });
    }

    @Override
    public Set<String> confirmedOnSite(String inspectionId, int revision) {
        return database.read(connection -> new LinkedHashSet<>(Rows.list(connection, """
                SELECT item_id FROM follow_up_confirmations WHERE inspection_id = ? AND revision = ? ORDER BY item_id""",
                row -> row.getString(1), inspectionId, revision)));
    }

    @Override
    public void confirmOnSite(String inspectionId, int revision, String itemId, String previousInspectionId, String actor,
                              Instant at) {
        database.transaction(connection -> {
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            if (Rows.update(connection, """
                    INSERT OR IGNORE INTO follow_up_confirmations (inspection_id, revision, item_id, previous_inspection_id,
                                                                   confirmed_at)
                    VALUES (?, ?, ?, ?, ?)""", inspectionId, revision, itemId, previousInspectionId, at.toString()) > 0) {
                AuditWriter.append(connection, inspectionId, actor, at, AuditWriter.Entry.of(CONFIRMED_ON_SITE,
                        itemId + FIELD, null, "true"));
            }
            return null;
        });
    }

    @Override
    public void withdrawOnSite(String inspectionId, int revision, String itemId, String actor, Instant at) {
        database.transaction(connection -> {
            SqliteInspections.requireInProgress(connection, inspectionId, revision);
            if (Rows.update(connection, "DELETE FROM follow_up_confirmations WHERE inspection_id = ? AND revision = ? AND item_id = ?",
                    inspectionId, revision, itemId) > 0) {
                AuditWriter.append(connection, inspectionId, actor, at, AuditWriter.Entry.of(CONFIRMED_ON_SITE,
                        itemId + FIELD, "true", null));
            }
            return null;
        });
    }

    /** Carries the confirmations of revision {@code from} into the new revision {@code to}, as its findings are. */
    static void copyConfirmations(Statements statements, String inspectionId, int from, int to) throws SQLException {
        statements.update("""
                INSERT INTO follow_up_confirmations (inspection_id, revision, item_id, previous_inspection_id, confirmed_at)
                SELECT inspection_id, ?, item_id, previous_inspection_id, confirmed_at FROM follow_up_confirmations
                WHERE inspection_id = ? AND revision = ?""", to, inspectionId, from);
    }

    /**
     * Replaces what the tablet holds of a facility's follow-up by what bundle {@code sequence} of {@code officeDevice}
     * says of it ({@code followUps}, each naming the facility by the office's id), unless a bundle of that office
     * numbered as high already gave it. A bundle that says the same changes none of it (only which bundle last said
     * it); returns whether the follow-up changed.
     */
    static boolean replace(Statements statements, String facilityId, String officeDevice, long sequence,
                           List<BundleRecords.FollowUp> followUps) throws SQLException {
        String hash = BundleRecords.contentHash(followUps);
        Optional<Object[]> source = statements.query("""
                SELECT office_device, sequence, content_hash FROM previous_follow_up_sources WHERE facility_id = ?""",
                row -> new Object[] {row.getString(1), row.getLong(2), row.getString(3)}, facilityId).stream().findFirst();
        if (source.isPresent() && source.get()[0].equals(officeDevice) && (long) source.get()[1] >= sequence) {
            return false;
        }
        statements.update("""
                INSERT INTO previous_follow_up_sources (facility_id, office_device, sequence, content_hash) VALUES (?, ?, ?, ?)
                ON CONFLICT (facility_id) DO UPDATE SET office_device = excluded.office_device,
                    sequence = excluded.sequence, content_hash = excluded.content_hash""",
                facilityId, officeDevice, sequence, hash);
        // Rows are only ever stored with their source: without one, the facility had no follow-up here.
        if (!source.map(stored -> !stored[2].equals(hash)).orElse(!followUps.isEmpty())) {
            return false;
        }
        statements.update("DELETE FROM previous_follow_ups WHERE facility_id = ?", facilityId);
        for (BundleRecords.FollowUp followUp : followUps) {
            statements.update("""
                    INSERT INTO previous_follow_ups (facility_id, inspection_id, inspection_date, report_received_on)
                    VALUES (?, ?, ?, ?)""", facilityId, followUp.inspectionId(), followUp.inspectionDate(),
                    followUp.reportReceivedOn());
            for (BundleRecords.FollowUpItem item : followUp.items()) {
                statements.update("""
                        INSERT INTO previous_follow_up_items (facility_id, inspection_id, item_id, target_date, action,
                                                              done_on, assessment, new_target_date)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", facilityId, followUp.inspectionId(), item.itemId(),
                        item.targetDate(), item.action(), item.doneOn(), item.assessment(), item.newTargetDate());
            }
        }
        return true;
    }

    private static Optional<LocalDate> date(String text) {
        return Optional.ofNullable(text).map(LocalDate::parse);
    }
}
