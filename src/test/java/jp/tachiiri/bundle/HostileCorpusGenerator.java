package jp.tachiiri.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.model.AuditEvent;

/**
 * Writes the hostile corpus of {@code src/test/resources/bundles/hostile/}: one valid findings bundle (the
 * control) and many files that each break it in one way, with {@code expected.tsv} saying what the import must
 * make of each. Everything is derived from fixed ids, times and bytes and signed with the committed test key
 * {@value #KEY_FILE} (Ed25519 signatures are deterministic), so running this twice gives the same bytes;
 * {@code HostileCorpusTest} checks that the committed files are exactly what this writes.
 *
 * <p>Run from the project's folder after {@code mvn -o test-compile}:
 * {@code java -cp target/test-classes:target/classes:<the test class path> jp.tachiiri.bundle.HostileCorpusGenerator}
 * (an IDE's "run main" does the same). With no key file in the folder a new test key is made first.
 */
public final class HostileCorpusGenerator {

    static final Path CORPUS_FOLDER = Path.of("src", "test", "resources", "bundles", "hostile");
    static final String KEY_FILE = "corpus-device.key";
    static final String EXPECTED_FILE = "expected.tsv";
    static final String README_FILE = "README.md";
    /** The files of the folder that are not bundles. */
    static final Set<String> NOT_BUNDLES = Set.of(KEY_FILE, EXPECTED_FILE, README_FILE);

    static final String CONTROL = "00-valid-control.json";
    /** A second tablet's valid bundle, enrolled with the control so that it can claim the control's inspection. */
    static final String SECOND_CONTROL = "00-valid-control-second-device.json";
    /** The office's valid assignments bundle (number 512, every inspector's), which a tablet store enrols first. */
    static final String TABLET_CONTROL = "T00-valid-assignments.json";
    static final String DEVICE_ID = "corpus-tablet-01";
    static final String UNKNOWN_DEVICE_ID = "corpus-tablet-02";
    static final String SECOND_DEVICE_ID = "corpus-tablet-03";
    static final String OFFICE_ID = "corpus-office-01";
    /** Which store a file is imported into: an office's, or a tablet's. */
    static final String OFFICE = "office";
    static final String TABLET = "tablet";
    static final String IMPORTED = "IMPORTED";
    static final String PENDING = "PENDING_ENROLMENT";
    static final String REJECTED = "REJECTED";
    /** The key column for files that are not rejected. */
    static final String NO_KEY = "-";

    /** Inspection ids name the device that made them (see InspectionIds). */
    private static final String INSPECTION_ID = DEVICE_ID + ".000000000001";
    private static final String SECOND_INSPECTION_ID = DEVICE_ID + ".000000000002";
    private static final String FACILITY_ID = "corpus-facility-1";
    private static final String CREATED_AT = "2025-06-02T08:00:00Z";
    private static final String GATE = "gate.medical-information-system";
    /** The same seed gives the same key pair: the "other" key that impostors sign with. */
    private static final byte[] IMPOSTOR_SEED = sha256("tachiiri hostile corpus: the impostor's key");
    /** The corpus office's and the second tablet's keys, test keys derived the same way. */
    private static final byte[] OFFICE_SEED = sha256("tachiiri hostile corpus: the office's key");
    private static final byte[] SECOND_SEED = sha256("tachiiri hostile corpus: the second tablet's key");
    private static final long TABLET_CONTROL_SEQUENCE = 512;
    /**
     * The format of the corpus's signed-only files: the last before sealing, which every release still reads; the
     * sealed cases (S…) are of format 3.0.
     */
    private static final String SIGNED_ONLY_VERSION = "2.3";
    private static final String PKCS8_ED25519_PREFIX = "302e020100300506032b657004220420";

    /**
     * One file of the corpus: its name, what the import must make of it (result, message key, and a detail the
     * message must name, such as the place in the file, or {@value #NO_KEY}), what is wrong with it, and its bytes.
     */
    record Case(String file, String recipient, String result, String key, String detail, String what, byte[] content) {

        String tsvLine() {
            return String.join("\t", file, recipient, result, key, detail, what);
        }
    }

    /** An attachment's bytes as the manifest describes them; its id is its SHA-256, as the app names them. */
    record Blob(String id, byte[] bytes, String mediaType) {

        static Blob of(byte[] bytes, String mediaType) {
            return new Blob(HexFormat.of().formatHex(sha256(bytes)), bytes, mediaType);
        }
    }

    private final KeyPair corpus;
    private final KeyPair impostor;
    private final KeyPair office;
    private final KeyPair second;

    HostileCorpusGenerator(PrivateKey corpusKey) {
        this.corpus = keyPair(corpusKey);
        this.impostor = fromSeed(IMPOSTOR_SEED);
        this.office = fromSeed(OFFICE_SEED);
        this.second = fromSeed(SECOND_SEED);
    }

    /** The corpus office's key: the tablet's side of the corpus enrols it, and the import fuzz test signs with it. */
    static PrivateKey officeKey() {
        return fromSeed(OFFICE_SEED).getPrivate();
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : CORPUS_FOLDER;
        Files.createDirectories(folder);
        Path keyFile = folder.resolve(KEY_FILE);
        if (!Files.exists(keyFile)) {
            writeNewKey(keyFile);
        }
        List<Case> cases = new HostileCorpusGenerator(readKey(keyFile)).cases();
        write(folder, cases);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path stale : files.filter(file -> (file.getFileName().toString().endsWith(".json")
                    || file.getFileName().toString().endsWith(BundleWriter.SEALED_EXTENSION))
                    && cases.stream().noneMatch(c -> c.file().equals(file.getFileName().toString()))).toList()) {
                Files.delete(stale);
            }
        }
        System.out.println("wrote " + cases.size() + " files and " + EXPECTED_FILE + " to " + folder.toAbsolutePath());
    }

    /** Writes every case's file and {@value #EXPECTED_FILE} into {@code folder}. */
    static void write(Path folder, List<Case> cases) throws IOException {
        Files.createDirectories(folder);
        StringBuilder tsv = new StringBuilder("# file\timported into\texpected result\texpected message key"
                + "\ttext the message must also name\twhat is wrong with it\n");
        for (Case c : cases) {
            Files.write(folder.resolve(c.file()), c.content());
            tsv.append(c.tsvLine()).append('\n');
        }
        Files.writeString(folder.resolve(EXPECTED_FILE), tsv.toString(), StandardCharsets.UTF_8);
    }

    // ---- the corpus ----------------------------------------------------------------------------------------

    List<Case> cases() {
        String revision = "/payload/inspections/0/revisions/0";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(CONTROL, OFFICE, IMPORTED, NO_KEY, NO_KEY,
                "valid: one inspection, four findings, one evidence with a 200-byte attachment", signed(draft(CONTROL))));
        cases.add(new Case(SECOND_CONTROL, OFFICE, IMPORTED, NO_KEY, NO_KEY,
                "valid, from a second tablet on a release of format 2.0 (no facility type, no forms): an inspection of its own",
                signedBy(second, draft(SECOND_CONTROL, d -> d.fromDevice(SECOND_DEVICE_ID, second)
                        .onlyInspection(SECOND_DEVICE_ID + ".000000000003", "corpus-3-evidence-1", "corpus-3-audit-",
                                Blob.of(pattern(150, 21), "image/png")).asFormat20()))));

        // Not a bundle, or not all of one.
        byte[] whole = signed(draft("01-truncated-in-payload.json"));
        cases.add(rejected("01-truncated-in-payload.json", "bundle.error.truncated", NO_KEY,
                "cut off in the middle of the payload",
                Arrays.copyOf(whole, indexOf(whole, "\"findings\":[") + 40)));
        whole = signed(draft("02-truncated-in-attachments.json"));
        cases.add(rejected("02-truncated-in-attachments.json", "bundle.error.truncated", NO_KEY,
                "cut off inside an attachment chunk",
                Arrays.copyOf(whole, indexOf(whole, "\"data\":\"") + 30)));
        cases.add(rejected("03-empty-file.json", "bundle.error.empty", NO_KEY,
                "an empty file (0 bytes)",
                new byte[0]));
        cases.add(rejected("04-not-json.json", "bundle.error.notJson", NO_KEY,
                "a CSV file named .json",
                bytes("施設コード,施設名,立入検査日\n1310000001,コーパス記念病院,2025-06-02\n")));
        cases.add(rejected("05-json-array.json", "bundle.error.notBundle", NO_KEY,
                "a valid bundle wrapped in a JSON array",
                concat(bytes("["), signed(draft("05-json-array.json")), bytes("]"))));
        cases.add(rejected("06-other-json-object.json", "bundle.error.notBundle", NO_KEY,
                "some other JSON object",
                bytes("{\"hello\":\"world\",\"items\":[1,2,3]}")));
        cases.add(rejected("07-wrong-format-name.json", "bundle.error.notBundle", NO_KEY,
                "format \"tachiiri-backup\" (signed)",
                signed(draft("07-wrong-format-name.json", d -> d.signed.put("format", "tachiiri-backup")))));
        cases.add(rejected("08-newer-major-version.json", "bundle.error.newerVersion", "4.0",
                "formatVersion \"4.0\" (signed)",
                signed(draft("08-newer-major-version.json", d -> d.signed.put("formatVersion", "4.0")))));
        cases.add(rejected("09-newer-minor-version.json", "bundle.error.newerVersion", "3.2",
                "formatVersion \"3.2\" (signed)",
                signed(draft("09-newer-minor-version.json", d -> d.signed.put("formatVersion", "3.2")))));

        // Against the schema, each validly signed.
        cases.add(rejected("10-missing-member.json", "bundle.error.schema", "createdAt",
                "no createdAt member",
                signed(draft("10-missing-member.json", d -> d.signed.remove("createdAt")))));
        cases.add(rejected("11-extra-member.json", "bundle.error.schema", "comment",
                "an extra root member \"comment\"",
                signed(draft("11-extra-member.json", d -> d.signed.put("comment", "追加のメンバー")))));
        cases.add(rejected("12-wrong-enum-answer.json", "bundle.error.schema", revision + "/findings/1/answer",
                "a finding answered \"MAYBE\"",
                signed(draft("12-wrong-enum-answer.json", d -> d.finding(1).put("answer", "MAYBE")))));
        cases.add(rejected("13-wrong-kind.json", "bundle.error.schema", "/payload",
                "kind \"assignments\" with a findings payload",
                signed(draft("13-wrong-kind.json", d -> d.signed.put("kind", "assignments")))));
        cases.add(rejected("14-bad-public-key-form.json", "bundle.error.schema", "/device/publicKey",
                "the device's public key in upper-case hex",
                signed(draft("14-bad-public-key-form.json", d -> d.object("/device")
                        .put("publicKey", DeviceKeys.publicKeyHex(corpus.getPublic()).toUpperCase(Locale.ROOT))))));
        cases.add(rejected("15-manifest-size-absurd.json", "bundle.error.schema", "/manifest/0/size",
                "a manifest size of 1 TB",
                signed(draft("15-manifest-size-absurd.json", d -> d.object("/manifest/0").put("size", 1_000_000_000_000L)))));
        cases.add(rejected("16-filename-dotdot-etc-passwd.json", "bundle.error.schema", revision + "/evidence/0/fileName",
                "evidence fileName \"../../etc/passwd\"",
                signed(draft("16-filename-dotdot-etc-passwd.json", d -> d.evidence().put("fileName", "../../etc/passwd")))));
        cases.add(rejected("17-filename-slash.json", "bundle.error.schema", revision + "/evidence/0/fileName",
                "evidence fileName \"a/b.png\"",
                signed(draft("17-filename-slash.json", d -> d.evidence().put("fileName", "a/b.png")))));
        cases.add(rejected("18-filename-backslash-dotdot.json", "bundle.error.schema", revision + "/evidence/0/fileName",
                "evidence fileName \"..\\x.png\"",
                signed(draft("18-filename-backslash-dotdot.json", d -> d.evidence().put("fileName", "..\\x.png")))));
        cases.add(rejected("19-attachments-not-an-array.json", "bundle.error.schema", "/attachments",
                "\"attachments\" is an object",
                raw(document(draft("19-attachments-not-an-array.json"), corpus.getPrivate(),
                        root -> root.putObject("attachments")))));
        cases.add(rejected("20-attachments-before-signature.json", "bundle.error.schema", "signature",
                "\"attachments\" comes before \"signature\", so the signed part lacks the signature",
                raw(document(draft("20-attachments-before-signature.json"), corpus.getPrivate(), root -> {
                    String signature = root.remove("signature").textValue();
                    JsonNode attachments = root.remove("attachments");
                    root.set("attachments", attachments);
                    root.put("signature", signature);
                }))));

        // JSON that Jackson must refuse, or that is too big.
        cases.add(rejected("21-duplicate-member-root.json", "bundle.error.notJson", "'bundleId'",
                "the root member \"bundleId\" twice",
                replaceFirst(signed(draft("21-duplicate-member-root.json")), "\"bundleId\":",
                        "\"bundleId\":\"corpus-other-bundle\",\"bundleId\":")));
        cases.add(rejected("22-duplicate-member-nested.json", "bundle.error.notJson", "'followUp'",
                "a finding with \"followUp\" twice",
                replaceFirst(signed(draft("22-duplicate-member-nested.json")), "\"followUp\":",
                        "\"followUp\":true,\"followUp\":")));
        cases.add(rejected("23-nesting-10000-deep.json", "bundle.error.limits", NO_KEY,
                "a payload of 10,000 nested arrays",
                replaceFirst(signed(draft("23-nesting-10000-deep.json", d -> d.signed.put("payload", "@@DEEP@@"))),
                        "\"@@DEEP@@\"", "[".repeat(10_000) + "]".repeat(10_000))));
        cases.add(rejected("24-number-too-long.json", "bundle.error.limits", NO_KEY,
                "licensedBeds with 40 digits",
                replaceFirst(signed(draft("24-number-too-long.json")), "\"licensedBeds\":120,",
                        "\"licensedBeds\":" + "9".repeat(40) + ",")));
        cases.add(rejected("25-invalid-utf8.json", "bundle.error.invalidUtf8", NO_KEY,
                "bytes that are not UTF-8 in the facility name",
                replaceFirst(signed(draft("25-invalid-utf8.json", d -> d.facility().put("name", "@@UTF8@@"))), "@@UTF8@@",
                        new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28})));
        cases.add(rejected("26-non-integer-number.json", "bundle.error.notCanonical", revision + "/facility/licensedBeds",
                "licensedBeds written as 120.0",
                replaceFirst(signed(draft("26-non-integer-number.json")), "\"licensedBeds\":120,", "\"licensedBeds\":120.0,")));
        cases.add(rejected("27-lone-surrogate.json", "bundle.error.notCanonical", revision + "/findings/1/note",
                "a note holding the lone surrogate \\ud800",
                replaceFirst(signed(draft("27-lone-surrogate.json", d -> d.finding(1).put("note", "@@NOTE@@"))), "@@NOTE@@",
                        "\\ud800")));

        // Signatures and keys.
        cases.add(rejected("28-payload-changed-after-signing.json", "bundle.error.badSignature", NO_KEY,
                "a note changed after signing",
                json(document(draft("28-payload-changed-after-signing.json"), corpus.getPrivate(),
                        root -> ((ObjectNode) root.at(revision + "/findings/1")).put("note", "台帳は最新です")))));
        cases.add(rejected("29-signed-by-another-key.json", "bundle.error.badSignature", NO_KEY,
                "names the corpus device's key but is signed with another",
                json(document(draft("29-signed-by-another-key.json"), impostor.getPrivate(), root -> { }))));
        cases.add(rejected("30-known-device-other-key.json", "sync.error.keyChanged", DEVICE_ID,
                "the enrolled device's id with another key (validly signed with that key)",
                json(document(draft("30-known-device-other-key.json",
                        d -> d.object("/device").put("publicKey", DeviceKeys.publicKeyHex(impostor.getPublic()))),
                        impostor.getPrivate(), root -> { }))));
        cases.add(new Case("31-unknown-device.json", OFFICE, PENDING, NO_KEY, NO_KEY,
                "valid, from a device that is not enrolled",
                json(document(draft("31-unknown-device.json", d -> d.object("/device").put("id", UNKNOWN_DEVICE_ID)
                        .put("publicKey", DeviceKeys.publicKeyHex(impostor.getPublic()))), impostor.getPrivate(), root -> { }))));

        // The payload's own rules and the catalog, each validly signed.
        cases.add(rejected("32-impossible-date.json", "bundle.error.date", revision + "/inspectionDate",
                "inspectionDate 2025-02-30",
                signed(draft("32-impossible-date.json", d -> d.revision().put("inspectionDate", "2025-02-30")))));
        cases.add(rejected("33-impossible-time.json", "bundle.error.date", revision + "/finalizedAt",
                "finalizedAt 2025-06-02T25:00:00Z",
                signed(draft("33-impossible-time.json", d -> d.revision().put("finalizedAt", "2025-06-02T25:00:00Z")))));
        cases.add(rejected("34-impossible-created-at.json", "bundle.error.date", "2025-02-30T08:00:00Z",
                "the bundle's own createdAt 2025-02-30T08:00:00Z",
                signed(draft("34-impossible-created-at.json", d -> d.signed.put("createdAt", "2025-02-30T08:00:00Z")))));
        cases.add(rejected("34a-clinic-with-hospital-beds.json", "bundle.error.facilityTypeBeds", "clinicWithoutBeds",
                "a facility of type clinicWithoutBeds with 120 licensed beds",
                signed(draft("34a-clinic-with-hospital-beds.json", d -> d.facility().put("type", "clinicWithoutBeds")))));
        cases.add(rejected("34b-fee-add-on-claimed-twice.json", "bundle.error.duplicate", "records-management-1-2024",
                "a facility claiming the same fee add-on twice, from two days",
                signed(draft("34b-fee-add-on-claimed-twice.json", d -> {
                    d.facility().putArray("feeAddOnClaims").add(claim("2024-06-01")).add(claim("2025-04-01"));
                }))));
        cases.add(rejected("34c-impossible-claim-day.json", "bundle.error.date", "/feeAddOnClaims/0/from",
                "a fee add-on claimed from 2025-02-30",
                signed(draft("34c-impossible-claim-day.json", d -> {
                    d.facility().putArray("feeAddOnClaims").add(claim("2025-02-30"));
                }))));

        // The hospital's and vendors' forms (format 2.2), each validly signed: the rules the tablet records them by.
        cases.add(rejected("34d-form-checked-in-future.json", "bundle.error.formCheckedInFuture",
                revision + "/hospitalForm/0/checkedOn",
                "the hospital's form checked on 2025-06-03, the day after the revision was finalized",
                signed(draft("34d-form-checked-in-future.json", d -> d.hospitalRow(0).put("checkedOn", "2025-06-03")))));
        cases.add(rejected("34e-form-target-before-check.json", "bundle.error.formTargetBeforeCheck",
                revision + "/hospitalForm/1/targetDate",
                "a いいえ of the hospital's form with its target date 2025-05-01 before its day checked 2025-05-30",
                signed(draft("34e-form-target-before-check.json", d -> d.hospitalRow(1).put("targetDate", "2025-05-01")))));
        cases.add(rejected("34f-vendor-form-without-contract.json", "bundle.error.vendorWithoutContract",
                "無契約システム社 / 電子カルテ",
                "a vendor form of a vendor the revision's facility has no contract with",
                signed(draft("34f-vendor-form-without-contract.json", d -> d.vendorForm(0).put("vendor", "無契約システム社")))));
        cases.add(rejected("34g-form-target-without-no.json", "bundle.error.formTargetWithoutNo",
                revision + "/hospitalForm/0/targetDate",
                "a target date on a はい of the hospital's form",
                signed(draft("34g-form-target-without-no.json", d -> d.hospitalRow(0).put("targetDate", "2025-09-30")))));
        cases.add(rejected("34h-form-item-twice.json", "bundle.error.formDuplicate", revision + "/hospitalForm/2/ministryNumber",
                "one ministry item twice in the hospital's form",
                signed(draft("34h-form-item-twice.json", d -> d.array(revision + "/hospitalForm")
                        .add(d.hospitalRow(1).deepCopy().put("answer", "YES").putNull("targetDate"))))));
        cases.add(rejected("34i-vendor-form-twice.json", "bundle.error.formDuplicate", revision + "/vendorForms/1",
                "two vendor forms for one contract",
                signed(draft("34i-vendor-form-twice.json", d -> d.array(revision + "/vendorForms")
                        .add(d.vendorForm(0).deepCopy().put("status", "MISSING").put("missingReason", "未提出"))))));
        cases.add(rejected("34j-vendor-form-filled-in-future.json", "bundle.error.vendorFilledInFuture",
                revision + "/vendorForms/0/filledOn",
                "a vendor form filled in on 2026-01-01, after the revision was finalized",
                signed(draft("34j-vendor-form-filled-in-future.json", d -> d.vendorForm(0).put("filledOn", "2026-01-01")))));
        cases.add(rejected("34k-unknown-confirmation.json", "bundle.error.schema", revision + "/hospitalForm/0/confirmation",
                "a confirmation \"MAYBE\" in the hospital's form",
                signed(draft("34k-unknown-confirmation.json", d -> d.hospitalRow(0).put("confirmation", "MAYBE")))));
        cases.add(rejected("34l-vendor-form-status-unknown.json", "bundle.error.schema", revision + "/vendorForms/0/status",
                "a vendor form of status \"LOST\"",
                signed(draft("34l-vendor-form-status-unknown.json", d -> d.vendorForm(0).put("status", "LOST")))));
        cases.add(rejected("34m-forms-missing-in-2-2.json", "bundle.error.schema", "hospitalForm",
                "a revision of format 2.2 without its hospital form",
                signed(draft("34m-forms-missing-in-2-2.json", d -> d.revision().remove("hospitalForm")))));
        cases.add(rejected("34n-forms-in-2-1.json", "bundle.error.schema", "hospitalForm",
                "a file of format 2.1, which had no forms, with a revision that has them",
                signed(draft("34n-forms-in-2-1.json", d -> d.signed.put("formatVersion", "2.1")))));
        cases.add(rejected("34o-unknown-ministry-item.json", "sync.error.unknownMinistryItem", "9-⑨",
                "the hospital's form answering an item 9-⑨ that catalog 2025.1 does not have",
                signed(draft("34o-unknown-ministry-item.json", d -> d.hospitalRow(0).put("ministryNumber", "9-⑨")))));
        cases.add(rejected("34p-vendor-answer-not-on-vendor-form.json", "sync.error.notOnVendorForm", "3-①",
                "a vendor form answering 3-①, which only the hospital's form has",
                signed(draft("34p-vendor-answer-not-on-vendor-form.json", d -> ((ObjectNode) d.vendorForm(0)
                        .withArray("answers").get(0)).put("ministryNumber", "3-①")))));
        cases.add(rejected("35-duplicate-inspection-ids.json", "bundle.error.duplicate", "/payload/inspections/1/id",
                "the same inspection id twice",
                signed(draft("35-duplicate-inspection-ids.json", d -> {
                    ObjectNode copy = d.inspection().deepCopy();
                    ((ObjectNode) copy.at("/revisions/0")).putArray("evidence");
                    copy.putArray("audit");
                    d.array("/payload/inspections").add(copy);
                }))));
        cases.add(rejected("36-duplicate-evidence-ids.json", "bundle.error.duplicate", revision + "/evidence/1",
                "two evidence entries with one id",
                signed(draft("36-duplicate-evidence-ids.json", d -> d.array(revision + "/evidence")
                        .add(d.evidence().deepCopy().put("fileName", "機器台帳2.png"))))));
        cases.add(rejected("37-duplicate-finding-items.json", "bundle.error.duplicate", revision + "/findings/4/itemId",
                "two findings for one item",
                signed(draft("37-duplicate-finding-items.json", d -> d.array(revision + "/findings")
                        .add(d.finding(1).deepCopy().put("note", "二つ目"))))));
        cases.add(rejected("38-duplicate-manifest-ids.json", "bundle.error.duplicate", "/manifest/1",
                "one attachment twice in the manifest",
                signed(draft("38-duplicate-manifest-ids.json", d -> d.array("/manifest").add(d.object("/manifest/0").deepCopy())))));
        cases.add(rejected("39-audit-out-of-order.json", "bundle.error.order", "/payload/inspections/0/audit/1/sequence",
                "audit events numbered 1, 3, 2",
                signed(draft("39-audit-out-of-order.json", d -> {
                    d.object("/payload/inspections/0/audit/1").put("sequence", 3);
                    d.object("/payload/inspections/0/audit/2").put("sequence", 2);
                }))));
        cases.add(rejected("40-unknown-catalog-item.json", "sync.error.unknownItem", "vulnerability.quantum-firewall",
                "a finding for an item no catalog has",
                signed(draft("40-unknown-catalog-item.json", d -> d.finding(2).put("itemId", "vulnerability.quantum-firewall")))));
        cases.add(rejected("41-unknown-catalog-version.json", "sync.error.unknownCatalog", "2099.1",
                "catalog version 2099.1",
                signed(draft("41-unknown-catalog-version.json", d -> d.revision().put("catalogVersion", "2099.1")))));

        // The manifest against the evidence, and the attachments against the manifest.
        Blob unused = Blob.of(pattern(100, 7), "image/png");
        cases.add(rejected("42-attachment-unreferenced.json", "bundle.error.attachmentUnused", unused.id(),
                "a manifest entry that no evidence names",
                signed(draft("42-attachment-unreferenced.json", d -> d.addBlob(unused)))));
        cases.add(rejected("43-evidence-names-unknown-attachment.json", "bundle.error.attachmentUnknown", revision + "/evidence/0",
                "evidence naming an attachment the manifest lacks",
                signed(draft("43-evidence-names-unknown-attachment.json",
                        d -> d.evidence().put("attachment", Blob.of(pattern(10, 3), "image/png").id())))));
        cases.add(rejected("44-attachment-missing.json", "bundle.error.attachmentMissing", photoId(),
                "the attachments array is empty",
                json(document(draft("44-attachment-missing.json"), corpus.getPrivate(), root -> root.putArray("attachments")))));
        cases.add(rejected("45-attachment-not-in-manifest.json", "bundle.error.attachmentUnknown", "/attachments/1",
                "a chunk of an attachment the manifest does not list",
                json(document(draft("45-attachment-not-in-manifest.json"), corpus.getPrivate(), root -> {
                    Blob stranger = Blob.of(pattern(64, 11), "image/png");
                    chunks(stranger).forEach(((ArrayNode) root.get("attachments"))::add);
                }))));
        cases.add(rejected("46-attachment-hash-mismatch.json", "bundle.error.attachmentHash", photoId(),
                "one byte of the attachment changed, manifest kept",
                json(document(draft("46-attachment-hash-mismatch.json"), corpus.getPrivate(), root -> {
                    byte[] changed = photo().clone();
                    changed[100] ^= 0x55;
                    chunk(root, 0).put("data", Base64.getEncoder().encodeToString(changed));
                }))));
        cases.add(rejected("47-attachment-longer.json", "bundle.error.attachmentSize", photoId(),
                "three bytes more than the manifest says",
                json(document(draft("47-attachment-longer.json"), corpus.getPrivate(), root -> chunk(root, 0)
                        .put("data", Base64.getEncoder().encodeToString(concat(photo(), new byte[] {1, 2, 3})))))));
        cases.add(rejected("48-attachment-shorter.json", "bundle.error.attachmentSize", photoId(),
                "fifty bytes fewer than the manifest says",
                json(document(draft("48-attachment-shorter.json"), corpus.getPrivate(), root -> chunk(root, 0)
                        .put("data", Base64.getEncoder().encodeToString(Arrays.copyOf(photo(), 150)))))));
        cases.add(rejected("49-chunks-out-of-order.json", "bundle.error.chunkOrder", "/attachments/1",
                "the two chunks of a 60,000-byte attachment swapped",
                json(document(draft("49-chunks-out-of-order.json",
                        d -> d.addEvidence("corpus-evidence-2", Blob.of(pattern(60_000, 5), "image/png"))),
                        corpus.getPrivate(), root -> {
                            ArrayNode attachments = (ArrayNode) root.get("attachments");
                            JsonNode second = attachments.remove(2);
                            attachments.insert(1, second);
                        }))));
        cases.add(rejected("50-chunk-index-gap.json", "bundle.error.chunkOrder", "/attachments/0",
                "an attachment's only chunk numbered 1",
                json(document(draft("50-chunk-index-gap.json"), corpus.getPrivate(), root -> chunk(root, 0).put("index", 1)))));
        cases.add(rejected("51-attachment-repeated.json", "bundle.error.attachmentRepeated", "/attachments/2",
                "an attachment sent again after another one",
                json(document(draft("51-attachment-repeated.json",
                        d -> d.addEvidence("corpus-evidence-2", Blob.of(pattern(90, 9), "application/pdf"))),
                        corpus.getPrivate(), root -> {
                            ArrayNode attachments = (ArrayNode) root.get("attachments");
                            attachments.add(attachments.get(0).deepCopy());
                        }))));
        cases.add(rejected("52-base64-padding-bits.json", "bundle.error.base64", "/attachments/0",
                "base64 whose unused padding bits are set: decodes to the same bytes, spelt differently",
                json(document(draft("52-base64-padding-bits.json"), corpus.getPrivate(),
                        root -> chunk(root, 0).put("data", withPaddingBitsSet(chunk(root, 0).get("data").textValue()))))));
        cases.add(rejected("53-base64-invalid.json", "bundle.error.base64", "/attachments/0",
                "chunk data \"AAAAA\" (no whole base64 unit)",
                json(document(draft("53-base64-invalid.json"), corpus.getPrivate(), root -> chunk(root, 0).put("data", "AAAAA")))));
        cases.add(rejected("54-trailing-content.json", "bundle.error.trailing", NO_KEY,
                "a second JSON object after the bundle",
                concat(signed(draft("54-trailing-content.json")), bytes("{\"format\":\"tachiiri-bundle\"}"))));
        cases.add(rejected("55-member-after-attachments.json", "bundle.error.trailing", NO_KEY,
                "a member after \"attachments\"",
                replaceLast(signed(draft("55-member-after-attachments.json")), "]}", "],\"comment\":\"x\"}")));

        // Ids unique within the file but already taken in the store by the control's inspection.
        cases.add(rejected("56-evidence-id-taken.json", "bundle.error.idTaken", "corpus-evidence-1",
                "a new inspection whose evidence id is the stored control's",
                signed(draft("56-evidence-id-taken.json", d -> d.onlyInspection(SECOND_INSPECTION_ID, "corpus-evidence-1",
                        "corpus-2-audit-", Blob.of(pattern(120, 13), "image/png"))))));
        cases.add(rejected("57-audit-id-taken.json", "bundle.error.idTaken", "corpus-audit-1",
                "a new inspection whose audit event ids are the stored control's",
                signed(draft("57-audit-id-taken.json", d -> d.onlyInspection(SECOND_INSPECTION_ID, "corpus-2-evidence-1",
                        "corpus-audit-", Blob.of(pattern(130, 15), "image/png"))))));

        // One spelling only: each file means what the control means (same JSON), spelt another way.
        String respelt = "/payload/inspections/0/revisions/0/findings/2/note";
        cases.add(rejected("58-escape-in-upper-case.json", "bundle.error.spelling", NO_KEY,
                "a control character escaped as \\u001F instead of \\u001f",
                replaceFirst(signed(draft("58-escape-in-upper-case.json", d -> d.object(parent(respelt)).put("note", "区切り\u001f記号"))),
                        "\\u001f", "\\u001F")));
        cases.add(rejected("59-escaped-solidus.json", "bundle.error.spelling", NO_KEY,
                "\"/\" written as \"\\/\" in a note",
                replaceFirst(signed(draft("59-escaped-solidus.json", d -> d.object(parent(respelt)).put("note", "台帳/2023年版"))),
                        "台帳/2023", "台帳\\/2023")));
        cases.add(rejected("60-whitespace-after-colon.json", "bundle.error.spelling", NO_KEY,
                "a space after the first colon",
                replaceFirst(signed(draft("60-whitespace-after-colon.json")), "\"bundleId\":", "\"bundleId\": ")));
        cases.add(rejected("61-trailing-newline.json", "bundle.error.spelling", NO_KEY,
                "a newline after the final brace",
                concat(signed(draft("61-trailing-newline.json")), bytes("\n"))));
        cases.add(rejected("62-byte-order-mark.json", "bundle.error.spelling", NO_KEY,
                "a UTF-8 byte order mark before the bundle",
                concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, signed(draft("62-byte-order-mark.json")))));
        cases.add(rejected("63-overlong-utf8.json", "bundle.error.invalidUtf8", NO_KEY,
                "\"/\" in a note as the overlong UTF-8 sequence C0 AF",
                replaceFirst(signed(draft("63-overlong-utf8.json", d -> d.object(parent(respelt)).put("note", "台帳@2023年版"))),
                        "@", new byte[] {(byte) 0xc0, (byte) 0xaf})));
        cases.add(rejected("64-encoded-surrogate.json", "bundle.error.invalidUtf8", NO_KEY,
                "a surrogate encoded in UTF-8 (ED A0 80) in a note",
                replaceFirst(signed(draft("64-encoded-surrogate.json", d -> d.object(parent(respelt)).put("note", "台帳@2023年版"))),
                        "@", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})));
        cases.add(rejected("65-escaped-kanji.json", "bundle.error.spelling", NO_KEY,
                "\"台\" written as \"\\u53f0\"",
                replaceFirst(signed(draft("65-escaped-kanji.json")), "台帳は", "\\u53f0帳は")));
        cases.add(rejected("66-members-in-writing-order.json", "bundle.error.spelling", NO_KEY,
                "signed as it should be, but the members laid out in the order format 1.0 used",
                raw(document(draft("66-members-in-writing-order.json"), corpus.getPrivate(), root -> { }))));
        byte[] chunked = signed(draft("67-chunk-members-reordered.json"));
        ObjectNode firstChunk = chunks(Blob.of(photo(), "image/png")).get(0);
        cases.add(rejected("67-chunk-members-reordered.json", "bundle.error.spelling", NO_KEY,
                "an attachment chunk with its members in another order",
                replaceFirst(chunked, new String(CanonicalJson.bytes(firstChunk), StandardCharsets.UTF_8), raw(firstChunk))));
        cases.add(rejected("68-format-1-0.json", "bundle.error.olderVersion", "1.0",
                "formatVersion \"1.0\" (signed): made by an earlier version",
                signed(draft("68-format-1-0.json", d -> d.signed.put("formatVersion", "1.0")))));

        // Who may send what.
        cases.add(rejected("69-assignments-from-a-tablet.json", "sync.error.kindNotAccepted", DEVICE_ID,
                "an assignments bundle signed by the enrolled tablet: a forged approval and a catalog 2099.1",
                signed(assignments("69-assignments-from-a-tablet.json", 99, d -> d.fromDevice(DEVICE_ID, corpus)
                        .array("/payload/catalogs").addObject().put("version", "2099.1")))));
        cases.add(rejected("70-assignments-from-an-unknown-device.json", "sync.error.kindNotAccepted", "corpus-office-09",
                "an assignments bundle from a device the office does not know: refused, not held for enrolment",
                signedBy(impostor, assignments("70-assignments-from-an-unknown-device.json", 1,
                        d -> d.fromDevice("corpus-office-09", impostor)))));
        cases.add(rejected("71-inspection-of-another-device.json", "sync.error.notOwner", SECOND_DEVICE_ID,
                "the enrolled second tablet sends the control's inspection (made by the first)",
                signedBy(second, draft("71-inspection-of-another-device.json", d -> d.fromDevice(SECOND_DEVICE_ID, second)))));
        cases.add(rejected("78-inspection-id-naming-another-device.json", "sync.error.notOwner", SECOND_DEVICE_ID,
                "a new inspection whose id names the second tablet, sent first by the first: an id cannot be taken by sending it first",
                signed(draft("78-inspection-id-naming-another-device.json", d -> d.onlyInspection(
                        SECOND_DEVICE_ID + ".00000000000a", "corpus-a-evidence-1", "corpus-a-audit-",
                        Blob.of(pattern(110, 23), "image/png"))))));
        cases.add(rejected("79-inspection-id-of-no-form.json", "sync.error.inspectionIdForm", "corpus-inspection-9",
                "an inspection id that neither names its device nor is a UUID",
                signed(draft("79-inspection-id-of-no-form.json", d -> d.onlyInspection("corpus-inspection-9",
                        "corpus-9-evidence-1", "corpus-9-audit-", Blob.of(pattern(115, 25), "image/png"))))));
        cases.add(rejected("81-evidence-id-naming-another-device.json", "sync.error.notOwner", DEVICE_ID + ".0000000000e1",
                "the second tablet's own new inspection, its evidence under an id that names the first tablet",
                signedBy(second, draft("81-evidence-id-naming-another-device.json", d -> d.fromDevice(SECOND_DEVICE_ID, second)
                        .onlyInspection(SECOND_DEVICE_ID + ".00000000000c", DEVICE_ID + ".0000000000e1", "corpus-c-audit-",
                                Blob.of(pattern(125, 29), "image/png"))))));
        cases.add(rejected("80-bundle-id-of-another-device.json", "sync.error.bundleIdTaken", CONTROL.replace(".json", ""),
                "the second tablet's bundle under the id of the first tablet's control, to make that one look imported",
                signedBy(second, draft(SECOND_CONTROL, d -> d.fromDevice(SECOND_DEVICE_ID, second)
                        .onlyInspection(SECOND_DEVICE_ID + ".00000000000b", "corpus-b-evidence-1", "corpus-b-audit-",
                                Blob.of(pattern(120, 27), "image/png")).withBundleId(bundleId(CONTROL))))));

        // Audit trails, checked before anything is stored.
        cases.add(rejected("72-audit-event-altered.json", "bundle.error.auditBroken", "corpus-audit-2",
                "an audit event's new value changed, its hash kept",
                signed(draft("72-audit-event-altered.json", d -> d.object("/payload/inspections/0/audit/1")
                        .put("newValue", "COMPLIANT")))));
        cases.add(rejected("73-audit-link-broken.json", "bundle.error.auditBroken", "corpus-audit-2",
                "an audit event that does not link to the one before it",
                signed(draft("73-audit-link-broken.json", d -> d.object("/payload/inspections/0/audit/1")
                        .put("previousHash", "1".repeat(64))))));
        cases.add(rejected("74-audit-trail-empty.json", "bundle.error.auditMissing", INSPECTION_ID,
                "a finalized revision with an empty audit trail",
                signed(draft("74-audit-trail-empty.json", d -> d.inspection().putArray("audit")))));
        cases.add(rejected("75-audit-not-finalized.json", "bundle.error.auditBroken", "corpus-audit-2",
                "the audit trail without its last event, the finalization",
                signed(draft("75-audit-not-finalized.json", d -> d.array("/payload/inspections/0/audit").remove(2)))));
        cases.add(rejected("76-audit-time-respelt.json", "bundle.error.auditBroken", "corpus-audit-1",
                "an audit event's time as 01:00:00.000Z, which the hash does not cover",
                signed(draft("76-audit-time-respelt.json", d -> d.object("/payload/inspections/0/audit/0")
                        .put("at", "2025-06-02T01:00:00.000Z")))));
        cases.add(rejected("77-audit-finalizes-another-revision.json", "bundle.error.auditBroken", "corpus-audit-3",
                "a well-chained trail whose finalization names revision 2",
                signed(draft("77-audit-finalizes-another-revision.json", d -> d.inspection().set("audit",
                        BundleJson.MAPPER.valueToTree(audit(INSPECTION_ID, "corpus-audit-", 2)))))));

        // A tablet's store, which has applied the office's assignments bundle number 5 (every inspector's).
        cases.add(new Case(TABLET_CONTROL, TABLET, IMPORTED, NO_KEY, NO_KEY,
                "valid: the office's assignments bundle no. 512 for every inspector, a plan and a review",
                signedBy(office, assignments(TABLET_CONTROL, TABLET_CONTROL_SEQUENCE, d -> { }))));
        cases.add(rejectedAtTablet("T01-replayed-older-bundle.json", "sync.error.stale", "512",
                "the office's bundle no. 300, validly signed, after no. 512: it would take a review back",
                signedBy(office, assignments("T01-replayed-older-bundle.json", 300, d -> d.object("/payload/reviews/0")
                        .put("decision", "RETURNED").put("comment", "古い差戻し")))));
        cases.add(rejectedAtTablet("T02-older-bundle-for-one-inspector.json", "sync.error.stale", "512",
                "the office's bundle no. 400 for one inspector, after no. 512 for every inspector",
                signedBy(office, assignments("T02-older-bundle-for-one-inspector.json", 400,
                        d -> d.object("/payload").put("inspector", "corpus-inspector")))));
        cases.add(rejectedAtTablet("T03-another-office.json", "sync.error.anotherOffice", "corpus-office-02",
                "a valid assignments bundle from another office",
                signedBy(impostor, assignments("T03-another-office.json", 600, d -> d.fromDevice("corpus-office-02", impostor)))));
        cases.add(rejectedAtTablet("T04-findings-at-a-tablet.json", "sync.error.kindNotAccepted", DEVICE_ID,
                "a findings bundle: a tablet imports assignments only",
                signed(draft("T04-findings-at-a-tablet.json"))));
        cases.add(rejectedAtTablet("T06-previous-inspection-with-trail.json", "bundle.error.previousWithTrail",
                "/payload/previousInspections/0/audit",
                "a previous inspection that carries an audit trail, which the tablet would store unchecked",
                signedBy(office, assignments("T06-previous-inspection-with-trail.json", 800, d -> d.array(
                        "/payload/previousInspections").add(BundleRecords.tree(inspection(INSPECTION_ID, "corpus-p-evidence-1",
                        "corpus-p-audit-", Blob.of(photo(), "image/png")))).forEach(each -> ((ObjectNode) each.at(
                        "/revisions/0")).putArray("evidence"))))));
        cases.add(rejectedAtTablet("T08-previous-vendor-form-without-contract.json", "bundle.error.vendorWithoutContract",
                "無契約システム社 / 電子カルテ",
                "last year's inspection for the tablet with a vendor form of a vendor its facility has no contract with",
                signedBy(office, assignments("T08-previous-vendor-form-without-contract.json", 1000, d -> d.array(
                        "/payload/previousInspections").add(BundleRecords.tree(inspection(INSPECTION_ID, "corpus-p-evidence-1",
                        "corpus-p-audit-", Blob.of(photo(), "image/png")))).forEach(each -> {
                            ObjectNode previous = (ObjectNode) each;
                            previous.putArray("audit");
                            ((ObjectNode) previous.at("/revisions/0")).putArray("evidence");
                            ((ObjectNode) previous.at("/revisions/0/vendorForms/0")).put("vendor", "無契約システム社");
                        })))));
        cases.add(rejectedAtTablet("T07-catalog-version-twice.json", "bundle.error.duplicate", "2099.1",
                "two catalog documents of one version",
                signedBy(office, assignments("T07-catalog-version-twice.json", 900, d -> {
                    d.array("/payload/catalogs").addObject().put("version", "2099.1");
                    d.array("/payload/catalogs").addObject().put("version", "2099.1");
                }))));
        // The plans' self-checks (format 2.3), each validly signed by the office.
        cases.add(rejectedAtTablet("T09-self-check-confirmed.json", "bundle.error.selfCheck",
                "/payload/selfChecks/0/hospitalForm/0/confirmation",
                "a plan's self-check whose hospital row carries a confirmation, which only the inspector makes",
                signedBy(office, assignments("T09-self-check-confirmed.json", 1100,
                        d -> d.object("/payload/selfChecks/0/hospitalForm/0").put("confirmation", "AGREES")))));
        cases.add(rejectedAtTablet("T10-self-check-of-no-plan.json", "bundle.error.selfCheck", "corpus-plan-9",
                "a self-check of a plan the bundle does not carry",
                signedBy(office, assignments("T10-self-check-of-no-plan.json", 1200,
                        d -> d.object("/payload/selfChecks/0").put("planId", "corpus-plan-9")))));
        cases.add(rejectedAtTablet("T11-self-check-vendor-without-contract.json", "bundle.error.selfCheck",
                "無契約システム社 / 電子カルテ",
                "a plan's self-check with a vendor form of a vendor the facility has no contract with",
                signedBy(office, assignments("T11-self-check-vendor-without-contract.json", 1300,
                        d -> d.object("/payload/selfChecks/0/vendorForms/0").put("vendor", "無契約システム社")))));
        cases.add(rejectedAtTablet("T12-self-check-target-without-no.json", "bundle.error.selfCheck",
                "/payload/selfChecks/0/hospitalForm/0/targetDate",
                "a target date on a はい of a plan's self-check",
                signedBy(office, assignments("T12-self-check-target-without-no.json", 1400,
                        d -> d.object("/payload/selfChecks/0/hospitalForm/0").put("targetDate", "2025-12-31")))));
        cases.add(rejectedAtTablet("T13-self-checks-in-2-2.json", "bundle.error.schema", "selfChecks",
                "a file of format 2.2, which carried no self-checks, with them",
                signedBy(office, assignments("T13-self-checks-in-2-2.json", 1500,
                        d -> d.signed.put("formatVersion", "2.2")))));
        cases.add(rejectedAtTablet("T05-office-with-another-key.json", "sync.error.keyChanged", OFFICE_ID,
                "the enrolled office's id with another key (validly signed with that key)",
                signedBy(impostor, assignments("T05-office-with-another-key.json", 700,
                        d -> d.fromDevice(OFFICE_ID, impostor)))));
        sealedCases(cases);
        return cases;
    }

    // ---- sealed files (format 3.0) -------------------------------------------------------------------------

    /**
     * Files sealed, or meant to be: to the corpus office (whose keys {@link #receivingOffice} gives the office's store
     * in the test) or to another; each changed where an outsider, or the sender itself, could change it.
     */
    private void sealedCases(List<Case> cases) {
        DeviceIdentity tablet = TestDevices.fixed(DEVICE_ID, corpus, sha256("tachiiri hostile corpus: the tablet's sealing key"));
        Recipient here = receivingOffice().asRecipient();
        Recipient elsewhere = TestDevices.fixed("corpus-office-99", impostor,
                sha256("tachiiri hostile corpus: another office's sealing key")).asRecipient();

        cases.add(rejected("S01-sealed-to-another-office.tachiiri", "bundle.error.notForUs", elsewhere.fingerprint(),
                "a valid bundle sealed to another office's keys",
                sealed(tablet, elsewhere, "S01-sealed-to-another-office.tachiiri", d -> { })));
        byte[] valid = sealed(tablet, here, "S02-content-changed.tachiiri", d -> { });
        cases.add(rejected("S02-content-changed.tachiiri", "bundle.error.sealBroken", NO_KEY,
                "one bit of the ciphertext flipped, in its middle",
                flipped(valid, lineLength(valid) + (valid.length - lineLength(valid)) / 2)));
        valid = sealed(tablet, here, "S03-cut-short.tachiiri", d -> { });
        cases.add(rejected("S03-cut-short.tachiiri", "bundle.error.sealBroken", NO_KEY,
                "the ciphertext cut off 100 bytes before its end",
                Arrays.copyOf(valid, valid.length - 100)));
        valid = sealed(tablet, here, "S04-key-slot-changed.tachiiri", d -> { });
        cases.add(rejected("S04-key-slot-changed.tachiiri", "bundle.error.sealBroken", NO_KEY,
                "one bit of the office's sealed content key flipped (the envelope still spelt canonically)",
                replaced(valid, "\"sealedKey\":\"", 10)));
        valid = sealed(tablet, here, "S05-sender-swapped.tachiiri", d -> { });
        cases.add(rejected("S05-sender-swapped.tachiiri", "bundle.error.sealBroken", NO_KEY,
                "the envelope's sender replaced by the second tablet (id and fingerprint), the rest as sealed",
                inLine(valid, text -> text.replace(DEVICE_ID, SECOND_DEVICE_ID))));
        cases.add(rejected("S06-recipients-not-as-signed.tachiiri", "bundle.error.envelopeRecipients", elsewhere.fingerprint(),
                "sealed to the office by its signer, but the signed bundle names another office as its recipient",
                sealedAs(tablet, here, List.of(elsewhere), "S06-recipients-not-as-signed.tachiiri")));
        cases.add(rejected("S07-sealed-2-3.tachiiri", "bundle.error.sealedVersion", "2.3",
                "a signed bundle of format 2.3 sealed to the office",
                TestDevices.seal(signed(draft("S07-sealed-2-3.tachiiri")), tablet, List.of(here))));
        cases.add(rejected("S08-unsealed-3-0.json", "bundle.error.mustBeSealed", "3.0",
                "a findings bundle of format 3.0, signed and addressed to the office, but not sealed",
                signed(draft("S08-unsealed-3-0.json", d -> d.sealedFor(tablet, List.of(here))))));
        valid = sealed(tablet, here, "S09-envelope-respelt.tachiiri", d -> { });
        cases.add(rejected("S09-envelope-respelt.tachiiri", "bundle.error.envelope", "spelling",
                "a space after the envelope's first colon",
                inLine(valid, text -> text.replaceFirst("\"format\":", "\"format\": "))));
        valid = sealed(tablet, here, "S10-newer-envelope.tachiiri", d -> { });
        cases.add(rejected("S10-newer-envelope.tachiiri", "bundle.error.newerVersion", "3.9",
                "an envelope of format 3.9",
                inLine(valid, text -> text.replaceFirst("\"3\\.0\"", "\"3.9\""))));
        DeviceIdentity office = TestDevices.fixed(OFFICE_ID, this.office, sha256("tachiiri hostile corpus: the corpus office's sealing key"));
        Recipient otherTablet = TestDevices.fixed("corpus-tablet-99", second,
                sha256("tachiiri hostile corpus: another tablet's sealing key")).asRecipient();
        Draft assignments = assignments("T14-sealed-to-another-tablet.tachiiri", 1600, d -> d.sealedFor(office, List.of(otherTablet)));
        cases.add(rejectedAtTablet("T14-sealed-to-another-tablet.tachiiri", "bundle.error.notForUs", otherTablet.fingerprint(),
                "the office's assignments sealed to another tablet",
                TestDevices.seal(signedBy(this.office, assignments), office, List.of(otherTablet))));
        followUpCases(cases, office);
        Draft enrolment = enrolment("S11-enrolment-of-an-office.json", office);
        cases.add(rejected("S11-enrolment-of-an-office.json", "sync.error.enrolmentRole", OFFICE_ID,
                "an office's enrolment file, imported at an office",
                signedBy(this.office, enrolment)));
        Draft lowOrder = enrolment("S12-enrolment-low-order-key.json", tablet);
        lowOrder.object("/device").put("sealingKey", LOW_ORDER_POINT);
        lowOrder.object("/payload").put("role", "INSPECTOR");
        cases.add(rejected("S12-enrolment-low-order-key.json", "bundle.error.badSealingKey", DEVICE_ID,
                "a tablet's enrolment whose sealing key is a low-order X25519 point, which nothing can be sealed to",
                signed(lowOrder)));
    }

    /**
     * Assignments bundles of format 3.1 with the follow-up of the planned facility's earlier inspection, each validly
     * signed by the corpus office and sealed to the receiving tablet, each breaking one of the follow-up's rules.
     */
    private void followUpCases(List<Case> cases, DeviceIdentity office) {
        String item = "/payload/followUps/0/items/0";
        cases.add(followUpCase("T15-follow-up-of-an-unplanned-facility.tachiiri", 1700, "bundle.error.followUp",
                "corpus-facility-9", "the follow-up of an inspection of a facility the bundle plans nothing at",
                office, d -> d.object("/payload/followUps/0").put("facilityId", "corpus-facility-9")));
        cases.add(followUpCase("T16-follow-up-closed-without-day.tachiiri", 1800, "bundle.error.followUp", item + "/doneOn",
                "a finding assessed as closed (改善済) without the day it was improved", office,
                d -> d.object(item).putNull("doneOn")));
        cases.add(followUpCase("T17-follow-up-assessed-without-report.tachiiri", 1900, "bundle.error.followUp",
                item + "/assessment", "a finding assessed although no improvement report was received", office,
                d -> d.object("/payload/followUps/0").putNull("reportReceivedOn")));
        cases.add(followUpCase("T18-follow-up-new-target-when-closed.tachiiri", 2000, "bundle.error.followUp",
                item + "/newTargetDate", "a new target date on a finding closed, which only one in progress has", office,
                d -> d.object(item).put("newTargetDate", "2025-12-31")));
        cases.add(followUpCase("T19-follow-up-item-twice.tachiiri", 2100, "bundle.error.duplicate",
                "vulnerability.device-ledger", "one finding twice in the follow-up of an inspection", office,
                d -> d.array("/payload/followUps/0/items").add(d.object(item).deepCopy())));
        cases.add(followUpCase("T20-follow-ups-in-3-0.tachiiri", 2200, "bundle.error.schema", "followUps",
                "a file of format 3.0, which carried no follow-up, with it", office,
                d -> d.signed.put("formatVersion", BundleWriter.SEALED_SINCE)));
        cases.add(followUpCase("T21-follow-ups-missing-in-3-1.tachiiri", 2300, "bundle.error.schema", "followUps",
                "a file of format 3.1 without the follow-up it always carries", office,
                d -> d.object("/payload").remove("followUps")));
    }

    private Case followUpCase(String file, long sequence, String key, String detail, String what, DeviceIdentity office,
                              Consumer<Draft> change) {
        Recipient tablet = receivingTablet().asRecipient();
        Draft draft = assignments(file, sequence, d -> {
            d.sealedFor(office, List.of(tablet));
            d.signed.put("formatVersion", BundleWriter.FORMAT_VERSION);
            d.object("/payload").set("followUps", BundleRecords.tree(List.of(new BundleRecords.FollowUp(FACILITY_ID,
                    INSPECTION_ID, "2025-06-02", "2025-07-15", List.of(new BundleRecords.FollowUpItem(
                    "vulnerability.device-ledger", "2025-09-30", "機器台帳を全面的に更新した", "2025-07-01", "CLOSED", null))))));
            change.accept(d);
        });
        return rejectedAtTablet(file, key, detail, what, TestDevices.seal(signedBy(this.office, draft), office,
                List.of(tablet)));
    }

    /** The keys of the tablet store the corpus is imported into, so that the files sealed to it open there. */
    static DeviceIdentity receivingTablet() {
        return TestDevices.fixed("corpus-receiving-tablet", fromSeed(sha256("tachiiri hostile corpus: the receiving tablet's key")),
                sha256("tachiiri hostile corpus: the receiving tablet's sealing key"));
    }

    /** A low-order X25519 point (order 8), spelt as a key: HPKE refuses to seal to it. */
    static final String LOW_ORDER_POINT = "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800";

    /** The keys of the office store the corpus is imported into, so that the files sealed to it open there. */
    static DeviceIdentity receivingOffice() {
        return TestDevices.fixed("corpus-receiving-office", fromSeed(sha256("tachiiri hostile corpus: the receiving office's key")),
                sha256("tachiiri hostile corpus: the receiving office's sealing key"));
    }

    /** The valid findings bundle of the corpus tablet, for {@code file}, signed and sealed to {@code recipient}. */
    private byte[] sealed(DeviceIdentity tablet, Recipient recipient, String file, Consumer<Draft> change) {
        return sealedAs(tablet, recipient, List.of(recipient), file, change);
    }

    private byte[] sealedAs(DeviceIdentity tablet, Recipient sealedTo, List<Recipient> named, String file) {
        return sealedAs(tablet, sealedTo, named, file, d -> { });
    }

    /** Sealed to {@code sealedTo}, the signed bundle naming {@code named} as its recipients. */
    private byte[] sealedAs(DeviceIdentity tablet, Recipient sealedTo, List<Recipient> named, String file,
                            Consumer<Draft> change) {
        Draft draft = draft(file, d -> {
            d.sealedFor(tablet, named);
            change.accept(d);
        });
        return TestDevices.seal(signed(draft), tablet, List.of(sealedTo));
    }

    /** An enrolment of {@code device}, as the writer makes it. */
    private Draft enrolment(String file, DeviceIdentity device) {
        Draft draft = new Draft();
        ObjectNode signed = draft.signed;
        signed.put("format", BundleWriter.FORMAT);
        signed.put("formatVersion", BundleWriter.versionOf(BundleKind.ENROLMENT));
        signed.put("bundleId", bundleId(file));
        signed.put("kind", BundleKind.ENROLMENT.wireName());
        signed.put("createdAt", CREATED_AT);
        signed.putObject("device").put("id", device.deviceId()).put("publicKey", device.publicKeyHex())
                .put("sealingKey", device.sealing().publicKeyHex());
        signed.putArray("manifest");
        signed.putObject("payload").put("role", "OFFICE");
        return draft;
    }

    /** The sealed file with its envelope line (ASCII) changed by {@code change}, the ciphertext as it was. */
    private static byte[] inLine(byte[] sealed, java.util.function.UnaryOperator<String> change) {
        int length = lineLength(sealed);
        byte[] line = change.apply(new String(sealed, 0, length, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        return concat(line, Arrays.copyOfRange(sealed, length, sealed.length));
    }

    private static int lineLength(byte[] sealed) {
        return indexOf(sealed, "\n") + 1;
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] changed = bytes.clone();
        changed[at] ^= 1;
        return changed;
    }

    /** One bit flipped in the base64 text {@code offset} characters after {@code marker}, staying base64. */
    private static byte[] replaced(byte[] bytes, String marker, int offset) {
        byte[] changed = bytes.clone();
        int at = indexOf(bytes, marker) + marker.length() + offset;
        changed[at] = (byte) (changed[at] == 'A' ? 'B' : 'A');
        return changed;
    }

    /** The JSON pointer of the object holding the member at {@code pointer}. */
    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String photoId() {
        return Blob.of(photo(), "image/png").id();
    }

    private static ObjectNode claim(String from) {
        return BundleJson.MAPPER.createObjectNode().put("addOn", "records-management-1-2024").put("from", from);
    }

    private static Case rejected(String file, String key, String detail, String what, byte[] content) {
        return new Case(file, OFFICE, REJECTED, key, detail, what, content);
    }

    private static Case rejectedAtTablet(String file, String key, String detail, String what, byte[] content) {
        return new Case(file, TABLET, REJECTED, key, detail, what, content);
    }

    // ---- the valid base bundle -----------------------------------------------------------------------------

    /** The members a bundle signs, and its attachments, before signing. */
    final class Draft {

        final ObjectNode signed = BundleJson.MAPPER.createObjectNode();
        final List<Blob> blobs = new ArrayList<>();

        ObjectNode object(String pointer) {
            return (ObjectNode) signed.at(pointer);
        }

        ArrayNode array(String pointer) {
            return (ArrayNode) signed.at(pointer);
        }

        ObjectNode inspection() {
            return object("/payload/inspections/0");
        }

        ObjectNode revision() {
            return object("/payload/inspections/0/revisions/0");
        }

        ObjectNode facility() {
            return object("/payload/inspections/0/revisions/0/facility");
        }

        ObjectNode finding(int index) {
            return object("/payload/inspections/0/revisions/0/findings/" + index);
        }

        ObjectNode evidence() {
            return object("/payload/inspections/0/revisions/0/evidence/0");
        }

        ObjectNode hospitalRow(int index) {
            return object("/payload/inspections/0/revisions/0/hospitalForm/" + index);
        }

        ObjectNode vendorForm(int index) {
            return object("/payload/inspections/0/revisions/0/vendorForms/" + index);
        }

        void addBlob(Blob blob) {
            blobs.add(blob);
            signed.set("manifest", BundleJson.MAPPER.valueToTree(manifest(blobs)));
        }

        /** Replaces the payload's inspection by one with these ids and this evidence attachment. */
        Draft onlyInspection(String inspectionId, String evidenceId, String auditIdPrefix, Blob blob) {
            blobs.clear();
            addBlob(blob);
            signed.set("payload", BundleRecords.tree(new BundleRecords.FindingsPayload(
                    List.of(HostileCorpusGenerator.inspection(inspectionId, evidenceId, auditIdPrefix, blob)))));
            return this;
        }

        /** The draft under another bundle id. */
        Draft withBundleId(String bundleId) {
            signed.put("bundleId", bundleId);
            return this;
        }

        /**
         * As a release of format 2.0 wrote it: without the facility's type and fee add-on claims of 2.1, and the
         * revisions' forms of 2.2.
         */
        Draft asFormat20() {
            signed.put("formatVersion", "2.0");
            signed.findParents("feeAddOnClaims").forEach(facility -> ((ObjectNode) facility).remove(
                    List.of("type", "feeAddOnClaims")));
            RewrittenBundles.withoutForms(signed);
            return this;
        }

        /**
         * The draft as format 3.0 names its sender's sealing key and its recipients, as sealed bundles do (3.0, which
         * every sealed kind may be: an assignments bundle of 3.1 needs the follow-up too).
         */
        Draft sealedFor(DeviceIdentity sender, List<Recipient> recipients) {
            signed.put("formatVersion", BundleWriter.SEALED_SINCE);
            object("/device").put("sealingKey", sender.sealing().publicKeyHex());
            ArrayNode named = signed.putArray("recipients");
            recipients.forEach(recipient -> named.addObject().put("deviceId", recipient.deviceId())
                    .put("fingerprint", recipient.fingerprint()));
            return this;
        }

        /** The draft as sent by another device, with that device's key. */

        Draft fromDevice(String deviceId, KeyPair keys) {
            object("/device").put("id", deviceId).put("publicKey", DeviceKeys.publicKeyHex(keys.getPublic()));
            return this;
        }

        /** A second evidence of the ledger item, with its own attachment. */
        void addEvidence(String evidenceId, Blob blob) {
            addBlob(blob);
            array("/payload/inspections/0/revisions/0/evidence").add(BundleRecords.tree(new BundleRecords.Evidence(
                    evidenceId, "vulnerability.device-ledger", "追加資料.bin", blob.mediaType(), blob.id(),
                    "2025-06-02T01:25:00Z")));
        }
    }

    /** The valid bundle with an id of its own for {@code file}, so that no hostile file passes as "already imported". */
    Draft draft(String file) {
        return draft(file, d -> { });
    }

    Draft draft(String file, Consumer<Draft> change) {
        Draft draft = new Draft();
        Blob photo = Blob.of(photo(), "image/png");
        draft.blobs.add(photo);
        ObjectNode signed = draft.signed;
        signed.put("format", BundleWriter.FORMAT);
        signed.put("formatVersion", SIGNED_ONLY_VERSION);
        signed.put("bundleId", bundleId(file));
        signed.put("kind", BundleKind.FINDINGS.wireName());
        signed.put("createdAt", CREATED_AT);
        signed.putObject("device").put("id", DEVICE_ID).put("publicKey", DeviceKeys.publicKeyHex(corpus.getPublic()));
        signed.set("manifest", BundleJson.MAPPER.valueToTree(manifest(draft.blobs)));
        signed.set("payload", BundleRecords.tree(new BundleRecords.FindingsPayload(
                List.of(inspection(INSPECTION_ID, "corpus-evidence-1", "corpus-audit-", photo)))));
        change.accept(draft);
        return draft;
    }

    /**
     * An assignments bundle of the corpus office, numbered {@code sequence}, for every inspector: the control's
     * facility, a plan and an approval of the control's inspection.
     */
    Draft assignments(String file, long sequence, Consumer<Draft> change) {
        Draft draft = new Draft();
        ObjectNode signed = draft.signed;
        signed.put("format", BundleWriter.FORMAT);
        signed.put("formatVersion", SIGNED_ONLY_VERSION);
        signed.put("bundleId", bundleId(file));
        signed.put("kind", BundleKind.ASSIGNMENTS.wireName());
        signed.put("createdAt", "2025-06-12T08:00:00Z");
        signed.putObject("device").put("id", OFFICE_ID).put("publicKey", DeviceKeys.publicKeyHex(office.getPublic()));
        signed.putArray("manifest");
        BundleRecords.Facility facility = inspection(INSPECTION_ID, "unused", "unused-", Blob.of(photo(), "image/png"))
                .latest().facility();
        ObjectNode payload = (ObjectNode) BundleRecords.tree(new BundleRecords.AssignmentsPayload(sequence, null, List.of(),
                List.of(facility), List.of(new BundleRecords.Assignment("corpus-plan-1", FACILITY_ID, "corpus-inspector",
                        "試験 太郎", "2025-07-01", "2025-06-12T07:00:00Z")), List.of(),
                List.of(new BundleRecords.Review(INSPECTION_ID, 1, "APPROVED", "問題ありません", "2025-06-12T07:30:00Z",
                        "corpus-supervisor", List.of())), List.of(), List.of(planSelfCheck()), null));
        signed.set("payload", payload);
        change.accept(draft);
        return draft;
    }

    private static String bundleId(String file) {
        return "corpus-" + file.substring(0, file.lastIndexOf('.'));
    }

    /** The plan's self-check as the hospital's and its vendor's filled workbooks gave it to the office (format 2.3). */
    private static BundleRecords.PlanSelfCheck planSelfCheck() {
        return new BundleRecords.PlanSelfCheck("corpus-plan-1", List.of(
                new BundleRecords.HospitalFormRow("2-①", "YES", "2025-06-10", null, null, "", "2025-06-11T09:00:00Z"),
                new BundleRecords.HospitalFormRow("2-⑦", "NO", "2025-06-10", "2025-12-31", null, "", "2025-06-11T09:00:00Z")),
                List.of(new BundleRecords.VendorForm("試験システム株式会社", "電子カルテ", "RECEIVED", "2025-06-09", "",
                        List.of(new BundleRecords.VendorAnswer("2-⑦", "NO")), "2025-06-11T09:05:00Z")));
    }

    private static BundleRecords.Inspection inspection(String inspectionId, String evidenceId, String auditIdPrefix,
                                                       Blob photo) {
        BundleRecords.Facility facility = new BundleRecords.Facility(FACILITY_ID, "1310000001", "コーパス記念病院",
                "こーぱすきねんびょういん", "東京都千代田区試験町1-2-3", 120, true, true,
                List.of(new BundleRecords.Vendor("試験システム株式会社", "電子カルテ")), false, "hospital", List.of());
        List<BundleRecords.Finding> findings = List.of(
                new BundleRecords.Finding(GATE, "YES", List.of("INTERVIEW"), "2025-06-02", "", "", "", null, false,
                        "2025-06-02T01:05:00Z"),
                new BundleRecords.Finding("vulnerability.device-ledger", "NON_COMPLIANT", List.of("DOCUMENT", "OBSERVATION"),
                        "2025-06-02", "台帳は2023年から更新されていない", "",
                        "機器の追加や入れ替えのたびに台帳を更新してください。", "2025-09-30", true, "2025-06-02T01:10:00Z"),
                new BundleRecords.Finding("vulnerability.remote-maintenance-scope", "COMPLIANT", List.of("DOCUMENT"),
                        "2025-06-02", "", "", "", null, false, "2025-06-02T01:15:00Z"),
                new BundleRecords.Finding("backup.generations", "ALTERNATIVE", List.of("INTERVIEW", "VENDOR_STATEMENT"),
                        "2025-06-02", "", "事業者が週次で別媒体に保管", "", null, false, "2025-06-02T01:20:00Z"));
        BundleRecords.Evidence evidence = new BundleRecords.Evidence(evidenceId, "vulnerability.device-ledger",
                "機器台帳.png", "image/png", photo.id(), "2025-06-02T01:12:00Z");
        // The hospital said はい to the device ledger, which the inspector found wanting (相違); いいえ to passwords, with a
        // target date, as the vendor said too.
        List<BundleRecords.HospitalFormRow> hospitalForm = List.of(
                new BundleRecords.HospitalFormRow("2-①", "YES", "2025-05-30", null, "DIFFERS", "台帳が2023年から更新されていない",
                        "2025-06-02T01:11:00Z"),
                new BundleRecords.HospitalFormRow("2-⑦", "NO", "2025-05-30", "2025-09-30", "AGREES", "",
                        "2025-06-02T01:04:00Z"));
        List<BundleRecords.VendorForm> vendorForms = List.of(new BundleRecords.VendorForm("試験システム株式会社", "電子カルテ",
                "RECEIVED", "2025-05-28", "", List.of(new BundleRecords.VendorAnswer("2-⑦", "NO")), "2025-06-02T01:06:00Z"));
        BundleRecords.Revision revision = new BundleRecords.Revision(1, "2025.1", "2025-06-02", null,
                "2025-06-02T01:00:00Z", "2025-06-02T02:00:00Z", facility, List.of("試験 太郎"),
                List.of(new BundleRecords.Attendee("情報 花子", "システム管理者")), findings, List.of(evidence), hospitalForm,
                vendorForms);
        return new BundleRecords.Inspection(inspectionId, FACILITY_ID, "2025-06-02T01:00:00Z", false, List.of(revision),
                audit(inspectionId, auditIdPrefix));
    }

    private static List<BundleRecords.AuditEvent> audit(String inspectionId, String idPrefix) {
        return audit(inspectionId, idPrefix, 1);
    }

    /** A correctly chained audit trail: started, one finding changed, revision {@code finalized} finalized. */
    private static List<BundleRecords.AuditEvent> audit(String inspectionId, String idPrefix, int finalized) {
        List<AuditEvent> drafts = List.of(
                new AuditEvent(idPrefix + 1, inspectionId, 0, Instant.parse("2025-06-02T01:00:00Z"), "tester",
                        "INSPECTION_STARTED", FACILITY_ID, null, "date=2025-06-02; catalog=2025.1; inspectors=試験 太郎", null,
                        null, null),
                new AuditEvent(idPrefix + 2, inspectionId, 0, Instant.parse("2025-06-02T01:10:00Z"), "tester",
                        "FINDING_CHANGED", "vulnerability.device-ledger/answer", null, "NON_COMPLIANT", null, null, null),
                new AuditEvent(idPrefix + 3, inspectionId, 0, Instant.parse("2025-06-02T02:00:00Z"), "tester",
                        AuditChain.REVISION_FINALIZED, AuditChain.revisionSubject(finalized), "IN_PROGRESS", "FINALIZED",
                        null, null, null));
        return sealed(drafts);
    }

    /** Drafts chained in their order, from the first event on, as a bundle carries them. */
    public static List<BundleRecords.AuditEvent> sealed(List<AuditEvent> drafts) {
        List<BundleRecords.AuditEvent> events = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < drafts.size(); i++) {
            AuditEvent sealed = AuditChain.seal(drafts.get(i), i + 1, previous);
            events.add(new BundleRecords.AuditEvent(sealed.id(), sealed.sequence(), sealed.at().toString(), sealed.actor(),
                    sealed.action(), sealed.subject(), sealed.oldValue(), sealed.newValue(), sealed.reason(),
                    sealed.previousHash(), sealed.hash()));
            previous = sealed.hash();
        }
        return events;
    }

    /** The evidence photo: 200 bytes, so its base64 ends in one '=' and has two unused bits. */
    static byte[] photo() {
        return pattern(200, 1);
    }

    private static byte[] pattern(int size, int salt) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + salt * 17 + (i >> 8));
        }
        return bytes;
    }

    private static List<BundleRecords.ManifestEntry> manifest(List<Blob> blobs) {
        return blobs.stream().map(blob -> new BundleRecords.ManifestEntry(blob.id(), blob.bytes().length,
                HexFormat.of().formatHex(sha256(blob.bytes())), blob.mediaType())).toList();
    }

    // ---- signing and writing -------------------------------------------------------------------------------

    /** The draft signed with the corpus key, as BundleWriter lays it out. */
    byte[] signed(Draft draft) {
        return signedBy(corpus, draft);
    }

    byte[] signedBy(KeyPair keys, Draft draft) {
        return json(document(draft, keys.getPrivate(), root -> { }));
    }

    /**
     * The whole document: the signed members, the signature by {@code key} over their canonical form, and the
     * attachment chunks; {@code afterSigning} may then change anything.
     */
    static ObjectNode document(Draft draft, PrivateKey key, Consumer<ObjectNode> afterSigning) {
        ObjectNode root = draft.signed.deepCopy();
        root.put("signature", DeviceKeys.sign(key, BundleLayout.signedText(draft.signed)));
        ArrayNode attachments = root.putArray("attachments");
        for (Blob blob : draft.blobs) {
            chunks(blob).forEach(attachments::add);
        }
        afterSigning.accept(root);
        return root;
    }

    private static List<ObjectNode> chunks(Blob blob) {
        List<ObjectNode> chunks = new ArrayList<>();
        for (int offset = 0, index = 0; offset < blob.bytes().length; offset += BundleWriter.CHUNK_BYTES, index++) {
            byte[] part = Arrays.copyOfRange(blob.bytes(), offset, Math.min(blob.bytes().length, offset + BundleWriter.CHUNK_BYTES));
            ObjectNode chunk = BundleJson.MAPPER.createObjectNode();
            chunk.put("id", blob.id());
            chunk.put("index", index);
            chunk.put("data", Base64.getEncoder().encodeToString(part));
            chunks.add(chunk);
        }
        return chunks;
    }

    private static ObjectNode chunk(ObjectNode root, int position) {
        return (ObjectNode) root.get("attachments").get(position);
    }

    /**
     * The document spelt as a bundle is ({@link BundleLayout}): the canonical text of the signed members without
     * its closing brace, the signature, and each chunk in its canonical form. A file whose content was changed
     * after signing is still spelt this way, so that only the signature can tell.
     */
    static byte[] json(ObjectNode root) {
        ObjectNode signed = root.deepCopy();
        JsonNode signature = signed.remove(BundleLayout.SIGNATURE);
        JsonNode attachments = signed.remove(BundleLayout.ATTACHMENTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BundleLayout.head(CanonicalJson.bytes(signed), signature.textValue()));
        for (int i = 0; i < attachments.size(); i++) {
            if (i > 0) {
                out.writeBytes(BundleLayout.CHUNK_SEPARATOR);
            }
            out.writeBytes(CanonicalJson.bytes(attachments.get(i)));
        }
        out.writeBytes(BundleLayout.END);
        return out.toByteArray();
    }

    /** The document as Jackson writes it, member by member in its order: for files whose structure is broken. */
    static byte[] raw(JsonNode root) {
        try {
            return BundleJson.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the unused low bits of the last base64 character before the padding. */
    private static String withPaddingBitsSet(String data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = data.indexOf('=') - 1;
        int unused = data.endsWith("==") ? 0b1111 : 0b11;
        int value = alphabet.indexOf(data.charAt(last));
        if ((value & unused) != 0) {
            throw new IllegalStateException("the padding bits of " + data + " are already set");
        }
        return data.substring(0, last) + alphabet.charAt(value | unused) + data.substring(last + 1);
    }

    // ---- keys ----------------------------------------------------------------------------------------------

    /** The corpus device's key: the hex line of the key file; lines starting with '#' are comments. */
    static PrivateKey readKey(Path keyFile) throws IOException {
        String hex = Files.readAllLines(keyFile, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no key in " + keyFile));
        return DeviceKeys.privateKey(HexFormat.of().parseHex(hex));
    }

    private static void writeNewKey(Path keyFile) throws IOException {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        byte[] pkcs8 = fromSeed(seed).getPrivate().getEncoded();
        Files.writeString(keyFile, """
                # TEST KEY ONLY. The Ed25519 private key (PKCS#8, hex) of the made-up device "corpus-tablet-01" that signs
                # the hostile test corpus in this folder (see HostileCorpusGenerator). It is public in the repository:
                # never enrol, trust or use it anywhere but in these tests.
                """ + HexFormat.of().formatHex(pkcs8) + "\n", StandardCharsets.UTF_8);
    }

    /** The key pair of a PKCS#8 Ed25519 private key (its last 32 bytes are the seed the public key derives from). */
    private static KeyPair keyPair(PrivateKey key) {
        String hex = HexFormat.of().formatHex(key.getEncoded());
        if (!hex.startsWith(PKCS8_ED25519_PREFIX) || hex.length() != PKCS8_ED25519_PREFIX.length() + 64) {
            throw new IllegalArgumentException("not a plain PKCS#8 Ed25519 key");
        }
        KeyPair pair = fromSeed(HexFormat.of().parseHex(hex.substring(PKCS8_ED25519_PREFIX.length())));
        byte[] probe = bytes("probe");
        PublicKey publicKey = pair.getPublic();
        if (!DeviceKeys.verify(publicKey, probe, DeviceKeys.sign(key, probe))) {
            throw new IllegalStateException("the derived public key does not match the private key");
        }
        return new KeyPair(publicKey, key);
    }

    /** An Ed25519 key pair from a 32-byte seed: the JDK draws exactly the seed from the random source. */
    static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    if (bytes.length != seed.length) {
                        throw new IllegalStateException("expected a request for a " + seed.length + "-byte seed");
                    }
                    System.arraycopy(seed, 0, bytes, 0, seed.length);
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- bytes ---------------------------------------------------------------------------------------------

    private static byte[] sha256(byte[] bytes) {
        return Sha256.digest().digest(bytes);
    }

    private static byte[] sha256(String text) {
        return sha256(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, String needle) {
        return indexOf(haystack, bytes(needle), 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found: " + new String(needle, StandardCharsets.UTF_8));
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found: " + new String(needle, StandardCharsets.UTF_8));
    }

    private static byte[] replaceFirst(byte[] content, String target, String replacement) {
        return replaceFirst(content, target, bytes(replacement));
    }

    private static byte[] replaceFirst(byte[] content, String target, byte[] replacement) {
        return replaceFirst(content, bytes(target), replacement);
    }

    private static byte[] replaceFirst(byte[] content, byte[] target, byte[] replacement) {
        int at = indexOf(content, target, 0);
        return concat(Arrays.copyOf(content, at), replacement, Arrays.copyOfRange(content, at + target.length, content.length));
    }

    private static byte[] replaceLast(byte[] content, String target, String replacement) {
        int at = lastIndexOf(content, bytes(target));
        return concat(Arrays.copyOf(content, at), bytes(replacement),
                Arrays.copyOfRange(content, at + bytes(target).length, content.length));
    }
}
