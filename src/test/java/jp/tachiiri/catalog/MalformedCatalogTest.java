package jp.tachiiri.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Starts from the real bundled catalog, breaks one thing and checks that the loader rejects the file with
 * the right problem key, JSON path and file name, in both languages.
 */
class MalformedCatalogTest {

    private static final String RESOURCE = "catalog/2025.1.json";
    private static final String FILE_NAME = "2099.1-under-test.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LOCATION = Pattern.compile("\\$ \\((\\d+):(\\d+)\\)");

    @TempDir
    Path dir;

    /**
     * One broken catalog. {@code path} is the exact JSON path expected, or, when {@code location} is true,
     * the expected prefix of a "$ (line:column)" location.
     */
    record Case(String name, Function<ObjectNode, String> render, String key, String path, boolean location,
            List<String> alsoMentioned) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> brokenCatalogs() {
        return Stream.of(
                tree("unknown field at top level", root -> root.put("author", "someone"),
                        "catalog.problem.unknownField", "$.author"),
                tree("unknown field inside an item", root -> object(root, "/checkpoints/0/items/2").put("severity", "high"),
                        "catalog.problem.unknownField", "$.checkpoints[0].items[2].severity"),
                tree("duplicate item id across two checkpoints",
                        root -> object(root, "/checkpoints/1/items/0").put("id", text(root, "/checkpoints/0/items/3/id")),
                        "catalog.problem.duplicateId", "$.checkpoints[1].items[0].id",
                        "$.checkpoints[0].items[3].id"),
                tree("item reuses the gate's id",
                        root -> object(root, "/checkpoints/2/items/1").put("id", text(root, "/gate/id")),
                        "catalog.problem.duplicateId", "$.checkpoints[2].items[1].id", "$.gate.id"),
                tree("missing English translation", root -> object(root, "/checkpoints/0/items/2/title").remove("en"),
                        "catalog.problem.missingTranslation", "$.checkpoints[0].items[2].title"),
                tree("missing Japanese translation of the gate guidance",
                        root -> object(root, "/gate/guidance").remove("ja"),
                        "catalog.problem.missingTranslation", "$.gate.guidance"),
                tree("empty advice text", root -> object(root, "/checkpoints/2/items/0/advice/2/text").put("en", "   "),
                        "catalog.problem.emptyText", "$.checkpoints[2].items[0].advice[2].text.en"),
                tree("unknown checkpoint id", root -> object(root, "/checkpoints/3").put("id", "contacts"),
                        "catalog.problem.unknownCheckpoint", "$.checkpoints[3].id"),
                tree("checkpoints in the wrong order", root -> {
                    ArrayNode checkpoints = array(root, "/checkpoints");
                    JsonNode backup = checkpoints.get(1);
                    checkpoints.set(1, checkpoints.get(2));
                    checkpoints.set(2, backup);
                }, "catalog.problem.checkpointOrder", "$.checkpoints"),
                tree("a checkpoint missing", root -> array(root, "/checkpoints").remove(3),
                        "catalog.problem.checkpointOrder", "$.checkpoints"),
                tree("checkpoint without items", root -> array(root, "/checkpoints/1/items").removeAll(),
                        "catalog.problem.noItems", "$.checkpoints[1].items"),
                tree("unknown applicability attribute",
                        root -> object(root, "/checkpoints/0/items/1/appliesWhen/0").put("attribute", "hasVendor"),
                        "catalog.problem.unknownAttribute", "$.checkpoints[0].items[1].appliesWhen[0].attribute"),
                tree("numeric attribute with equals", root -> {
                    ObjectNode condition = object(root, "/checkpoints/2/items/4/appliesWhen/0");
                    condition.removeAll();
                    condition.put("attribute", "licensedBeds").put("equals", true);
                }, "catalog.problem.badOperator", "$.checkpoints[2].items[4].appliesWhen[0]"),
                tree("yes/no attribute with atLeast", root -> {
                    ObjectNode condition = object(root, "/checkpoints/0/items/1/appliesWhen/0");
                    condition.remove("equals");
                    condition.put("atLeast", 1);
                }, "catalog.problem.badOperator", "$.checkpoints[0].items[1].appliesWhen[0]"),
                tree("zero bed count", root -> object(root, "/checkpoints/2/items/4/appliesWhen/0").put("atLeast", 0),
                        "catalog.problem.badBeds", "$.checkpoints[2].items[4].appliesWhen[0].atLeast"),
                tree("unknown answer", root -> array(root, "/checkpoints/1/items/0/answers").set(3, NODES.textNode("MAYBE")),
                        "catalog.problem.unknownAnswer", "$.checkpoints[1].items[0].answers[3]"),
                tree("item answered YES/NO like the gate", root -> {
                    ArrayNode answers = array(root, "/checkpoints/1/items/0/answers");
                    answers.removeAll();
                    answers.add("YES").add("NO");
                    array(root, "/checkpoints/1/items/0/advice").removeAll();
                }, "catalog.problem.itemAnswers", "$.checkpoints[1].items[0].answers"),
                tree("gate with a condition",
                        root -> array(root, "/gate/appliesWhen").addObject().put("attribute", "usesEmr").put("equals", true),
                        "catalog.problem.gateConditions", "$.gate.appliesWhen"),
                tree("NON_COMPLIANT allowed but advice list empty",
                        root -> array(root, "/checkpoints/3/items/4/advice").removeAll(),
                        "catalog.problem.noAdvice", "$.checkpoints[3].items[4].advice"),
                tree("advice on an item that does not allow NON_COMPLIANT",
                        root -> array(root, "/checkpoints/3/items/4/answers").remove(1),
                        "catalog.problem.adviceNotAllowed", "$.checkpoints[3].items[4].advice"),
                tree("last advice variant conditional",
                        root -> array(root, "/checkpoints/0/items/0/advice/1/when").addObject()
                                .put("attribute", "usesEmr").put("equals", true),
                        "catalog.problem.noDefaultAdvice", "$.checkpoints[0].items[0].advice"),
                tree("malformed item id", root -> object(root, "/checkpoints/1/items/4").put("id", "Backup.Offline Copy"),
                        "catalog.problem.badId", "$.checkpoints[1].items[4].id"),
                tree("required item field missing", root -> object(root, "/checkpoints/1/items/4").remove("targetDateRequired"),
                        "catalog.problem.missingField", "$.checkpoints[1].items[4]"),
                tree("boolean written as a string", root -> object(root, "/checkpoints/1/items/4").put("targetDateRequired", "yes"),
                        "catalog.problem.expectedBoolean", "$.checkpoints[1].items[4].targetDateRequired"),
                tree("wrong format", root -> root.put("format", "tachiiri-catalogue"),
                        "catalog.problem.wrongFormat", "$.format"),
                tree("the old formatVersion 1", root -> root.put("formatVersion", 1),
                        "catalog.problem.unsupportedFormatVersion", "$.formatVersion"),
                tree("an unknown newer formatVersion", root -> root.put("formatVersion", 3),
                        "catalog.problem.unsupportedFormatVersion", "$.formatVersion"),
                tree("item both the ministry's and 参考", root -> object(root, "/checkpoints/0/items/0").put("reference", true),
                        "catalog.problem.scope", "$.checkpoints[0].items[0]"),
                tree("item neither the ministry's nor 参考", root -> object(root, "/checkpoints/0/items/14").remove("reference"),
                        "catalog.problem.scope", "$.checkpoints[0].items[14]"),
                tree("参考 written as false", root -> object(root, "/checkpoints/0/items/14").put("reference", false),
                        "catalog.problem.scope", "$.checkpoints[0].items[14].reference"),
                tree("item answering an unknown ministry item",
                        root -> object(root, "/checkpoints/0/items/0").put("ministryItem", "2-⑳"),
                        "catalog.problem.unknownMinistryItem", "$.checkpoints[0].items[0].ministryItem"),
                tree("ministry item renumbered under the item answering it",
                        root -> object(root, "/ministryItems/1").put("number", "2-⑳"),
                        "catalog.problem.unknownMinistryItem", "$.checkpoints[0].items[0].ministryItem"),
                tree("ministry item answered by nobody", root -> ((ObjectNode) array(root, "/ministryItems")
                        .addObject().setAll(object(root, "/ministryItems/0"))).put("number", "1-②"),
                        "catalog.problem.ministryItemUnanswered", "$.ministryItems[18]"),
                tree("ministry item number malformed", root -> object(root, "/ministryItems/0").put("number", "one"),
                        "catalog.problem.badMinistryNumber", "$.ministryItems[0].number"),
                tree("3-② in parts without a roll-up rule", root -> object(root, "/ministryItems/16").remove("rollUp"),
                        "catalog.problem.rollUpMissing", "$.ministryItems[16]"),
                tree("roll-up rule on a one-part item", root -> object(root, "/ministryItems/0").put("rollUp", "allParts"),
                        "catalog.problem.rollUpNotAllowed", "$.ministryItems[0]"),
                tree("ministry item saying in words whether vendors answer it",
                        root -> object(root, "/ministryItems/2").put("onVendorForm", "yes"),
                        "catalog.problem.expectedBoolean", "$.ministryItems[2].onVendorForm"),
                tree("unknown verification", root -> object(root, "/ministryItems/0").put("verification", "trustMe"),
                        "catalog.problem.unknownValue", "$.ministryItems[0].verification"),
                tree("condition on an unknown fee add-on",
                        root -> array(root, "/checkpoints/3/items/1/appliesWhen").addObject()
                                .put("attribute", "claimsFeeAddOn").putArray("in").add("no-such-add-on"),
                        "catalog.problem.unknownFeeAddOn", "$.checkpoints[3].items[1].appliesWhen[1].in[0]"),
                tree("unknown facility type", root -> array(root, "/checkpoints/3/items/1/appliesWhen").addObject()
                                .put("attribute", "facilityType").putArray("in").add("pharmacy"),
                        "catalog.problem.unknownValue", "$.checkpoints[3].items[1].appliesWhen[1].in[0]"),
                tree("resource ending before it starts", root -> object(root, "/resources/0").put("until", "2024-03-14"),
                        "catalog.problem.endsBeforeStart", "$.resources[0].until"),
                tree("malformed version 2025", root -> root.put("version", "2025"),
                        "catalog.problem.badVersion", "$.version"),
                tree("bad published date", root -> object(root, "/checklist").put("published", "2025-02-30"),
                        "catalog.problem.badDate", "$.checklist.published"),
                tree("title not an object", root -> root.put("title", "令和7年度 立入検査項目"),
                        "catalog.problem.expectedObject", "$.title"),
                tree("fiscal year not a whole number", root -> root.put("fiscalYear", 2025.5),
                        "catalog.problem.expectedInteger", "$.fiscalYear"),
                truncated(),
                duplicateKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"brokenCatalogs", "formerlyAccepted"})
    void rejectsTheBrokenCatalogNamingFileAndPath(Case broken) throws IOException {
        Path file = write(broken.render().apply(bundledTree()));

        CatalogException error = catchThrowableOfType(CatalogException.class, () -> new CatalogLoader().load(file));

        assertThat(error).as("the loader must reject: %s", broken.name()).isNotNull();
        assertThat(error.key()).isEqualTo(broken.key());
        if (broken.location()) {
            assertThat(error.path()).startsWith("$ (").startsWith(broken.path()).matches(LOCATION);
        } else {
            assertThat(error.path()).isEqualTo(broken.path());
        }
        assertThat(error.source()).isEqualTo(file.toString()).endsWith(FILE_NAME);
        for (Language language : Language.values()) {
            String message = error.localizedMessage(language);
            assertThat(message).as("message in %s", language)
                    .contains(FILE_NAME)
                    .contains(error.path())
                    .contains(broken.path())
                    .doesNotContain("catalog.problem.");
            for (String mentioned : broken.alsoMentioned()) {
                assertThat(message).as("message in %s", language).contains(mentioned);
            }
        }
        assertThat(error.localizedMessage(Language.JA)).isNotEqualTo(error.localizedMessage(Language.EN));
        assertThat(error.getMessage()).isEqualTo(error.localizedMessage(Language.JA));
    }

    /** Guards the table above: the unmodified tree, written the same way, loads. */
    @Test
    void theUnmodifiedCopyLoads() throws IOException {
        Path file = write(render(bundledTree()));
        Catalog catalog = new CatalogLoader().load(file);
        assertThat(catalog.version()).isEqualTo("2025.1");
        assertThat(catalog).isEqualTo(CatalogLibrary.bundled().version("2025.1").orElseThrow());
    }

    @Test
    void aRejectedFileLeavesNoStateBehind() throws IOException {
        CatalogLoader loader = new CatalogLoader();
        Path good = write(render(bundledTree()));
        Catalog first = loader.load(good);

        ObjectNode broken = bundledTree();
        object(broken, "/checkpoints/3/items/8").put("id", text(broken, "/checkpoints/0/items/0/id"));
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, render(broken), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(bad))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).key())
                .isEqualTo("catalog.problem.duplicateId");

        // The same loader reads the good file again: ids from earlier readings are not remembered.
        assertThat(loader.load(good)).isEqualTo(first);
        assertThat(loader.load(good)).isEqualTo(first);
        // And the bundled library still loads.
        CatalogLibrary library = CatalogLibrary.bundled();
        assertThat(library.version("2025.1")).contains(first);
    }

    @Test
    void aMissingFileIsReportedAsUnreadable() {
        Path missing = dir.resolve("no-such-catalog.json");
        CatalogException error = catchThrowableOfType(CatalogException.class, () -> new CatalogLoader().load(missing));
        assertThat(error).isNotNull();
        assertThat(error.key()).isEqualTo("catalog.problem.unreadable");
        assertThat(error.path()).isEqualTo("$");
        assertThat(error.source()).isEqualTo(missing.toString());
        assertThat(error.localizedMessage(Language.EN)).contains("no-such-catalog.json");
    }

    /** Broken files that an earlier loader accepted; each is now a regression case. */
    static Stream<Case> formerlyAccepted() {
        return Stream.of(
                raw("stray closing brace after the catalog", text -> text + "\n}\n",
                        "catalog.problem.invalidJson", "$ (", true),
                raw("second JSON document appended", text -> text + "\n{\"format\": \"x\"}\n",
                        "catalog.problem.invalidJson", "$ (", true),
                raw("empty file", text -> "", "catalog.problem.emptyFile", "$", false),
                tree("gate with targetDateRequired true", root -> object(root, "/gate").put("targetDateRequired", true),
                        "catalog.problem.gateTargetDate", "$.gate.targetDateRequired"),
                tree("optional field written as null", root -> object(root, "/checkpoints/0/items/0").putNull("guidelineRef"),
                        "catalog.problem.nullValue", "$.checkpoints[0].items[0].guidelineRef"),
                tree("unconditional advice before the last variant", root -> {
                    ArrayNode advice = (ArrayNode) root.at("/checkpoints/0/items/0/advice");
                    advice.insert(0, advice.get(advice.size() - 1).deepCopy());
                }, "catalog.problem.unreachableAdvice", "$.checkpoints[0].items[0].advice[0]"),
                tree("gate with targetDateRequired not a boolean",
                        root -> object(root, "/gate").put("targetDateRequired", "banana"),
                        "catalog.problem.expectedBoolean", "$.gate.targetDateRequired"),
                tree("gate without targetDateRequired", root -> object(root, "/gate").remove("targetDateRequired"),
                        "catalog.problem.missingField", "$.gate"),
                tree("gate without advice", root -> object(root, "/gate").remove("advice"),
                        "catalog.problem.missingField", "$.gate"),
                tree("gate guidelineRef not a string", root -> object(root, "/gate").put("guidelineRef", 5),
                        "catalog.problem.expectedText", "$.gate.guidelineRef"));
    }

    // --- building cases ----------------------------------------------------------------------------

    private static Case tree(String name, Consumer<ObjectNode> mutation, String key, String path, String... mentioned) {
        return new Case(name, root -> {
            mutation.accept(root);
            return render(root);
        }, key, path, false, List.of(mentioned));
    }

    private static Case raw(String name, UnaryOperator<String> edit, String key, String path, boolean location) {
        return new Case(name, root -> edit.apply(bundledText()), key, path, location, List.of());
    }

    /** The file cut off in the middle of the "published" string: the parser hits end-of-input on that line. */
    private static Case truncated() {
        String text = bundledText();
        int cut = text.indexOf("\"published\": \"") + "\"published\": \"20".length();
        assertThat(cut).isGreaterThan(20);
        String truncated = text.substring(0, cut);
        return new Case("invalid JSON (truncated file)", root -> truncated,
                "catalog.problem.invalidJson", "$ (" + lineOf(truncated, truncated.length()) + ":", true, List.of());
    }

    /** "fiscalYear" given twice, the second time on its own line right after the first. */
    private static Case duplicateKey() {
        String text = bundledText();
        String line = "\"fiscalYear\": 2025,";
        int first = text.indexOf(line);
        assertThat(first).isNotNegative();
        String doubled = text.substring(0, first + line.length()) + "\n  " + line + text.substring(first + line.length());
        int second = doubled.indexOf(line, first + 1);
        return new Case("duplicate JSON key", root -> doubled,
                "catalog.problem.invalidJson", "$ (" + lineOf(doubled, second) + ":", true, List.of());
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    // --- tree helpers ------------------------------------------------------------------------------

    private static ObjectNode object(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        assertThat(node.isObject()).as("object at %s", pointer).isTrue();
        return (ObjectNode) node;
    }

    private static ArrayNode array(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        assertThat(node.isArray()).as("array at %s", pointer).isTrue();
        return (ArrayNode) node;
    }

    private static String text(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        assertThat(node.isTextual()).as("text at %s", pointer).isTrue();
        return node.textValue();
    }

    private static String bundledText() {
        try (InputStream in = MalformedCatalogTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("classpath resource %s", RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode bundledTree() {
        try {
            return (ObjectNode) JSON.readTree(bundledText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
