package jp.tachiiri.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.model.AuditEvent;

/**
 * Writes the test vector of docs/bundle-format.md into {@code src/test/resources/bundles/vector/}: a small findings
 * bundle as {@link BundleWriter} signs it (before sealing), the exact text its signature covers, the signature, the
 * audit hashes with the input of each, and the bundle sealed to the vector office. The keys are RFC test vectors
 * (RFC 8032's first two Ed25519 secret keys, RFC 7748's two X25519 keys), so that anyone can check them against the
 * RFCs. Everything but the sealing is fixed, so the same signed bytes come out every time; {@code
 * BundleFormatVectorTest} checks the committed files against what this writes, and checks them both ways.
 *
 * <p>Run from the project's folder after {@code mvn -o test-compile}, like {@code HostileCorpusGenerator}.
 */
public final class BundleFormatVector {

    static final Path FOLDER = Path.of("src", "test", "resources", "bundles", "vector");
    /** RFC 8032, section 7.1, TEST 1: the secret key (the 32-byte seed) and its public key. */
    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /** RFC 8032, section 7.1, TEST 2: the office's signing key. */
    static final String OFFICE_SEED = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    /** RFC 7748, section 6.1: Alice's X25519 private key seals for the tablet, Bob's for the office. */
    static final String TABLET_SEALING_KEY = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    static final String OFFICE_SEALING_KEY = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    /** The bundle sealed to the office: made afresh by every run (sealing is randomised), checked by opening it. */
    static final String SEALED = "sealed-to-the-office.tachiiri";
    static final String SIGNED_TEXT = "signed-text.json";
    static final String SIGNATURE = "signature.hex";
    static final String AUDIT_HASHES = "audit-hashes.tsv";
    static final String BUNDLE_ID = "vector-bundle-0001";
    static final String INSPECTION_ID = "vector-tablet.0123456789ab";
    static final Instant CREATED_AT = Instant.parse("2026-06-01T02:00:00Z");
    /** The one attachment: five bytes. */
    static final byte[] ATTACHMENT = "hello".getBytes(StandardCharsets.US_ASCII);

    private BundleFormatVector() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : FOLDER;
        write(folder, true);
        System.out.println("wrote the bundle-format test vector to " + folder.toAbsolutePath());
    }

    static KeyPair keys() {
        return HostileCorpusGenerator.fromSeed(HexFormat.of().parseHex(SEED));
    }

    static DeviceIdentity device() {
        return TestDevices.fixed("vector-tablet", keys(), HexFormat.of().parseHex(TABLET_SEALING_KEY));
    }

    /** The office the vector is sealed to. */
    static DeviceIdentity office() {
        return TestDevices.fixed("vector-office", HostileCorpusGenerator.fromSeed(HexFormat.of().parseHex(OFFICE_SEED)),
                HexFormat.of().parseHex(OFFICE_SEALING_KEY));
    }

    /**
     * Writes the signed bundle (unsealed, as a sealed one holds it), its signed text, its signature and the audit
     * hashes into {@code folder}; with {@code sealed}, also the bundle sealed to the office ({@value #SEALED}).
     */
    static Path write(Path folder, boolean sealed) throws IOException {
        Path bundle = write(folder);
        if (sealed) {
            Files.write(folder.resolve(SEALED), TestDevices.seal(Files.readAllBytes(bundle), device(),
                    List.of(office().asRecipient())));
        }
        return bundle;
    }

    /** Writes the signed bundle, its signed text, its signature and the audit hashes into {@code folder}. */
    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.filter(file -> file.getFileName().toString().startsWith("tachiiri_")
                    || file.getFileName().toString().equals(SEALED)).toList()) {
                Files.delete(file);
            }
        }
        Path attachment = Files.write(Files.createTempFile("vector", ".txt"), ATTACHMENT);
        try {
            String sha256 = Sha256.hex(ATTACHMENT);
            BundleRecords.Inspection inspection = inspection(sha256);
            BundleWriter.Written written = BundleWriter.writeUnsealed(folder, device(), BundleKind.FINDINGS, CREATED_AT,
                    BundleRecords.tree(new BundleRecords.FindingsPayload(List.of(inspection))),
                    List.of(new BundleWriter.Attachment(sha256, attachment, "text/plain")),
                    List.of(office().asRecipient()), BUNDLE_ID);
            byte[] file = Files.readAllBytes(written.file());
            int signatureAt = indexOf(file, ",\"signature\":\"");
            byte[] signed = new byte[signatureAt + 1];
            System.arraycopy(file, 0, signed, 0, signatureAt);
            signed[signatureAt] = '}';
            Files.write(folder.resolve(SIGNED_TEXT), signed);
            String signature = new String(file, signatureAt + 14, 128, StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve(SIGNATURE), signature + "\n", StandardCharsets.US_ASCII);
            StringBuilder hashes = new StringBuilder("# sequence\thash\tthe text hashed (SHA-256 of its UTF-8), "
                    + "as a JSON string\n");
            for (BundleRecords.AuditEvent event : inspection.audit()) {
                hashes.append(event.sequence()).append('\t').append(event.hash()).append('\t')
                        .append(new String(CanonicalJson.bytes(BundleJson.MAPPER.getNodeFactory().textNode(hashInput(event))),
                                StandardCharsets.UTF_8)).append('\n');
            }
            Files.writeString(folder.resolve(AUDIT_HASHES), hashes.toString(), StandardCharsets.UTF_8);
            return written.file();
        } finally {
            Files.deleteIfExists(attachment);
        }
    }

    /**
     * The text an audit event's hash is computed over, built the way docs/bundle-format.md describes it and
     * independently of {@link AuditChain}: each field on a line of its own, "-" for null, else its length in
     * UTF-16 code units, ':' and the value; the inspection's id second, the sequence in decimal.
     */
    static String hashInput(BundleRecords.AuditEvent event) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {event.id(), INSPECTION_ID, Long.toString(event.sequence()), event.at(),
                event.actor(), event.action(), event.subject(), event.oldValue(), event.newValue(), event.reason(),
                event.previousHash()}) {
            text.append(field == null ? "-" : field.length() + ":" + field).append('\n');
        }
        return text.toString();
    }

    /**
     * One finalized inspection: a facility whose address has a '/', the gate answered, one item with a note
     * holding a quote, a backslash, a control character and a character outside the BMP, evidence, the hospital's
     * form (a はい confirmed, a いいえ with its target date found to differ) and its one vendor's form, and a trail.
     */
    private static BundleRecords.Inspection inspection(String attachment) {
        BundleRecords.Facility facility = new BundleRecords.Facility("vector-facility", "9900000001", "見本病院",
                "みほんびょういん", "見本県見本市1-2/3", 20, true, false,
                List.of(new BundleRecords.Vendor("見本システム", "電子カルテ")), false, "hospital", List.of());
        String note = "\"非常用\" C:\\backup\u001f🏥";
        List<BundleRecords.Finding> findings = List.of(
                new BundleRecords.Finding("gate.medical-information-system", "YES", List.of("INTERVIEW"), "2026-06-01", "",
                        "", "", null, false, "2026-06-01T01:01:00Z"),
                new BundleRecords.Finding("backup.generations", "COMPLIANT", List.of("DOCUMENT"), "2026-06-01", note, "",
                        "", null, false, "2026-06-01T01:02:00Z"));
        List<BundleRecords.Evidence> evidence = List.of(new BundleRecords.Evidence("vector-evidence-1",
                "backup.generations", "手順.txt", "text/plain", attachment, "2026-06-01T01:03:00Z"));
        List<BundleRecords.HospitalFormRow> hospitalForm = List.of(
                new BundleRecords.HospitalFormRow("1-①", "YES", "2026-05-20", null, "AGREES", "", "2026-06-01T01:04:00Z"),
                new BundleRecords.HospitalFormRow("2-⑦", "NO", "2026-05-20", "2026-12-31", "DIFFERS",
                        "管理者のパスワードが8文字未満", "2026-06-01T01:05:00Z"));
        List<BundleRecords.VendorForm> vendorForms = List.of(new BundleRecords.VendorForm("見本システム", "電子カルテ",
                "RECEIVED", "2026-05-25", "", List.of(new BundleRecords.VendorAnswer("2-⑦", "YES")), "2026-06-01T01:06:00Z"));
        BundleRecords.Revision revision = new BundleRecords.Revision(1, "2025.1", "2026-06-01", null, "2026-06-01T01:00:00Z",
                "2026-06-01T01:30:00Z", facility, List.of("見本 一郎"), List.of(), findings, evidence, hospitalForm,
                vendorForms);
        List<AuditEvent> drafts = List.of(
                new AuditEvent("vector-audit-1", INSPECTION_ID, 0, Instant.parse("2026-06-01T01:00:00Z"), "ichiro",
                        "INSPECTION_STARTED", "vector-facility", null, "date=2026-06-01", null, null, null),
                new AuditEvent("vector-audit-2", INSPECTION_ID, 0, Instant.parse("2026-06-01T01:02:00.5Z"), "ichiro",
                        "FINDING_CHANGED", "backup.generations/note", "", note, null, null, null),
                new AuditEvent("vector-audit-3", INSPECTION_ID, 0, Instant.parse("2026-06-01T01:30:00Z"), "ichiro",
                        AuditChain.REVISION_FINALIZED, AuditChain.revisionSubject(1), "IN_PROGRESS", "FINALIZED", null,
                        null, null));
        List<BundleRecords.AuditEvent> audit = HostileCorpusGenerator.sealed(drafts);
        return new BundleRecords.Inspection(INSPECTION_ID, "vector-facility", "2026-06-01T01:00:00Z", false,
                List.of(revision), audit);
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] target = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= haystack.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (haystack[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found: " + needle);
    }
}
