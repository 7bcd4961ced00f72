package jp.tachiiri.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.dashboard.DashboardRepository.ClosureTally;
import jp.tachiiri.dashboard.DashboardRepository.GroupTally;
import jp.tachiiri.dashboard.DashboardRepository.ItemTally;
import jp.tachiiri.dashboard.DashboardRepository.OverdueTarget;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.LocalizedText;
import jp.tachiiri.model.MinistryItem;

/**
 * The figures of the supervisors' dashboard, for a chosen fiscal year and compared with earlier years. The store
 * aggregates ({@link DashboardRepository}); this class puts the counts into catalog order and adds the catalog's
 * texts; {@link YearFigures#against} sets them beside a national survey's ({@link NationalSurveys}).
 * {@link DashboardTables} turns every figure into rows for export.
 *
 * <h2>Definitions</h2>
 * <ul>
 * <li><b>Counted inspections of fiscal year Y</b> ({@link FiscalYear}: 1 April Y to 31 March Y+1): each inspection
 *     whose newest FINALIZED revision has its inspection date within Y. That revision's findings count, and its
 *     revision_facility (the facility as it was when finalized) gives the bed count. An older finalized revision
 *     never counts, nor does a newer revision still in progress; an inspection with no finalized revision does not
 *     count. Demo inspections (inspections.demo = 1, the fictitious デモ県) count only in a store that holds
 *     nothing else: the demo shows figures, and they never mix with real ones.</li>
 * <li><b>Applicable</b>: an item is applicable in an inspection when it is answered with anything but
 *     NOT_APPLICABLE (該当なし); an unanswered item is not counted at all. <b>Complies</b>: COMPLIANT (適合) or
 *     ALTERNATIVE (代替措置). <b>Share</b> = complies / applicable, none when applicable = 0 ({@link Share}).
 *     Answers YES/NO (the gate question, {@code gate.medical-information-system}) are left out of every share.</li>
 * <li><b>Per item</b>: the share over the counted inspections; {@code nonCompliant} counts its NON_COMPLIANT answers.
 *     The items listed for Y are those of the catalog for Y (the newest catalog version whose fiscal year is at most
 *     Y) plus any other item answered in Y, in catalog order (newest catalog first); items no catalog knows are left
 *     out.</li>
 * <li><b>Per checkpoint</b> (a facility-level share, like the item's): a checkpoint applies to an inspection when at
 *     least one of its items is applicable there; the inspection complies with the checkpoint when none of its
 *     applicable items of that checkpoint is NON_COMPLIANT. So "backup 2 of 3" means: of the 3 hospitals where some
 *     backup item applied, 2 had no backup item 不適合.</li>
 * <li><b>Per bed band</b>: the same figures for the inspections of each {@link BedBand} (licensed beds &lt;200,
 *     200–399, 400+, from revision_facility.licensed_beds).</li>
 * <li><b>Hospitals' self-checks against inspectors</b> (per item of the ministry's checklist): of the rows of the
 *     hospital's own form (医療機関確認用) in the counted inspections, those the inspector confirmed (確認, AGREES)
 *     and contradicted (相違, DIFFERS); the share of disagreement is 相違 / (確認 + 相違), none when that is 0.
 *     未確認 (NOT_CONFIRMED) and rows without a confirmation are left out of the base and counted beside it. A row
 *     whose number the year's catalog does not have is not shown. {@link YearFigures#inspectionsWithHospitalForm}
 *     says how many counted inspections hold any row of the form.</li>
 * <li><b>Most often 不適合</b>: items with at least one NON_COMPLIANT answer in Y, by that count (most first), ties
 *     in catalog order; each with its share.</li>
 * <li><b>Overdue target dates</b>: the NON_COMPLIANT findings of Y's counted inspections whose target date (目標日)
 *     is before a given "today" (a parameter, never the clock); days overdue = days from the target date to today;
 *     the most overdue first, then by inspection id and catalog order.</li>
 * <li><b>Followed up to closure</b> ({@link #closures}): the NON_COMPLIANT findings of Y's counted inspections
 *     (those that needed improvement, as the follow-up lists them), each as the office last assessed it: closed when
 *     assessed 改善済 (CLOSED), in time when the hospital's day of doing it (doneOn) is on or before the target date
 *     the inspection gave the finding (or it has none), late otherwise; open when not closed, past its target when its
 *     target date — the new one agreed for a finding 対応中 — is before a given "today". Days to closure = doneOn −
 *     inspection date, their median over the closed findings ({@link Closure}: an even count takes the mean of the
 *     two middle ones). Per checkpoint the ministry's items only; 参考 items have rows of their own, listed after.
 *     Counted in the store for one year, like every other figure (see SqliteDashboard#closureTallies).</li>
 * <li><b>Compared with earlier years</b>: {@link #checkpointsByYear} gives the per-checkpoint figures of each year
 *     asked for; {@link #year} for each year gives the rest.</li>
 * </ul>
 */
public final class Dashboard {

    private final DashboardRepository repository;
    private final CatalogLibrary catalogs;

    public Dashboard(DashboardRepository repository, CatalogLibrary catalogs) {
        this.repository = repository;
        this.catalogs = catalogs;
    }

    /** The fiscal years with counted inspections, newest first. */
    public List<FiscalYear> years() {
        return repository.countedDates().stream().map(FiscalYear::of).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** Every figure of fiscal year {@code fiscalYear} (2025 = 令和7年度) except the overdue target dates. */
    public YearFigures year(int fiscalYear) {
        FiscalYear year = new FiscalYear(fiscalYear);
        Map<String, CatalogItem> known = knownItems();
        return new YearFigures(year, repository.countedInspections(year), repository.inspectionsWithHospitalForm(year),
                checkpointFigures(year, known), ministryItemFigures(year), itemFigures(year, known));
    }

    /** The per-checkpoint figures of each year asked for, in the order asked. */
    public List<YearCheckpoints> checkpointsByYear(List<Integer> fiscalYears) {
        Map<String, CatalogItem> known = knownItems();
        List<YearCheckpoints> years = new ArrayList<>();
        for (int fiscalYear : fiscalYears) {
            FiscalYear year = new FiscalYear(fiscalYear);
            int inspections = repository.countedInspections(year).values().stream().mapToInt(Integer::intValue).sum();
            years.add(new YearCheckpoints(year, inspections, checkpointFigures(year, known)));
        }
        return years;
    }

    /** The {@code limit} items of the ministry's checklist most often answered 不適合 in the year (参考 items not). */
    public List<NonCompliantItem> mostOftenNonCompliant(int fiscalYear, int limit) {
        FiscalYear year = new FiscalYear(fiscalYear);
        return mostOftenNonCompliant(itemFigures(year, knownItems()), limit);
    }

    /** The {@code limit} items most often answered 不適合 among figures already computed (no further query). */
    public static List<NonCompliantItem> mostOftenNonCompliant(YearFigures figures, int limit) {
        return mostOftenNonCompliant(figures.items(), limit);
    }

    private static List<NonCompliantItem> mostOftenNonCompliant(List<ItemFigure> itemsInCatalogOrder, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        // A stable sort: items with the same count stay in catalog order. A 参考 item is never the ministry's 不適合.
        List<ItemFigure> ranked = itemsInCatalogOrder.stream().filter(item -> !item.reference())
                .filter(item -> item.nonCompliant() > 0)
                .sorted(Comparator.comparingInt(ItemFigure::nonCompliant).reversed())
                .limit(limit)
                .toList();
        List<NonCompliantItem> result = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            result.add(new NonCompliantItem(i + 1, ranked.get(i)));
        }
        return result;
    }

    /** The 不適合 findings of the year's counted inspections whose target date is before {@code today}. */
    public List<OverdueFinding> overdue(int fiscalYear, LocalDate today) {
        Map<String, CatalogItem> known = knownItems();
        Map<String, Integer> order = catalogOrder(known);
        return repository.overdueTargets(new FiscalYear(fiscalYear), today).stream()
                .filter(target -> target.targetDate().isBefore(today))
                .map(target -> overdueFinding(target, known.get(target.itemId()), today))
                .sorted(Comparator.comparingLong(OverdueFinding::daysOverdue).reversed()
                        .thenComparing(OverdueFinding::inspectionId)
                        .thenComparing(finding -> order.getOrDefault(finding.itemId(), Integer.MAX_VALUE))
                        .thenComparing(OverdueFinding::itemId))
                .toList();
    }

    private static OverdueFinding overdueFinding(OverdueTarget target, CatalogItem item, LocalDate today) {
        LocalizedText title = item == null ? new LocalizedText(target.itemId(), target.itemId()) : item.title();
        return new OverdueFinding(target.inspectionId(), target.revision(), target.facilityCode(), target.facilityName(),
                target.inspectionDate(), target.itemId(), title, item != null && item.isReference(), target.targetDate(),
                ChronoUnit.DAYS.between(target.targetDate(), today));
    }

    /**
     * How the 不適合 findings of the year's counted inspections were followed up to closure, on {@code today}: per
     * checkpoint by the ministry's items (参考 items are advice, never in a checkpoint's figures, as in its shares), and
     * per item with any such finding, the ministry's first, then the 参考 items apart.
     */
    public YearClosures closures(int fiscalYear, LocalDate today) {
        FiscalYear year = new FiscalYear(fiscalYear);
        Map<String, List<ClosureTally>> byItem = new HashMap<>();
        for (ClosureTally tally : repository.closureTallies(year, today)) {
            byItem.computeIfAbsent(tally.itemId(), id -> new ArrayList<>()).add(tally);
        }
        Map<Checkpoint, List<ClosureTally>> byCheckpoint = new EnumMap<>(Checkpoint.class);
        List<ItemClosure> items = new ArrayList<>();
        for (CatalogItem item : knownItems().values()) {
            List<ClosureTally> tallies = byItem.get(item.id());
            if (tallies == null) {
                continue;
            }
            items.add(new ItemClosure(item.id(), item.checkpoint(), item.title(),
                    item.ministryItem().map(MinistryItem::label), Closure.of(tallies)));
            if (!item.isReference()) {
                byCheckpoint.computeIfAbsent(item.checkpoint(), checkpoint -> new ArrayList<>()).addAll(tallies);
            }
        }
        Map<Checkpoint, LocalizedText> titles = checkpointTitles();
        List<CheckpointClosure> checkpoints = new ArrayList<>();
        for (Checkpoint checkpoint : Checkpoint.values()) {
            checkpoints.add(new CheckpointClosure(checkpoint, titles.getOrDefault(checkpoint,
                    new LocalizedText(checkpoint.id(), checkpoint.id())),
                    Closure.of(byCheckpoint.getOrDefault(checkpoint, List.of()))));
        }
        // A stable sort: each part stays in catalog order.
        return new YearClosures(year, today, checkpoints,
                items.stream().sorted(Comparator.comparing(ItemClosure::reference)).toList());
    }

    /** Whether facilities comply with each checkpoint, judged by the ministry's items: 参考 items do not count. */
    private List<CheckpointFigure> checkpointFigures(FiscalYear year, Map<String, CatalogItem> known) {
        Map<String, String> checkpointOfItem = new LinkedHashMap<>();
        known.values().stream().filter(item -> !item.isReference())
                .forEach(item -> checkpointOfItem.put(item.id(), item.checkpoint().id()));
        Map<Checkpoint, Map<BedBand, Share>> shares = new EnumMap<>(Checkpoint.class);
        for (GroupTally tally : repository.groupTallies(year, checkpointOfItem)) {
            shares.computeIfAbsent(Checkpoint.fromId(tally.group()).orElseThrow(),
                    checkpoint -> new EnumMap<>(BedBand.class)).merge(tally.band(), tally.share(), Share::plus);
        }
        Map<Checkpoint, LocalizedText> titles = checkpointTitles();
        List<CheckpointFigure> figures = new ArrayList<>();
        for (Checkpoint checkpoint : Checkpoint.values()) {
            Map<BedBand, Share> byBand = shares.getOrDefault(checkpoint, Map.of());
            figures.add(new CheckpointFigure(checkpoint, titles.getOrDefault(checkpoint,
                    new LocalizedText(checkpoint.id(), checkpoint.id())), total(byBand), byBand));
        }
        return figures;
    }

    /**
     * Each item of the ministry's checklist of the year's catalog with one share made from its parts, as the
     * ministry's form has one answer for it: a facility complies with 3-② when none of its seven parts is 不適合; and
     * how the hospitals' own answers to it were confirmed.
     */
    private List<MinistryItemFigure> ministryItemFigures(FiscalYear year) {
        Catalog catalog = catalogs.forFiscalYear(year);
        Map<String, String> numberOfItem = new LinkedHashMap<>();
        catalog.items().forEach(item -> item.ministryItem()
                .ifPresent(ministry -> numberOfItem.put(item.id(), ministry.number())));
        Map<String, Map<BedBand, Share>> shares = new HashMap<>();
        for (GroupTally tally : repository.groupTallies(year, numberOfItem)) {
            shares.computeIfAbsent(tally.group(), number -> new EnumMap<>(BedBand.class))
                    .merge(tally.band(), tally.share(), Share::plus);
        }
        Map<String, Disagreement> disagreements = repository.disagreements(year);
        List<MinistryItemFigure> figures = new ArrayList<>();
        for (MinistryItem item : catalog.ministryItems()) {
            Map<BedBand, Share> byBand = shares.getOrDefault(item.number(), Map.of());
            figures.add(new MinistryItemFigure(item.label(), item.wording(), catalog.partsOf(item).size(), total(byBand),
                    byBand, disagreements.getOrDefault(item.number(), Disagreement.NONE)));
        }
        return figures;
    }

    private List<ItemFigure> itemFigures(FiscalYear year, Map<String, CatalogItem> known) {
        Map<String, Map<BedBand, Share>> shares = new HashMap<>();
        Map<String, Integer> nonCompliant = new HashMap<>();
        for (ItemTally tally : repository.itemTallies(year)) {
            shares.computeIfAbsent(tally.itemId(), id -> new EnumMap<>(BedBand.class))
                    .merge(tally.band(), tally.share(), Share::plus);
            nonCompliant.merge(tally.itemId(), tally.nonCompliant(), Integer::sum);
        }
        Set<String> shown = new HashSet<>(shares.keySet());
        catalogs.forFiscalYear(year).items().forEach(item -> shown.add(item.id()));
        List<ItemFigure> figures = new ArrayList<>();
        for (CatalogItem item : known.values()) {
            if (!shown.contains(item.id())) {
                continue;
            }
            Map<BedBand, Share> byBand = shares.getOrDefault(item.id(), Map.of());
            figures.add(new ItemFigure(item.id(), item.checkpoint(), item.title(),
                    item.ministryItem().map(MinistryItem::label), total(byBand), byBand,
                    nonCompliant.getOrDefault(item.id(), 0)));
        }
        return figures;
    }

    /** Every item any catalog knows, newest catalog's definition and order first, then items only older ones have. */
    private Map<String, CatalogItem> knownItems() {
        List<Catalog> all = catalogs.all();
        Map<String, CatalogItem> known = new LinkedHashMap<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            for (CatalogItem item : all.get(i).items()) {
                known.putIfAbsent(item.id(), item);
            }
        }
        return known;
    }

    private static Map<String, Integer> catalogOrder(Map<String, CatalogItem> known) {
        Map<String, Integer> order = new HashMap<>();
        for (String id : known.keySet()) {
            order.put(id, order.size());
        }
        return order;
    }

    /** The newest catalog version made for the year or an earlier one; the oldest there is when none. */

    private Map<Checkpoint, LocalizedText> checkpointTitles() {
        Map<Checkpoint, LocalizedText> titles = new EnumMap<>(Checkpoint.class);
        for (CheckpointSection section : catalogs.latest().sections()) {
            titles.put(section.checkpoint(), section.title());
        }
        return titles;
    }

    private static Share total(Map<BedBand, Share> byBand) {
        return byBand.values().stream().reduce(Share.NONE, Share::plus);
    }

    /** {@code values} with every band present, {@code missing} where it had none; unmodifiable, in band order. */
    static <V> Map<BedBand, V> everyBand(Map<BedBand, V> values, V missing) {
        EnumMap<BedBand, V> all = new EnumMap<>(BedBand.class);
        for (BedBand band : BedBand.values()) {
            V value = values.get(band);
            all.put(band, value == null ? missing : value);
        }
        return Collections.unmodifiableMap(all);
    }
}
