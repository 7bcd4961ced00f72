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
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.ForkedTablets;
import jp.tachiiri.testsupport.FuzzingSummary;
import jp.tachiiri.testsupport.Rejections;
import jp.tachiiri.testsupport.StoreDump;
import jp.tachiiri.testsupport.Offices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import past the signature. The input is a bundle document; whatever Jazzer makes of its members, the test
 * puts a corpus device in it, signs it again with that device's test key and spells it as the writer does, so
 * that a mutation reaches the schema, the payload rules, the catalog check and the merge instead of stopping at
 * the spelling or the signature. Every input meets the same store: a copy of a data folder that has enrolled the
 * corpus device and imported the hostile corpus's control bundle, so that arriving inspections can also meet
 * stored ones. The file must be
 * imported, or found already imported, or rejected with a foreseen message naming it in both languages; unless
 * imported, every table and file of the store must be as it was. Inputs that are no JSON object are left to
 * {@link BundleReaderFuzzTest}. An assignments document goes, signed by the corpus office, to a tablet that
 * enrolled that office; anything else to the office. Kept inputs: {@code ImportFuzzTestInputs/importsAnySignedDocument/},
 * the hostile corpus's JSON objects (its assignments bundles among them).
 */
@ExtendWith(FuzzingSummary.class)
class ImportFuzzTest {

    private static final String FILE_NAME = "fuzz-input.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T00:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path work;

    private static PrivateKey corpusKey;
    private static JsonNode corpusDevice;
    private static JsonNode officeDevice;
    /** An office that enrolled the corpus tablet, and a tablet that enrolled the corpus office. */
    private static Store office;
    private static Store tablet;

    /** A data folder as every input meets it: a template, a copy of it in use, and its tables and files then. */
    private static final class Store {
        private final Path template;
        private final Path folder;
        private Workspace workspace;
        private String pristine;

        Store(Path template, Path folder) throws IOException {
            this.template = template;
            this.folder = folder;
            renew();
            pristine = StoreDump.withFiles(workspace);
        }

        /** A fresh copy of the template; opening a data folder is slow, so only a changed store is renewed. */
        void renew() throws IOException {
            if (workspace != null) {
                workspace.close();
                ForkedTablets.deleteFolder(folder);
            }
            ForkedTablets.copyFolder(template, folder);
            workspace = Workspace.open(folder, CLOCK);
        }
    }

    @BeforeAll
    static void enrolTheCorpusDevices() throws IOException {
        corpusKey = HostileCorpusGenerator.readKey(HostileCorpusTest.CORPUS.resolve(HostileCorpusGenerator.KEY_FILE));
        Path control = HostileCorpusTest.CORPUS.resolve(HostileCorpusGenerator.CONTROL);
        Path assignments = HostileCorpusTest.CORPUS.resolve(HostileCorpusGenerator.TABLET_CONTROL);
        corpusDevice = BundleJson.MAPPER.readTree(control.toFile()).get("device");
        officeDevice = BundleJson.MAPPER.readTree(assignments.toFile()).get("device");
        try (Workspace enrolling = Offices.open(work.resolve("office-template"), CLOCK)) {
            assertThat(enrolling.sync().importFile(control, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
        try (Workspace enrolling = Workspace.open(work.resolve("tablet-template"), CLOCK)) {
            enrolling.settings().setRole(Role.INSPECTOR);
            assertThat(enrolling.sync().importFile(assignments, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        }
        office = new Store(work.resolve("office-template"), work.resolve("office"));
        tablet = new Store(work.resolve("tablet-template"), work.resolve("tablet"));
    }

    @AfterAll
    static void closeStores() {
        office.workspace.close();
        tablet.workspace.close();
    }

    @FuzzTest
    void importsAnySignedDocument(byte[] input) throws IOException {
        FuzzingSummary.executed();
        Optional<ObjectNode> document = document(input);
        if (document.isEmpty()) {
            return;
        }
        // An assignments bundle goes to the tablet, signed by its office; anything else to the office, by its tablet.
        boolean assignments = "assignments".equals(document.get().path("kind").asText());
        Store store = assignments ? tablet : office;
        Path file = Files.write(work.resolve(FILE_NAME), signed(document.get(), assignments ? officeDevice : corpusDevice,
                assignments ? HostileCorpusGenerator.officeKey() : corpusKey));

        ImportOutcome outcome = store.workspace.sync().importFile(file, false);

        boolean imported = outcome.result() == ImportOutcome.Result.IMPORTED;
        String after = imported ? null : StoreDump.withFiles(store.workspace);
        if (imported || !after.equals(store.pristine)) {
            store.renew();
        }
        assertThat(outcome.result()).as(outcome.toString()).isIn(ImportOutcome.Result.IMPORTED,
                ImportOutcome.Result.ALREADY_IMPORTED, ImportOutcome.Result.REJECTED);
        if (outcome.result() == ImportOutcome.Result.REJECTED) {
            Rejections.assertClear(outcome.problem().orElseThrow(), FILE_NAME);
        }
        if (!imported) {
            assertThat(after).as("the store after %s", outcome).isEqualTo(store.pristine);
        }
    }

    /** The input as a JSON object within the reader's limits, or empty. */
    private static Optional<ObjectNode> document(byte[] input) {
        try {
            return BundleJson.MAPPER.readTree(input) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The document's members with {@code device} as sender, signed with {@code key} and spelt as the writer spells
     * a bundle, so that the input reaches past the spelling and the signature; a document that cannot be spelt so
     * (a member that cannot be signed, attachments that are no array of objects) as Jackson writes it.
     */
    private static byte[] signed(ObjectNode document, JsonNode device, PrivateKey key) throws IOException {
        document.remove("signature");
        JsonNode attachments = document.remove("attachments");
        document.set("device", device.deepCopy());
        String signature;
        try {
            signature = DeviceKeys.sign(key, CanonicalJson.bytes(document));
        } catch (CanonicalJson.NotCanonical e) {
            // Cannot be signed; the reader must refuse it before it looks at the signature.
            signature = "0".repeat(128);
        }
        document.put("signature", signature);
        if (attachments != null) {
            document.set("attachments", attachments);
        }
        try {
            if (attachments != null && attachments.isArray()) {
                return HostileCorpusGenerator.json(document);
            }
        } catch (CanonicalJson.NotCanonical e) {
            // Spelt as it comes.
        }
        return BundleJson.MAPPER.writeValueAsBytes(document);
    }
}
