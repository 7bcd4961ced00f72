package jp.tachiiri.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.testsupport.FuzzingSummary;
import jp.tachiiri.testsupport.Rejections;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Any bytes as a catalog file. The loader accepts them or refuses them with a {@link CatalogException} naming
 * the source in both languages; anything else is a finding. A catalog it accepts must load the same again from
 * the text an office stores for it (the JSON tree written back, as the import of an assignments bundle keeps
 * it), or the office could not open its data folder afterwards. Kept inputs:
 * {@code CatalogLoaderFuzzTestInputs/loadsAnyBytes/}.
 */
@ExtendWith(FuzzingSummary.class)
class CatalogLoaderFuzzTest {

    private static final String SOURCE = "fuzz-input.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void loadsAnyBytes(byte[] input) throws IOException {
        FuzzingSummary.executed();
        Catalog catalog;
        try {
            catalog = new CatalogLoader().load(new ByteArrayInputStream(input), SOURCE);
        } catch (CatalogException problem) {
            Rejections.assertClear(problem, SOURCE);
            return;
        }
        String stored = JSON.readTree(input).toString();
        assertThat(new CatalogLoader().load(new ByteArrayInputStream(stored.getBytes(StandardCharsets.UTF_8)), SOURCE))
                .isEqualTo(catalog);
    }
}
