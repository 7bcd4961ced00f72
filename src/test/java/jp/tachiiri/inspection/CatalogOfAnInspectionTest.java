package jp.tachiiri.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.Inspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inspection follows the catalog of its own fiscal year, not the newest one: an FY2025 inspection recorded after
 * 2026.1 shipped still follows 2025.1, and keeps it.
 */
class CatalogOfAnInspectionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path folder;

    @Test
    void theCatalogOfAFiscalYearIsTheNewestNotAfterIt() {
        CatalogLibrary library = CatalogLibrary.bundled();
        assertThat(library.forFiscalYear(new FiscalYear(2024)).version()).as("before every catalog: the oldest")
                .isEqualTo("2025.1");
        assertThat(library.forFiscalYear(new FiscalYear(2025)).version()).isEqualTo("2025.1");
        assertThat(library.forFiscalYear(new FiscalYear(2026)).version()).isEqualTo("2026.1");
        assertThat(library.forFiscalYear(new FiscalYear(2030)).version()).isEqualTo(library.latest().version());
    }

    @Test
    void anInspectionTakesTheCatalogOfItsDatesFiscalYear() {
        try (Workspace workspace = Workspace.open(folder, CLOCK)) {
            Facility facility = new Facility("f-1", "1300000001", "テスト病院", "てすと", "テスト県", FacilityType.HOSPITAL, 120,
                    true, true, List.of(), List.of(), false);
            workspace.facilities().save(facility);
            Inspection lastDayOfFy2025 = start(workspace, LocalDate.of(2026, 3, 31));
            Inspection firstDayOfFy2026 = start(workspace, LocalDate.of(2026, 4, 1));

            assertThat(lastDayOfFy2025.catalogVersion()).isEqualTo("2025.1");
            assertThat(firstDayOfFy2026.catalogVersion()).isEqualTo("2026.1");
            Catalog older = workspace.inspections().catalogOf(lastDayOfFy2025);
            assertThat(older.version()).isEqualTo("2025.1");
            assertThat(workspace.inspections().find(lastDayOfFy2025.id()).orElseThrow().catalogVersion())
                    .as("kept once started").isEqualTo("2025.1");
        }
    }

    private static Inspection start(Workspace workspace, LocalDate date) {
        return workspace.inspections().start(new NewInspection("f-1", date, List.of("検査 一郎"), List.of(), false),
                "tester");
    }
}
