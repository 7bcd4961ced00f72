package jp.tachiiri.followup;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.SearchText;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.report.CsvFile;

/**
 * What is open, at a glance, on a given day: one row per finding that needed improvement, with whether its
 * hospital's report is overdue and whether its date has passed, narrowed by a filter; and the counts of the cases
 * the filter's hospital, item and checkpoint select, whatever it shows, so that each count says what choosing it
 * would show.
 */
public record FollowUpList(LocalDate today, List<Row> rows, Counts counts) {

    /** Which findings the list shows. */
    public enum Show {
        /** Not closed. */
        OPEN,
        /** Of hospitals whose report is overdue. */
        REPORT_OVERDUE,
        /** Not closed, their (new) target date passed. */
        PAST_TARGET,
        /** Either of the two above: what needs chasing. */
        OVERDUE,
        CLOSED,
        ALL
    }

    /**
     * {@code facilityText} finds a hospital by name, reading or code as the other lists do; {@code itemId} empty for
     * every item; 参考 items only with {@code withReference}.
     */
    public record Filter(Show show, boolean withReference, Optional<Checkpoint> checkpoint, String itemId,
                         String facilityText) {

        public static final Filter OPEN = new Filter(Show.OPEN, false, Optional.empty(), "", "");

        public Filter {
            itemId = itemId == null ? "" : itemId.strip();
            facilityText = facilityText == null ? "" : facilityText;
        }

        public Filter showing(Show other) {
            return new Filter(other, withReference, checkpoint, itemId, facilityText);
        }
    }

    /** A finding on the list; {@code daysPastTarget} is 0 unless it is past its date. */
    public record Row(FollowUpCase followed, FindingToFollow finding, boolean reportOverdue, long daysPastTarget) {

        public boolean pastTarget() {
            return daysPastTarget > 0;
        }
    }

    /**
     * Hospitals with a report overdue (one with two such inspections counts once); findings past their date, open,
     * closed.
     */
    public record Counts(int reportsOverdue, int pastTarget, int open, int closed) {
    }

    public static FollowUpList of(List<FollowUpCase> cases, LocalDate today, Filter filter) {
        SearchText facility = SearchText.of(filter.facilityText());
        List<Row> selected = new ArrayList<>();
        Set<String> reportsOverdue = new HashSet<>();
        for (FollowUpCase followed : cases) {
            if (!facility.foundIn(followed.facilityName(), followed.facilityCode(), followed.inspectionId())) {
                continue;
            }
            boolean overdue = followed.reportOverdue(today);
            boolean counted = false;
            for (FindingToFollow finding : followed.findings()) {
                if (finding.reference() && !filter.withReference()
                        || filter.checkpoint().filter(checkpoint -> checkpoint != finding.checkpoint()).isPresent()
                        || !filter.itemId().isEmpty() && !filter.itemId().equals(finding.itemId())) {
                    continue;
                }
                long past = finding.pastTarget(today)
                        ? ChronoUnit.DAYS.between(finding.effectiveTarget().orElseThrow(), today) : 0;
                selected.add(new Row(followed, finding, overdue, past));
                counted = true;
            }
            if (overdue && counted) {
                reportsOverdue.add(followed.facilityCode());
            }
        }
        Counts counts = new Counts(reportsOverdue.size(), (int) selected.stream().filter(Row::pastTarget).count(),
                (int) selected.stream().filter(row -> !row.finding().closed()).count(),
                (int) selected.stream().filter(row -> row.finding().closed()).count());
        List<Row> shown = selected.stream().filter(row -> switch (filter.show()) {
            case OPEN -> !row.finding().closed();
            case REPORT_OVERDUE -> row.reportOverdue();
            case PAST_TARGET -> row.pastTarget();
            case OVERDUE -> row.reportOverdue() && !row.finding().closed() || row.pastTarget();
            case CLOSED -> row.finding().closed();
            case ALL -> true;
        }).toList();
        return new FollowUpList(today, shown, counts);
    }

    /** The list as a CSV file (UTF-8 with BOM for Excel), in the user's language; returns the rows written. */
    public int writeCsv(Path out, Messages messages) {
        return CsvFile.write(out, row -> {
            row.accept(List.of(messages.get("followup.csv.facilityCode"), messages.get("followup.csv.facility"),
                    messages.get("followup.csv.inspectionDate"), messages.get("followup.csv.item"),
                    messages.get("followup.csv.itemTitle"), messages.get("followup.csv.reference"),
                    messages.get("followup.csv.targetDate"), messages.get("followup.csv.reportDue"),
                    messages.get("followup.csv.reportReceived"), messages.get("followup.csv.assessment"),
                    messages.get("followup.csv.doneOn"), messages.get("followup.csv.action"),
                    messages.get("followup.csv.reportOverdue"), messages.get("followup.csv.daysPastTarget"),
                    messages.get("followup.csv.inspectionId")));
            rows.forEach(listed -> write(listed, row, messages));
        });
    }

    private static void write(Row listed, Consumer<List<String>> row, Messages messages) {
        FollowUpCase followed = listed.followed();
        FindingToFollow finding = listed.finding();
        Optional<ItemFollowUp> item = finding.followUp();
        row.accept(List.of(followed.facilityCode(), followed.facilityName(), followed.inspectionDate().toString(),
                finding.itemId(), finding.title().in(messages.language()), finding.reference() ? "1" : "0",
                finding.effectiveTarget().map(LocalDate::toString).orElse(""), followed.reportDue().toString(),
                followed.report().map(report -> report.receivedOn().toString()).orElse(""),
                item.map(found -> messages.get(found.assessment().messageKey())).orElse(""),
                item.flatMap(ItemFollowUp::doneOn).map(LocalDate::toString).orElse(""),
                item.map(ItemFollowUp::action).orElse(""), listed.reportOverdue() ? "1" : "0",
                Long.toString(listed.daysPastTarget()), followed.inspectionId()));
    }
}
