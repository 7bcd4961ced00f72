package jp.tachiiri.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning at the office without a screen, on a real office store with the demo facility master. */
class PlanningViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path data;

    private Workspace office;
    private PlanningViewModel model;

    @BeforeEach
    void open() {
        office = Offices.open(data, CLOCK);
        office.demo().seedOffice();
        model = new PlanningViewModel(new ViewModelContext(office, new SameThread(), Messages.of(Language.JA)));
        model.load();
    }

    @AfterEach
    void close() {
        office.close();
    }

    private Facility mizuho() {
        return model.facilities().stream().filter(facility -> facility.name().contains("みずほ")).findFirst().orElseThrow();
    }

    private void fill(String inspectorId, LocalDate date) {
        model.facilityProperty().set(mizuho());
        model.inspectorIdProperty().set(inspectorId);
        model.inspectorNameProperty().set("  立入 花子 ");
        model.dateProperty().set(date);
    }

    @Test
    void aCompletePlanIsStoredAndListedSoonestFirst() {
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.facilities()).isNotEmpty();
        assertThat(model.planned()).isEmpty();

        fill("hanako", LocalDate.of(2027, 2, 3));
        model.add();
        fill("taro.s", LocalDate.of(2027, 1, 20));
        model.add();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.planned()).hasSize(2);
        assertThat(model.planned().get(0)).contains("2027年1月20日", "立入 花子", "taro.s");
        assertThat(office.sync().plans()).extracting(plan -> plan.inspectorName()).containsOnly("立入 花子");
    }

    @Test
    void aMissingFieldOrAnIdNoAccountCouldBeIsSaidAndNothingIsPlanned() {
        fill("hanako", null);
        model.add();
        assertThat(model.errorProperty().get()).isEqualTo(Messages.of(Language.JA).get("planning.incomplete"));

        fill("hanako", null);
        assertThat(model.typeDate("２０２７／０２／３０")).isFalse();
        assertThat(model.errorProperty().get()).as("the field named").contains("予定日", "２０２７／０２／３０");
        assertThat(model.typeDate("２０２７／０２／０３")).isTrue();
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2027, 2, 3));

        fill("立入", LocalDate.of(2027, 2, 3));
        model.add();
        assertThat(model.errorProperty().get()).contains("立入", "英数字");

        assertThat(model.planned()).isEmpty();
        assertThat(office.sync().plans()).isEmpty();
    }
}
