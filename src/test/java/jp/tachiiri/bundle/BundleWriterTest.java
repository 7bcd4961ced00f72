package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundle files on a real disk: a bundle's name is never given to another file's bytes. */
class BundleWriterTest {

    private static final Instant CREATED_AT = Instant.parse("2025-06-03T03:00:00Z");
    private static final String BUNDLE_ID = "6f0c5a4e-2b1d-4c7e-9a3f-0d8e7b6a5c41";

    @TempDir
    Path folder;

    @Test
    void aFileOfTheBundlesNameIsNeverOverwrittenAndNothingIsLeftBeside() throws IOException {
        Path outbox = folder.resolve("outbox");
        DeviceIdentity device = BundleFormatVector.device();
        Path first = write(outbox, device).file();
        byte[] before = Files.readAllBytes(first);
        // The same device id, time and bundle id, hence the same name; other keys, hence other bytes.
        DeviceIdentity sameName = TestDevices.withOtherKeys(device);

        BundleException refused = catchThrowableOfType(BundleException.class, () -> write(outbox, sameName));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.key()).isEqualTo("bundle.error.write");
        for (Language language : Language.values()) {
            assertThat(refused.localizedMessage(language)).contains(first.getFileName().toString(), outbox.toString());
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(before);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files).containsExactly(first);
        }
    }

    private static BundleWriter.Written write(Path outbox, DeviceIdentity device) {
        return BundleWriter.writeUnsealed(outbox, device, BundleKind.FINDINGS, CREATED_AT,
                BundleRecords.tree(new BundleRecords.FindingsPayload(List.of())), List.of(),
                List.of(BundleFormatVector.office().asRecipient()), BUNDLE_ID);
    }
}
