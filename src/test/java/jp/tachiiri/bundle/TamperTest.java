package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every single-byte change of a signed bundle is noticed: for each byte of a small bundle written by
 * {@link BundleWriter}, and for several replacement values of it, reading the changed copy (both steps, the
 * attachments included) fails with a {@link BundleException}. Nothing is accepted, and nothing fails in any
 * other way.
 */
class TamperTest {

    /** Replacements per byte: the byte with its lowest bit flipped, with its "case" bit flipped, and with its top bit flipped. */
    private static final int[] FLIPS = {0x01, 0x20, 0x80};

    @TempDir
    Path folder;

    @Test
    void everySingleByteChangeIsRejected() throws IOException {
        Path original = writeBundle();
        try (BundleReader reader = BundleReader.open(original)) {
            assertThat(reader.readAttachments(null)).hasSize(1);
        }
        byte[] bytes = Files.readAllBytes(original);
        Path copy = Files.createDirectories(folder.resolve("changed")).resolve(original.getFileName());

        List<String> accepted = new ArrayList<>();
        List<String> failedOtherwise = new ArrayList<>();
        Map<String, Integer> keys = new TreeMap<>();
        int tried = 0;
        long start = System.nanoTime();
        for (int position = 0; position < bytes.length; position++) {
            byte was = bytes[position];
            for (int flip : FLIPS) {
                byte value = (byte) (was ^ flip);
                if (value == was) {
                    continue;
                }
                bytes[position] = value;
                Files.write(copy, bytes);
                bytes[position] = was;
                tried++;
                try (BundleReader reader = BundleReader.open(copy)) {
                    reader.readAttachments(null);
                    accepted.add(describe(bytes, position, value));
                } catch (BundleException e) {
                    keys.merge(e.key(), 1, Integer::sum);
                } catch (RuntimeException e) {
                    failedOtherwise.add(describe(bytes, position, value) + ": " + e);
                }
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(tried).isEqualTo(bytes.length * FLIPS.length);
        assertThat(accepted).as("changes the reader accepted (%d tried in %d s; rejected as %s)", tried, seconds, keys).isEmpty();
        assertThat(failedOtherwise).as("changes rejected with something other than a BundleException").isEmpty();
        assertThat(keys).as("the reasons given").containsKeys("bundle.error.badSignature", "bundle.error.schema",
                "bundle.error.notJson", "bundle.error.attachmentHash");
    }

    /** A findings bundle of about 2.5 kB: one inspection with Japanese text and one 200-byte attachment. */
    private Path writeBundle() throws IOException {
        KeyPair keys = DeviceKeys.generate();
        DeviceIdentity device = new DeviceIdentity("tamper-tablet", DeviceKeys.publicKeyHex(keys.getPublic()), keys.getPrivate());
        byte[] photo = new byte[200];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 37 + 11);
        }
        Path photoFile = Files.write(folder.resolve("台帳.png"), photo);
        String attachment = Sha256.hex(photo);

        BundleRecords.Facility facility = new BundleRecords.Facility("tamper-facility", "1320000002", "改ざん検査病院",
                "かいざんけんさびょういん", "東京都港区試験1-1", 80, true, true, List.of(), false);
        BundleRecords.Revision revision = new BundleRecords.Revision(1, "2025.1", "2025-06-03", null, "2025-06-03T01:00:00Z",
                "2025-06-03T02:00:00Z", facility, List.of("改ざん 次郎"), List.of(new BundleRecords.Attendee("院長", "管理者")),
                List.of(new BundleRecords.Finding("gate.medical-information-system", "YES", List.of("INTERVIEW"), "2025-06-03",
                                "", "", "", null, false, "2025-06-03T01:05:00Z"),
                        new BundleRecords.Finding("vulnerability.device-ledger", "NON_COMPLIANT", List.of("DOCUMENT"), "2025-06-03",
                                "台帳が古い「2023年版」", "", "台帳を更新してください", "2025-09-30", true, "2025-06-03T01:10:00Z")),
                List.of(new BundleRecords.Evidence("tamper-evidence", "vulnerability.device-ledger", "台帳.png", "image/png",
                        attachment, "2025-06-03T01:12:00Z")));
        BundleRecords.Inspection inspection = new BundleRecords.Inspection("tamper-inspection", "tamper-facility",
                "2025-06-03T01:00:00Z", false, List.of(revision), List.of());
        return BundleWriter.write(folder.resolve("out"), device, BundleKind.FINDINGS, Instant.parse("2025-06-03T03:00:00Z"),
                BundleRecords.tree(new BundleRecords.FindingsPayload(List.of(inspection))),
                List.of(new BundleWriter.Attachment(attachment, photoFile, "image/png"))).file();
    }

    /** Where, what was there, what it became, and the text around it. */
    private static String describe(byte[] bytes, int position, byte value) {
        int from = Math.max(0, position - 30);
        int to = Math.min(bytes.length, position + 30);
        return String.format("byte %d: 0x%02x -> 0x%02x near \"%s\"", position, bytes[position] & 0xff, value & 0xff,
                new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
}
