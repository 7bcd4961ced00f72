package jp.tachiiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.MinistryItem;
import org.junit.jupiter.api.Test;

/**
 * docs/checklist-sources.md ends with the table {@code tachiiri catalog sources --lang en} prints for the newest
 * catalog, so that the table the next year's checklist is compared with is the catalog's own data.
 */
class ChecklistSourcesDocTest {

    private static final Path DOC = Path.of("docs", "checklist-sources.md");

    @Test
    void theDocumentsTableIsTheLatestCatalogs() throws IOException {
        Catalog latest = CatalogLibrary.bundled().latest();
        String table = CatalogCommand.Sources.table(latest, Messages.of(Language.EN));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(doc).as("regenerate the table with: tachiiri catalog sources --lang en").endsWith(table);
        assertThat(table.lines()).hasSize(2 + latest.ministryItems().size());
        for (MinistryItem item : latest.ministryItems()) {
            assertThat(table).contains("| " + item.label() + " | " + item.wording().ja() + " |");
        }
        // 3-② is answered by its seven parts, each named in its row.
        assertThat(table.lines().filter(line -> line.startsWith("| R7 3-② ")).findFirst().orElseThrow())
                .contains("`backup.essential-information`", "`backup.restore-test`", "`recovery.procedures`");
        assertThat(table).doesNotContain("final PDF |");
    }
}
