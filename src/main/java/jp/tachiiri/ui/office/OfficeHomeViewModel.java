package jp.tachiiri.ui.office;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.review.ReviewFilter;
import jp.tachiiri.review.ReviewRow;
import jp.tachiiri.review.ReviewService;
import jp.tachiiri.review.ReviewStatus;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The office's review list: every received inspection read once in the background, filtered in memory as
 * the supervisor types (a FilteredList over a virtualized table stays fluid with tens of thousands of rows),
 * with the count per status of what the other filters let through.
 */
final class OfficeHomeViewModel {

    private final ViewModelContext context;
    private final ReviewService review;
    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ReviewRow> rowsShown = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<ReviewRow> shown = new FilteredList<>(rows);
    private final ObservableList<FiscalYear> fiscalYears = FXCollections.observableArrayList();
    private final ObservableList<FiscalYear> fiscalYearsShown = FXCollections.unmodifiableObservableList(fiscalYears);
    private final ObjectProperty<FiscalYear> fiscalYear = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Checkpoint> nonCompliantIn = new SimpleObjectProperty<>();
    private final ObjectProperty<BedBand> band = new SimpleObjectProperty<>();
    private final StringProperty inspector = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Map<ReviewStatus, Integer>> counts = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<RuntimeException> failure = new ReadOnlyObjectWrapper<>();

    OfficeHomeViewModel(ViewModelContext context) {
        this.context = context;
        this.review = context.workspace().review();
        for (Observable criterion : List.<Observable>of(fiscalYear, status, nonCompliantIn, band, inspector, text)) {
            criterion.addListener(observable -> refilter());
        }
    }

    void load() {
        context.background().submit(review::rows, loaded -> {
            rows.setAll(loaded);
            fiscalYears.setAll(new TreeSet<>(loaded.stream().map(row -> FiscalYear.of(row.date())).toList()).descendingSet());
            refilter();
        }, failure::set);
    }

    private void refilter() {
        ReviewFilter withoutStatus = new ReviewFilter(Optional.ofNullable(fiscalYear.get()), Optional.empty(),
                Optional.ofNullable(nonCompliantIn.get()), Optional.ofNullable(band.get()), inspector.get(), text.get());
        Predicate<ReviewRow> others = review.matcher(withoutStatus);
        Map<ReviewStatus, Integer> perStatus = new EnumMap<>(ReviewStatus.class);
        for (ReviewStatus each : ReviewStatus.values()) {
            perStatus.put(each, 0);
        }
        rows.stream().filter(others).forEach(row -> perStatus.merge(row.status(), 1, Integer::sum));
        counts.set(perStatus);
        ReviewStatus wanted = status.get();
        shown.setPredicate(others.and(row -> wanted == null || row.status() == wanted));
    }

    FilteredList<ReviewRow> shown() {
        return shown;
    }

    ObservableList<ReviewRow> all() {
        return rowsShown;
    }

    ObservableList<FiscalYear> fiscalYears() {
        return fiscalYearsShown;
    }

    ObjectProperty<FiscalYear> fiscalYearProperty() {
        return fiscalYear;
    }

    ObjectProperty<ReviewStatus> statusProperty() {
        return status;
    }

    ObjectProperty<Checkpoint> nonCompliantInProperty() {
        return nonCompliantIn;
    }

    ObjectProperty<BedBand> bandProperty() {
        return band;
    }

    StringProperty inspectorProperty() {
        return inspector;
    }

    StringProperty textProperty() {
        return text;
    }

    ReadOnlyObjectProperty<Map<ReviewStatus, Integer>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RuntimeException> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
