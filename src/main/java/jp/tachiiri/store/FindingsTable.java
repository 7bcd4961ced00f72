package jp.tachiiri.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Finding;

/** Writes {@code findings}: what was recorded per item of a revision, here or on the tablet a bundle came from. */
final class FindingsTable {

    /** The columns of a finding after its revision's key: what a copy into another revision carries as it is. */
    private static final String ITEM_COLUMNS =
            "item_id, answer, confirmed_by, checked_on, note, reason, advice, target_date, follow_up, updated_at";
    private static final String INSERT_INTO = "INSERT INTO findings (inspection_id, revision, " + ITEM_COLUMNS + ")\n";
    private static final String INSERT = INSERT_INTO + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Recording here: a change of an item's finding replaces what the item held. */
    private static final String UPSERT = INSERT + """

            ON CONFLICT (inspection_id, revision, item_id) DO UPDATE SET answer = excluded.answer,
                confirmed_by = excluded.confirmed_by, checked_on = excluded.checked_on, note = excluded.note,
                reason = excluded.reason, advice = excluded.advice, target_date = excluded.target_date,
                follow_up = excluded.follow_up, updated_at = excluded.updated_at""";

    private FindingsTable() {
    }

    /** Records an item's finding in a revision in progress here, as changed at {@code updatedAt}. */
    static void record(Statements statements, String inspectionId, int revision, Finding finding, Instant updatedAt)
            throws SQLException {
        statements.update(UPSERT, inspectionId, revision, finding.itemId(), finding.answer().map(Answer::name).orElse(null),
                storedMethods(finding.confirmedBy()), finding.checkedOn().map(LocalDate::toString).orElse(null),
                finding.note(), finding.reason(), finding.advice(),
                finding.targetDate().map(LocalDate::toString).orElse(null), finding.followUp(), updatedAt.toString());
    }

    /** Adds a finding of a revision that arrived in a bundle, as the tablet recorded it. */
    static void insertArriving(Statements statements, String inspectionId, int revision, BundleRecords.Finding finding)
            throws SQLException {
        statements.update(INSERT, inspectionId, revision, finding.itemId(), finding.answer(),
                String.join(",", finding.confirmedBy()), finding.checkedOn(), finding.note(), finding.reason(),
                finding.advice(), finding.targetDate(), finding.followUp(), finding.updatedAt());
    }

    /** Carries every finding of revision {@code from} into the new revision {@code to}, unchanged. */
    static void copy(Statements statements, String inspectionId, int from, int to) throws SQLException {
        statements.update(INSERT_INTO + "SELECT inspection_id, ?, " + ITEM_COLUMNS
                + " FROM findings WHERE inspection_id = ? AND revision = ?", to, inspectionId, from);
    }

    /** The stored form of confirmation methods: their names, comma-separated, in the enum's order. */
    static String storedMethods(Set<ConfirmationMethod> methods) {
        return Stream.of(ConfirmationMethod.values()).filter(methods::contains).map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<ConfirmationMethod> methods(String stored) {
        Set<ConfirmationMethod> methods = EnumSet.noneOf(ConfirmationMethod.class);
        if (!stored.isEmpty()) {
            Stream.of(stored.split(",")).map(ConfirmationMethod::valueOf).forEach(methods::add);
        }
        return methods;
    }
}
