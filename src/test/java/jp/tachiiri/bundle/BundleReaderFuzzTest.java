package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.tachiiri.testsupport.FuzzingSummary;
import jp.tachiiri.testsupport.Rejections;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a bundle file. The reader accepts them, with exactly the attachments the signed manifest lists,
 * or refuses them with a {@link BundleException} naming the file in both languages; any other exception, a hang
 * or running out of memory is a finding. Kept inputs: {@code BundleReaderFuzzTestInputs/readsAnyBytes/}, the
 * hostile corpus but for its one large file.
 */
@ExtendWith(FuzzingSummary.class)
class BundleReaderFuzzTest {

    private static final String FILE_NAME = "fuzz-input.json";
    /** The vector's office: a sealed input addressed to it is decrypted and read on. */
    private static final DeviceIdentity OFFICE = BundleFormatVector.office();

    @TempDir
    static Path work;

    @FuzzTest
    void readsAnyBytes(byte[] input) throws IOException {
        FuzzingSummary.executed();
        Path file = Files.write(work.resolve(FILE_NAME), input);
        try (BundleReader reader = BundleReader.open(file, OFFICE)) {
            // Checked without being written anywhere: staging them is the importer's part, fuzzed with it.
            Map<String, Path> attachments = reader.readAttachments(null);
            assertThat(attachments.keySet()).containsExactlyInAnyOrderElementsOf(
                    reader.manifest().stream().map(BundleRecords.ManifestEntry::id).toList());
        } catch (BundleException problem) {
            Rejections.assertClear(problem, FILE_NAME);
        }
    }
}
