package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.FuzzingSummary;
import jp.tachiiri.testsupport.Rejections;
import jp.tachiiri.testsupport.StoreDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import past the signature. The input is a bundle document; whatever Jazzer makes of its members, the test
 * puts the corpus device in it and signs it again with that device's test key, so that a mutation reaches the
 * schema, the payload rules, the catalog check and the merge instead of stopping at the signature. Every input
 * meets the same store: a copy of an office data folder that has enrolled the corpus device and imported the
 * hostile corpus's control bundle, so that arriving inspections can also meet stored ones. The file must be
 * imported, or found already imported, or rejected with a foreseen message naming it in both languages; unless
 * imported, every table and file of the store must be as it was. Inputs that are no JSON object are left to
 * {@link BundleReaderFuzzTest}. Kept inputs: {@code ImportFuzzTestInputs/importsAnySignedDocument/}, the hostile
 * corpus's JSON objects and an assignments bundle.
 */
@ExtendWith(FuzzingSummary.class)
class ImportFuzzTest {

    private static final String FILE_NAME = "fuzz-input.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T00:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path work;

    private static Path template;
    private static PrivateKey corpusKey;
    private static JsonNode corpusDevice;
    /** A copy of the template, as it is at the start of every input. */
    private static Workspace office;
    /** Its tables and files as they are then. */
    private static String pristine;

    @BeforeAll
    static void enrolTheCorpusDevice() throws IOException {
        corpusKey = HostileCorpusGenerator.readKey(HostileCorpusTest.CORPUS.resolve(HostileCorpusGenerator.KEY_FILE));
        Path control = HostileCorpusTest.CORPUS.resolve(HostileCorpusGenerator.CONTROL);
        corpusDevice = BundleJson.MAPPER.readTree(control.toFile()).get("device");
        template = work.resolve("template");
        try (Workspace enrolling = Workspace.open(template, CLOCK)) {
            assertThat(enrolling.sync().importFile(control, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
        openCopyOfTemplate();
        pristine = StoreDump.withFiles(office);
    }

    @AfterAll
    static void closeOffice() {
        office.close();
    }

    @FuzzTest
    void importsAnySignedDocument(byte[] input) throws IOException {
        FuzzingSummary.executed();
        Optional<byte[]> bundle = signedByTheCorpusDevice(input);
        if (bundle.isEmpty()) {
            return;
        }
        Path file = Files.write(work.resolve(FILE_NAME), bundle.get());

        ImportOutcome outcome = office.sync().importFile(file, false);

        boolean imported = outcome.result() == ImportOutcome.Result.IMPORTED;
        String after = imported ? null : StoreDump.withFiles(office);
        // Opening a data folder is slow, so only a changed store is replaced, before anything can fail.
        if (imported || !after.equals(pristine)) {
            office.close();
            ForkedTablets.deleteFolder(office.folder());
            openCopyOfTemplate();
        }
        assertThat(outcome.result()).as(outcome.toString()).isIn(ImportOutcome.Result.IMPORTED,
                ImportOutcome.Result.ALREADY_IMPORTED, ImportOutcome.Result.REJECTED);
        if (outcome.result() == ImportOutcome.Result.REJECTED) {
            Rejections.assertClear(outcome.problem().orElseThrow(), FILE_NAME);
        }
        if (!imported) {
            assertThat(after).as("the store after %s", outcome).isEqualTo(pristine);
        }
    }

    private static void openCopyOfTemplate() throws IOException {
        Path folder = work.resolve("office");
        ForkedTablets.copyFolder(template, folder);
        office = Workspace.open(folder, CLOCK);
    }

    /**
     * The input's members with the corpus device as sender, signed with its key and laid out as the writer does
     * (signature, then attachments last); empty when the input is no JSON object within the reader's limits.
     */
    private static Optional<byte[]> signedByTheCorpusDevice(byte[] input) throws IOException {
        JsonNode parsed;
        try {
            parsed = BundleJson.MAPPER.readTree(input);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (!(parsed instanceof ObjectNode document)) {
            return Optional.empty();
        }
        document.remove("signature");
        JsonNode attachments = document.remove("attachments");
        document.set("device", corpusDevice.deepCopy());
        String signature;
        try {
            signature = DeviceKeys.sign(corpusKey, CanonicalJson.bytes(document));
        } catch (CanonicalJson.NotCanonical e) {
            // Cannot be signed; the reader must refuse it before it looks at the signature.
            signature = "0".repeat(128);
        }
        document.put("signature", signature);
        if (attachments != null) {
            document.set("attachments", attachments);
        }
        return Optional.of(BundleJson.MAPPER.writeValueAsBytes(document));
    }
}
