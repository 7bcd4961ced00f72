package jp.tachiiri.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.testsupport.SettableClock;
import jp.tachiiri.testsupport.StoreDump;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's self-check workbooks without a screen, on a real office store: what the writing says, and the import
 * going file by file, a refused file listed with its reason and stopping no other.
 */
class SelfCheckWorkbooksViewModelTest {

    @TempDir
    Path folder;
    private Workspace office;
    private SelfCheckWorkbooksViewModel model;

    @BeforeEach
    void open() {
        office = Offices.open(folder.resolve("office"), new SettableClock(Instant.parse("2026-05-25T01:00:00Z")));
        PlanSelfChecks.planned(office, LocalDate.parse("2026-06-15"));
        model = new SelfCheckWorkbooksViewModel(new ViewModelContext(office, new SameThread(), Messages.of(Language.JA)));
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void thePeriodStartsTodayAndWritingNeedsAFolder() {
        assertThat(model.fromProperty().get()).isEqualTo(LocalDate.parse("2026-05-25"));
        assertThat(model.toProperty().get()).isEqualTo(LocalDate.parse("2026-08-25"));

        model.write();
        assertThat(model.writtenProperty().get()).isEqualTo("期間と書き出すフォルダを指定してください");

        model.outFolderProperty().set(folder.resolve("out").toString());
        model.fromProperty().set(LocalDate.parse("2027-01-01"));
        model.toProperty().set(LocalDate.parse("2027-03-31"));
        model.write();
        assertThat(model.writtenProperty().get()).isEqualTo("2027年1月1日 から 2027年3月31日 までの予定はありません");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void everyFileOfAFolderIsReadInTurnAndARefusedOneIsListedWithItsReason() throws Exception {
        Path returned = Files.createDirectories(folder.resolve("returned"));
        Files.writeString(returned.resolve("a-not-a-workbook.xlsx"), "plain text");
        Files.write(returned.resolve("b-empty.xlsx"), new byte[0]);
        Files.writeString(returned.resolve("notes.txt"), "not a workbook, not read");
        String stored = StoreDump.of(office.databaseFile(), Set.of());

        model.importFrom(List.of(returned));

        assertThat(model.results()).extracting(SelfCheckWorkbooksViewModel.Line::file)
                .containsExactly("a-not-a-workbook.xlsx", "b-empty.xlsx");
        assertThat(model.results()).allSatisfy(line -> {
            assertThat(line.accepted()).isFalse();
            assertThat(line.text()).isNotBlank();
        });
        assertThat(model.progressProperty().get()).isEqualTo("2 ファイルを読み込みました: 取り込み 0、拒否 2");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(StoreDump.of(office.databaseFile(), Set.of())).isEqualTo(stored);
    }

    @Test
    void aFolderWithoutWorkbooksSaysSo() throws Exception {
        model.importFrom(List.of(Files.createDirectories(folder.resolve("empty"))));

        assertThat(model.results()).isEmpty();
        assertThat(model.progressProperty().get()).isEqualTo("取り込む記入済みExcel（.xlsx）がありません");
    }
}
