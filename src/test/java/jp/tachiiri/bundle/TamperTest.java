package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The tablet that signs the bundle, and the office it is addressed (and for the sealed copies, sealed) to. */
    private static final DeviceIdentity TABLET = TestDevices.fresh("tamper-tablet");
    private static final DeviceIdentity OFFICE = TestDevices.fresh("tamper-office");

    @TempDir
    Path folder;

    /**
     * Every single-bit change of a sealed bundle is refused: in the ciphertext (and the key slots it binds) as a broken
     * seal, in the envelope line as whatever that line no longer is; never read on.
     */
    @Test
    void everySingleBitChangeOfASealedBundleIsRejected() throws IOException {
        byte[] bytes = TestDevices.seal(Files.readAllBytes(writeBundle()), TABLET, List.of(OFFICE.asRecipient()));
        int lineLength = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
        Path copy = Files.createDirectories(folder.resolve("sealed")).resolve("changed.tachiiri");
        Files.write(copy, bytes);
        try (BundleReader reader = BundleReader.open(copy, OFFICE)) {
            assertThat(reader.readAttachments(null)).as("the sealed bundle as it was").hasSize(1);
        }

        Map<String, Integer> inLine = new TreeMap<>();
        Map<String, Integer> inContent = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        for (int position = 0; position < bytes.length; position++) {
            bytes[position] ^= 0x01;
            Files.write(copy, bytes);
            bytes[position] ^= 0x01;
            try (BundleReader reader = BundleReader.open(copy, OFFICE)) {
                reader.readAttachments(null);
                accepted.add("byte " + position);
            } catch (BundleException e) {
                (position < lineLength ? inLine : inContent).merge(e.key(), 1, Integer::sum);
            }
        }

        assertThat(accepted).as("changes the reader accepted").isEmpty();
        assertThat(inContent).as("changes of the ciphertext").containsOnlyKeys("bundle.error.sealBroken");
        assertThat(inLine).as("changes of the envelope line").containsKeys("bundle.error.envelope", "bundle.error.sealBroken",
                "bundle.error.notForUs");
    }

    @Test
    void everySingleByteChangeIsRejected() throws IOException {
        Path original = writeBundle();
        try (BundleReader reader = BundleReader.openUnsealed(original)) {
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
                try (BundleReader reader = BundleReader.openUnsealed(copy)) {
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

    /**
     * A file that says exactly what the bundle says, spelt another way, is rejected too, and told apart: as not
     * the one spelling, as not UTF-8, or (a number) as without a canonical form, never as a wrong signature.
     */
    @Test
    void respeltCopiesThatMeanTheSameAreRejected() throws IOException {
        Path original = writeBundle();
        byte[] bytes = Files.readAllBytes(original);
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode meaning = BundleJson.MAPPER.readTree(bytes);
        ObjectNode reordered = BundleJson.MAPPER.createObjectNode();
        reordered.set("format", meaning.get("format"));
        meaning.properties().forEach(member -> reordered.set(member.getKey(), member.getValue()));

        Map<String, byte[]> respelt = new TreeMap<>();
        respelt.put("escape in upper case", utf8(text.replaceFirst("\\\\u001f", "\\\\u001F")));
        respelt.put("escaped solidus", utf8(text.replaceFirst("2023/版", "2023\\\\/版")));
        respelt.put("escaped kanji", utf8(text.replaceFirst("改ざん検査病院", "\\\\u6539ざん検査病院")));
        respelt.put("space after a colon", utf8(text.replaceFirst(":", ": ")));
        respelt.put("newline between members", utf8(text.replaceFirst(",\"createdAt\"", ",\n\"createdAt\"")));
        respelt.put("newline at the end", utf8(text + "\n"));
        respelt.put("byte order mark", utf8("\ufeff" + text));
        respelt.put("members in another order", BundleJson.MAPPER.writeValueAsBytes(reordered));
        respelt.put("chunk index as -0", utf8(text.replaceFirst("\"index\":0", "\"index\":-0")));
        respelt.put("beds as 8e1", utf8(text.replaceFirst("\"licensedBeds\":80", "\"licensedBeds\":8e1")));
        byte[] overlong = utf8(text.replaceFirst("2023/版", "2023@版"));
        respelt.put("solidus as overlong UTF-8", replaceAt(overlong, text.replaceFirst("2023/版.*", "2023").getBytes(
                StandardCharsets.UTF_8).length, new byte[] {(byte) 0xc0, (byte) 0xaf}));

        Path copy = Files.createDirectories(folder.resolve("respelt")).resolve(original.getFileName());
        Map<String, String> reasons = new TreeMap<>();
        for (Map.Entry<String, byte[]> alteration : respelt.entrySet()) {
            assertThat(alteration.getValue()).as(alteration.getKey()).isNotEqualTo(bytes);
            if (!alteration.getKey().contains("UTF-8") && !alteration.getKey().contains("8e1")) {
                assertThat(BundleJson.MAPPER.readTree(alteration.getValue())).as("%s means the same", alteration.getKey())
                        .isEqualTo(meaning);
            }
            Files.write(copy, alteration.getValue());
            try (BundleReader reader = BundleReader.openUnsealed(copy)) {
                reader.readAttachments(null);
                reasons.put(alteration.getKey(), "accepted");
            } catch (BundleException e) {
                reasons.put(alteration.getKey(), e.key());
            }
        }
        assertThat(reasons).as("what each respelt copy was rejected as").containsOnly(
                entry("byte order mark", "bundle.error.spelling"),
                entry("beds as 8e1", "bundle.error.notCanonical"),
                entry("chunk index as -0", "bundle.error.spelling"),
                entry("escape in upper case", "bundle.error.spelling"),
                entry("escaped kanji", "bundle.error.spelling"),
                entry("escaped solidus", "bundle.error.spelling"),
                entry("members in another order", "bundle.error.spelling"),
                entry("newline at the end", "bundle.error.spelling"),
                entry("newline between members", "bundle.error.spelling"),
                entry("solidus as overlong UTF-8", "bundle.error.invalidUtf8"),
                entry("space after a colon", "bundle.error.spelling"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceAt(byte[] bytes, int at, byte[] replacement) {
        byte[] changed = new byte[bytes.length - 1 + replacement.length];
        System.arraycopy(bytes, 0, changed, 0, at);
        System.arraycopy(replacement, 0, changed, at, replacement.length);
        System.arraycopy(bytes, at + 1, changed, at + replacement.length, bytes.length - at - 1);
        return changed;
    }

    /** A findings bundle of about 2.5 kB: one inspection with Japanese text and one 200-byte attachment. */
    private Path writeBundle() throws IOException {
        byte[] photo = new byte[200];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 37 + 11);
        }
        Path photoFile = Files.write(folder.resolve("台帳.png"), photo);
        String attachment = Sha256.hex(photo);

        BundleRecords.Facility facility = new BundleRecords.Facility("tamper-facility", "1320000002", "改ざん検査病院",
                "かいざんけんさびょういん", "東京都港区試験1-1", 80, true, true, List.of(), false, "hospital",
                List.of());
        BundleRecords.Revision revision = new BundleRecords.Revision(1, "2025.1", "2025-06-03", null, "2025-06-03T01:00:00Z",
                "2025-06-03T02:00:00Z", facility, List.of("改ざん 次郎"), List.of(new BundleRecords.Attendee("院長", "管理者")),
                List.of(new BundleRecords.Finding("gate.medical-information-system", "YES", List.of("INTERVIEW"), "2025-06-03",
                                "", "", "", null, false, "2025-06-03T01:05:00Z"),
                        new BundleRecords.Finding("vulnerability.device-ledger", "NON_COMPLIANT", List.of("DOCUMENT"), "2025-06-03",
                                "台帳が古い「2023/版」\u001f", "", "台帳を更新してください", "2025-09-30", true, "2025-06-03T01:10:00Z")),
                List.of(new BundleRecords.Evidence("tamper-evidence", "vulnerability.device-ledger", "台帳.png", "image/png",
                        attachment, "2025-06-03T01:12:00Z")),
                List.of(new BundleRecords.HospitalFormRow("2-①", "YES", "2025-05-30", null, "DIFFERS", "台帳が古い",
                        "2025-06-03T01:11:00Z")),
                List.of());
        BundleRecords.Inspection inspection = new BundleRecords.Inspection("tamper-inspection", "tamper-facility",
                "2025-06-03T01:00:00Z", false, List.of(revision), List.of());
        return BundleWriter.writeUnsealed(folder.resolve("out"), TABLET, BundleKind.FINDINGS, Instant.parse("2025-06-03T03:00:00Z"),
                BundleRecords.tree(new BundleRecords.FindingsPayload(List.of(inspection))),
                List.of(new BundleWriter.Attachment(attachment, photoFile, "image/png")), List.of(OFFICE.asRecipient()),
                "tamper-bundle").file();
    }

    /** Where, what was there, what it became, and the text around it. */
    private static String describe(byte[] bytes, int position, byte value) {
        int from = Math.max(0, position - 30);
        int to = Math.min(bytes.length, position + 30);
        return String.format("byte %d: 0x%02x -> 0x%02x near \"%s\"", position, bytes[position] & 0xff, value & 0xff,
                new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
}
