package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test vector of docs/bundle-format.md, both ways: the app writes exactly the committed bundle from the
 * vector's key and content, and the committed files check out with nothing of the app but what they name: the
 * file begins with the signed text, the JDK's own Ed25519 verifies the signature over it with RFC 8032's public
 * key, and each audit hash is the SHA-256 of the text the documentation describes. The documentation quotes the
 * signed text and the signature verbatim.
 */
class BundleFormatVectorTest {

    private static final Path VECTOR = Path.of(System.getProperty("basedir", ".")).resolve(BundleFormatVector.FOLDER);
    private static final Path DOCUMENTATION = Path.of(System.getProperty("basedir", ".")).resolve("docs/bundle-format.md");

    @TempDir
    Path folder;

    @Test
    void theAppWritesExactlyTheCommittedVector() throws IOException {
        Path written = BundleFormatVector.write(folder);
        Path committed = bundle();
        assertThat(written.getFileName()).isEqualTo(committed.getFileName());
        assertThat(Files.readAllBytes(written)).as("run BundleFormatVector to bring the vector up to date")
                .isEqualTo(Files.readAllBytes(committed));
        for (String name : List.of(BundleFormatVector.SIGNED_TEXT, BundleFormatVector.SIGNATURE, BundleFormatVector.AUDIT_HASHES)) {
            assertThat(Files.readAllBytes(folder.resolve(name))).as(name).isEqualTo(Files.readAllBytes(VECTOR.resolve(name)));
        }
    }

    @Test
    void theKeyIsRfc8032sFirstTestVector() {
        assertThat(DeviceKeys.publicKeyHex(BundleFormatVector.keys().getPublic())).isEqualTo(BundleFormatVector.PUBLIC_KEY);
    }

    @Test
    void theFileBeginsWithTheSignedTextAndTheJdkVerifiesItsSignature() throws Exception {
        byte[] file = Files.readAllBytes(bundle());
        byte[] signed = Files.readAllBytes(VECTOR.resolve(BundleFormatVector.SIGNED_TEXT));
        String signature = Files.readString(VECTOR.resolve(BundleFormatVector.SIGNATURE), StandardCharsets.US_ASCII).strip();

        String expectedRest = ",\"signature\":\"" + signature + "\",\"attachments\":[{\"data\":\"aGVsbG8=\",\"id\":\""
                + Sha256.hex(BundleFormatVector.ATTACHMENT) + "\",\"index\":0}]}";
        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo(new String(signed, 0, signed.length - 1, StandardCharsets.UTF_8) + expectedRest);
        assertThat(signed[signed.length - 1]).isEqualTo((byte) '}');
        assertThat(verify(signed, signature)).isTrue();
        signed[signed.length / 2] ^= 1;
        assertThat(verify(signed, signature)).as("one bit of the text changed").isFalse();
    }

    @Test
    void everyAuditHashIsTheSha256OfTheDocumentedText() throws Exception {
        List<String> lines = Files.readAllLines(VECTOR.resolve(BundleFormatVector.AUDIT_HASHES), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).hasSize(3);
        String previous = "0".repeat(64);
        for (String line : lines) {
            String[] columns = line.split("\t", 3);
            String input = BundleJson.MAPPER.readTree(columns[2]).textValue();
            assertThat(input).as("the previous hash is the last field").endsWith(previous.length() + ":" + previous + "\n");
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
            assertThat(hash).as("event %s", columns[0]).isEqualTo(columns[1]);
            previous = hash;
        }
        assertThat(BundleJson.MAPPER.readTree(lines.get(1).split("\t", 3)[2]).textValue())
                .as("a character outside the BMP counts two UTF-16 code units").contains("18:\"非常用\" C:\\backup\u001f🏥\n");
    }

    @Test
    void theReaderAcceptsTheVectorAndAnOfficeImportsIt() {
        try (BundleReader reader = BundleReader.open(bundle())) {
            assertThat(reader.readAttachments(null)).hasSize(1);
            assertThat(reader.header().deviceId()).isEqualTo("vector-tablet");
        }
        try (Workspace office = Offices.open(folder.resolve("office"), Clock.fixed(Instant.parse("2026-06-02T00:00:00Z"),
                ZoneOffset.UTC))) {
            ImportOutcome outcome = office.sync().importFile(bundle(), true);
            assertThat(outcome.result()).as(outcome.toString()).isEqualTo(ImportOutcome.Result.IMPORTED);
            assertThat(office.chainVerifier().verifyAll().ok()).isTrue();
        }
    }

    @Test
    void theDocumentationQuotesTheSignedTextAndTheSignature() throws IOException {
        String documentation = Files.readString(DOCUMENTATION, StandardCharsets.UTF_8);
        assertThat(documentation)
                .contains(Files.readString(VECTOR.resolve(BundleFormatVector.SIGNED_TEXT), StandardCharsets.UTF_8))
                .contains(Files.readString(VECTOR.resolve(BundleFormatVector.SIGNATURE), StandardCharsets.US_ASCII).strip())
                .contains(BundleFormatVector.SEED).contains(BundleFormatVector.PUBLIC_KEY);
    }

    private static boolean verify(byte[] text, String signatureHex) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(DeviceKeys.publicKey(BundleFormatVector.PUBLIC_KEY));
        signature.update(text);
        return signature.verify(HexFormat.of().parseHex(signatureHex));
    }

    private static Path bundle() {
        try (Stream<Path> files = Files.list(VECTOR)) {
            return files.filter(file -> file.getFileName().toString().startsWith("tachiiri_")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
