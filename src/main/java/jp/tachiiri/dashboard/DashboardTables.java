package jp.tachiiri.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Language;

/**
 * The data behind each chart of the dashboard as rows for export (CSV): a header row of column ids first, then
 * one row per figure. Cells are plain text; a share is written as a decimal fraction with four places
 * ({@code 0.6667}, computed from the counts, rounded half up) and left empty when nothing applied; counts are written beside it so that a reader can
 * recompute it. Titles are in the language asked for; bands are {@link BedBand#label()}s.
 */
public final class DashboardTables {

    private static final int PLACES = 4;

    private DashboardTables() {
    }

    /** fiscalYear, band, inspections: how many inspections count, per band and in all ("all"). */
    public static List<List<String>> inspections(YearFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "band", "inspections"));
        String year = Integer.toString(figures.fiscalYear().year());
        figures.inspectionsByBand().forEach((band, count) -> rows.add(List.of(year, band.label(), count.toString())));
        rows.add(List.of(year, "all", Integer.toString(figures.inspections())));
        return rows;
    }

    /** fiscalYear, checkpoint, title, complies, applicable, share: one row per checkpoint. */
    public static List<List<String>> checkpoints(YearFigures figures, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "checkpoint", "title", "complies", "applicable", "share"));
        addCheckpoints(rows, figures.fiscalYear(), figures.checkpoints(), language);
        return rows;
    }

    /**
     * fiscalYear, checklistNumber, wording, parts, complies, applicable, share, agrees, differs, notConfirmed,
     * unconfirmed, differsShare: one row per item of the ministry's checklist, its parts rolled up (a facility complies
     * with 3-② when none of its parts is 不適合); then how inspectors confirmed the hospitals' own answers to it (確認,
     * 相違, 未確認, no confirmation) and the share of 相違 among 確認 + 相違.
     */
    public static List<List<String>> ministryItems(YearFigures figures, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "checklistNumber", "wording", "parts", "complies", "applicable", "share",
                "agrees", "differs", "notConfirmed", "unconfirmed", "differsShare"));
        String year = Integer.toString(figures.fiscalYear().year());
        for (MinistryItemFigure item : figures.ministryItems()) {
            List<String> row = withShare(List.of(year, item.label(), item.wording().in(language),
                    Integer.toString(item.parts())), item.share());
            Disagreement disagreement = item.disagreement();
            row.addAll(List.of(Integer.toString(disagreement.agrees()), Integer.toString(disagreement.differs()),
                    Integer.toString(disagreement.notConfirmed()), Integer.toString(disagreement.unconfirmed()),
                    fraction(disagreement.differs(), disagreement.confirmed())));
            rows.add(row);
        }
        return rows;
    }

    /** fiscalYear, checkpoint, title, band, complies, applicable, share: one row per checkpoint and band. */
    public static List<List<String>> checkpointsByBand(YearFigures figures, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "checkpoint", "title", "band", "complies", "applicable", "share"));
        String year = Integer.toString(figures.fiscalYear().year());
        for (CheckpointFigure checkpoint : figures.checkpoints()) {
            checkpoint.byBand().forEach((band, share) -> rows.add(withShare(List.of(year, checkpoint.checkpoint().id(),
                    checkpoint.title().in(language), band.label()), share)));
        }
        return rows;
    }

    /**
     * fiscalYear, checkpoint, itemId, scope, checklistNumber, title, complies, applicable, share, nonCompliant,
     * nationalShare, nationalSurveyYear, nationalSurvey, nationalSources: one row per item (scope: {@code checklist},
     * or {@code reference} for 参考 items, listed after the checklist's), with the figure of
     * {@code survey} where it has one, and which survey that is (its year, name and where its figures were read,
     * addresses separated by spaces).
     */
    public static List<List<String>> items(YearFigures figures, NationalSurvey survey, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "checkpoint", "itemId", "scope", "checklistNumber", "title", "complies",
                "applicable", "share", "nonCompliant", "nationalShare", "nationalSurveyYear", "nationalSurvey",
                "nationalSources"));
        String year = Integer.toString(figures.fiscalYear().year());
        List<ItemFigure> checklistFirst = figures.items().stream()
                .sorted(Comparator.comparing(ItemFigure::reference)).toList();
        for (ItemFigure item : checklistFirst) {
            List<String> row = withShare(List.of(year, item.checkpoint().id(), item.itemId(), scope(item.reference()),
                    item.checklistNumber().orElse(""), item.title().in(language)), item.share());
            row.add(Integer.toString(item.nonCompliant()));
            Optional<NationalFigure> national = survey.figure(item.itemId());
            row.add(national.map(figure -> decimal(figure.ratio())).orElse(""));
            row.addAll(national.isPresent()
                    ? List.of(Integer.toString(survey.year()), survey.name().in(language), String.join(" ", survey.sources()))
                    : List.of("", "", ""));
            rows.add(row);
        }
        return rows;
    }

    /** fiscalYear, checkpoint, itemId, title, band, complies, applicable, share: one row per item and band. */
    public static List<List<String>> itemsByBand(YearFigures figures, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "checkpoint", "itemId", "title", "band", "complies", "applicable", "share"));
        String year = Integer.toString(figures.fiscalYear().year());
        for (ItemFigure item : figures.items()) {
            item.byBand().forEach((band, share) -> rows.add(withShare(List.of(year, item.checkpoint().id(),
                    item.itemId(), item.title().in(language), band.label()), share)));
        }
        return rows;
    }

    /**
     * surveyYear, surveyId, publisher, survey, reported, asked, replied, base, note, itemId, nationalShare, label,
     * approximation, sources: every figure of every survey, newest survey first; asked, replied and note are empty
     * where the survey has none, approximation where its question asks what the item asks.
     */
    public static List<List<String>> nationalFigures(NationalSurveys surveys, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("surveyYear", "surveyId", "publisher", "survey", "reported", "asked", "replied", "base", "note",
                "itemId", "nationalShare", "label", "approximation", "sources"));
        for (NationalSurvey survey : surveys.all()) {
            Optional<NationalSurvey.Respondents> respondents = survey.respondents();
            for (NationalFigure figure : survey.figures()) {
                rows.add(List.of(Integer.toString(survey.year()), survey.id(), survey.publisher().in(language),
                        survey.name().in(language), survey.reported().toString(),
                        respondents.map(each -> Integer.toString(each.asked())).orElse(""),
                        respondents.map(each -> Integer.toString(each.replied())).orElse(""),
                        survey.base().in(language), survey.note().map(note -> note.in(language)).orElse(""),
                        figure.itemId(), decimal(figure.ratio()), figure.label().in(language),
                        figure.approximation().map(note -> note.in(language)).orElse(""),
                        String.join(" ", survey.sources())));
            }
        }
        return rows;
    }

    /**
     * rank, checkpoint, itemId, title, nonCompliant, applicable, nonCompliantShare, complies, share: the items most
     * often 不適合.
     */
    public static List<List<String>> mostOftenNonCompliant(List<NonCompliantItem> ranked, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rank", "checkpoint", "itemId", "title", "nonCompliant", "applicable", "nonCompliantShare",
                "complies", "share"));
        for (NonCompliantItem entry : ranked) {
            ItemFigure item = entry.item();
            rows.add(List.of(Integer.toString(entry.rank()), item.checkpoint().id(), item.itemId(),
                    item.title().in(language), Integer.toString(item.nonCompliant()),
                    Integer.toString(item.share().applicable()), fraction(item.nonCompliant(), item.share().applicable()),
                    Integer.toString(item.share().complies()), fraction(item.share().complies(), item.share().applicable())));
        }
        return rows;
    }

    /**
     * inspectionId, revision, facilityCode, facilityName, inspectionDate, itemId, scope, title, targetDate,
     * daysOverdue: the overdue target dates, most overdue first.
     */
    public static List<List<String>> overdue(List<OverdueFinding> findings, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("inspectionId", "revision", "facilityCode", "facilityName", "inspectionDate", "itemId", "scope",
                "title", "targetDate", "daysOverdue"));
        for (OverdueFinding finding : findings) {
            rows.add(List.of(finding.inspectionId(), Integer.toString(finding.revision()), finding.facilityCode(),
                    finding.facilityName(), finding.inspectionDate().toString(), finding.itemId(),
                    scope(finding.reference()), finding.itemTitle().in(language), finding.targetDate().toString(),
                    Long.toString(finding.daysOverdue())));
        }
        return rows;
    }

    /**
     * fiscalYear, asOf, checkpoint, title, needed, closedInTime, closedLate, open, openPastTarget, medianDaysToClosure:
     * how the findings that needed improvement were followed up to closure, per checkpoint (the ministry's items only),
     * as of the day the figures were read; the median is empty when nothing is closed and may end in .5.
     */
    public static List<List<String>> followUpByCheckpoint(YearClosures closures, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(closureHeader("checkpoint", "title"));
        for (CheckpointClosure checkpoint : closures.checkpoints()) {
            rows.add(withClosure(closures, List.of(checkpoint.checkpoint().id(), checkpoint.title().in(language)),
                    checkpoint.closure()));
        }
        return rows;
    }

    /**
     * fiscalYear, asOf, checkpoint, itemId, scope, checklistNumber, title, needed, closedInTime, closedLate, open,
     * openPastTarget, medianDaysToClosure: the same per item with any finding that needed improvement, the
     * checklist's items first, then the 参考 ones (scope {@code reference}).
     */
    public static List<List<String>> followUpByItem(YearClosures closures, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(closureHeader("checkpoint", "itemId", "scope", "checklistNumber", "title"));
        for (ItemClosure item : closures.items()) {
            rows.add(withClosure(closures, List.of(item.checkpoint().id(), item.itemId(), scope(item.reference()),
                    item.checklistNumber().orElse(""), item.title().in(language)), item.closure()));
        }
        return rows;
    }

    private static List<String> closureHeader(String... naming) {
        List<String> header = new ArrayList<>(List.of("fiscalYear", "asOf"));
        header.addAll(List.of(naming));
        header.addAll(List.of("needed", "closedInTime", "closedLate", "open", "openPastTarget", "medianDaysToClosure"));
        return header;
    }

    private static List<String> withClosure(YearClosures closures, List<String> naming, Closure closure) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(closures.fiscalYear().year()),
                closures.today().toString()));
        row.addAll(naming);
        row.addAll(List.of(Integer.toString(closure.needed()), Integer.toString(closure.closedInTime()),
                Integer.toString(closure.closedLate()), Integer.toString(closure.open()),
                Integer.toString(closure.pastTarget()), closure.medianDays().map(DashboardTables::decimal).orElse("")));
        return row;
    }

    /** How a table names an item's place: an item of the ministry's checklist, or 参考. */
    private static String scope(boolean reference) {
        return reference ? "reference" : "checklist";
    }

    /** fiscalYear, checkpoint, title, complies, applicable, share: per checkpoint, one block of rows per year. */
    public static List<List<String>> checkpointsByYear(List<YearCheckpoints> years, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fiscalYear", "checkpoint", "title", "complies", "applicable", "share"));
        for (YearCheckpoints year : years) {
            addCheckpoints(rows, year.fiscalYear(), year.checkpoints(), language);
        }
        return rows;
    }

    private static void addCheckpoints(List<List<String>> rows, FiscalYear year, List<CheckpointFigure> checkpoints,
                                       Language language) {
        for (CheckpointFigure checkpoint : checkpoints) {
            rows.add(withShare(List.of(Integer.toString(year.year()), checkpoint.checkpoint().id(),
                    checkpoint.title().in(language)), checkpoint.share()));
        }
    }

    /** {@code leading} followed by complies, applicable and share; modifiable, for more cells to follow. */
    private static List<String> withShare(List<String> leading, Share share) {
        List<String> row = new ArrayList<>(leading);
        row.add(Integer.toString(share.complies()));
        row.add(Integer.toString(share.applicable()));
        row.add(fraction(share.complies(), share.applicable()));
        return row;
    }

    /** {@code part / whole} with four decimal places, rounded half up (2/3 → 0.6667); empty when whole is 0. */
    static String fraction(int part, int whole) {
        return whole == 0 ? "" : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), PLACES, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A number as short as it is exact: 0.959, 251.5, 210 (never 210.0). */
    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
