package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The envelope of a sealed file says the sealed format, or the file is refused as a broken envelope: a file is taken
 * for sealed when "tachiiri-sealed-bundle" appears in its first line (a device id may be spelt so), and only a line
 * that names that format in its "format" member reads on.
 */
class SealedEnvelopeTest {

    @TempDir
    Path folder;

    @Test
    void anEnvelopeThatNamesAnotherFormatIsRefused() throws Exception {
        Path file = withEnvelope(envelope("not-a-sealed-bundle"));

        assertThatThrownBy(() -> SealedEnvelope.read(file)).isInstanceOf(BundleException.class)
                .extracting(e -> ((BundleException) e).key()).isEqualTo("bundle.error.envelope");
    }

    @Test
    void anEnvelopeWithoutAFormatIsRefused() throws Exception {
        ObjectNode envelope = envelope("x");
        envelope.remove("format");
        Path file = withEnvelope(envelope);

        assertThatThrownBy(() -> SealedEnvelope.read(file)).isInstanceOf(BundleException.class)
                .extracting(e -> ((BundleException) e).key()).isEqualTo("bundle.error.envelope");
    }

    private static ObjectNode envelope(String format) {
        ObjectNode line = BundleJson.MAPPER.createObjectNode();
        line.put("format", format);
        line.put("formatVersion", "3.0");
        line.putArray("recipients").addObject().put("fingerprint", "71FA-E9B9-815F-9F89-C502")
                .put("sealedKey", Base64.getEncoder().encodeToString(new byte[80]));
        // A valid device id (BundleJson.ID_PATTERN) that carries the mark the reader looks for.
        line.putObject("sender").put("deviceId", "tachiiri-sealed-bundle").put("fingerprint", "422E-8DD4-B8AE-D6B9-CF40");
        return line;
    }

    private Path withEnvelope(ObjectNode envelope) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(CanonicalJson.bytes(envelope));
        bytes.write('\n');
        bytes.writeBytes(new byte[64]);
        Path file = folder.resolve("envelope.tachiiri");
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
