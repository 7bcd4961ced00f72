package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.crypto.SealingKeys;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.StoreKeys;
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
        Path written = BundleFormatVector.write(folder, false);
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
    void theSealedVectorOpensAsTheDocumentationSaysToExactlyTheSignedBundle() throws Exception {
        Path sealed = VECTOR.resolve(BundleFormatVector.SEALED);
        byte[] file = Files.readAllBytes(sealed);
        SealedEnvelope envelope = SealedEnvelope.read(sealed);
        DeviceIdentity office = BundleFormatVector.office();

        // By hand: the slot of the office's fingerprint, opened with HPKE over the envelope's context; the content
        // decrypted with the key it holds, with the whole first line as associated data.
        assertThat(envelope.recipientFingerprints()).containsExactly(office.fingerprint());
        assertThat(envelope.senderFingerprint()).isEqualTo(BundleFormatVector.device().fingerprint());
        byte[] contentKey = SealingKeys.open(office.sealing(), envelope.slots().get(0).sealedKey(), envelope.context());
        byte[] plain;
        try (InputStream in = ContentCipher.decrypting(contentKey,
                new ByteArrayInputStream(file, envelope.line().length, file.length - envelope.line().length), envelope.line())) {
            plain = in.readAllBytes();
        }
        assertThat(plain).isEqualTo(Files.readAllBytes(bundle()));
        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("見本病院", "非常用", "hello", "aGVsbG8=");
    }

    @Test
    void theOfficeItIsSealedToImportsItAndNoOtherOpensIt() {
        try (BundleReader reader = BundleReader.open(VECTOR.resolve(BundleFormatVector.SEALED), BundleFormatVector.office())) {
            assertThat(reader.readAttachments(null)).hasSize(1);
            assertThat(reader.header().deviceId()).isEqualTo("vector-tablet");
            assertThat(reader.header().sealed()).isTrue();
        }
        assertThatThrownBy(() -> BundleReader.open(VECTOR.resolve(BundleFormatVector.SEALED), TestDevices.fresh("other-office")))
                .isInstanceOf(BundleException.class).extracting(e -> ((BundleException) e).key()).isEqualTo("bundle.error.notForUs");
        assertThatThrownBy(() -> BundleReader.open(bundle(), null)).as("the signed bundle alone, unsealed")
                .isInstanceOf(BundleException.class).extracting(e -> ((BundleException) e).key())
                .isEqualTo("bundle.error.mustBeSealed");

        Path store = folder.resolve("office");
        Clock clock = Clock.fixed(Instant.parse("2026-06-02T00:00:00Z"), ZoneOffset.UTC);
        Offices.open(store, clock).close();
        StoreKeys.replace(store, BundleFormatVector.office());
        try (Workspace office = Offices.open(store, clock)) {
            ImportOutcome outcome = office.sync().importFile(VECTOR.resolve(BundleFormatVector.SEALED), true);
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
