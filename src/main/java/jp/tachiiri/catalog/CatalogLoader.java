package jp.tachiiri.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.model.AdviceVariant;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ChecklistRef;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.FacilityAttribute;
import jp.tachiiri.model.GateQuestion;
import jp.tachiiri.model.LocalizedText;

/**
 * Reads a catalog file (format in docs/catalog-format.md) and rejects anything that is not exactly right,
 * naming the file, the JSON path and the problem. A catalog that loads is safe to inspect with: every item
 * has both languages, a known checkpoint, well-formed conditions and, where 不適合 is possible, advice
 * ending in a default variant.
 */
public final class CatalogLoader {

    static final String FORMAT = "tachiiri-catalog";
    static final int FORMAT_VERSION = 1;

    private static final Pattern VERSION = Pattern.compile("\\d{4}\\.\\d+");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
    private static final Set<Answer> ITEM_ANSWERS =
            EnumSet.of(Answer.COMPLIANT, Answer.NON_COMPLIANT, Answer.ALTERNATIVE, Answer.NOT_APPLICABLE);
    private static final List<Answer> GATE_ANSWERS = List.of(Answer.YES, Answer.NO);

    private static final Set<String> TOP_FIELDS =
            Set.of("format", "formatVersion", "version", "fiscalYear", "title", "published", "gate", "checkpoints");
    private static final Set<String> CHECKPOINT_FIELDS = Set.of("id", "title", "summary", "items");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "title", "guidance", "checklistRef", "guidelineRef",
            "addedInFiscalYear", "appliesWhen", "answers", "targetDateRequired", "advice");
    private static final Set<String> TEXT_FIELDS = Set.of("ja", "en");
    private static final Set<String> REF_FIELDS = Set.of("label", "confirmed");
    private static final Set<String> ADVICE_FIELDS = Set.of("when", "text");
    private static final Set<String> CONDITION_FIELDS = Set.of("attribute", "atLeast", "below", "equals");

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Catalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new CatalogException(e, file.toString(), "$", "catalog.problem.unreadable", e.getMessage());
        }
    }

    /** Reads a catalog; {@code source} names it in error messages. */
    public Catalog load(InputStream in, String source) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "$" : "$ (" + at.getLineNr() + ":" + at.getColumnNr() + ")";
            throw new CatalogException(e, source, where, "catalog.problem.invalidJson", e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogException(e, source, "$", "catalog.problem.unreadable", e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new CatalogException(source, "$", "catalog.problem.emptyFile");
        }
        return new Reading().catalog(new StrictNode(root, "$", source));
    }

    /** The state of one reading: ids seen so far, to report duplicates with the place of the first. */
    private static final class Reading {
        private final Map<String, String> idPaths = new HashMap<>();

        Catalog catalog(StrictNode root) {
            root.allowOnly(TOP_FIELDS);
            StrictNode format = root.field("format");
            if (!FORMAT.equals(format.text())) {
                throw format.error("catalog.problem.wrongFormat", format.text(), FORMAT);
            }
            StrictNode formatVersion = root.field("formatVersion");
            if (formatVersion.integer() != FORMAT_VERSION) {
                throw formatVersion.error("catalog.problem.unsupportedFormatVersion", formatVersion.integer(), FORMAT_VERSION);
            }
            StrictNode versionNode = root.field("version");
            String version = versionNode.text();
            if (!VERSION.matcher(version).matches()) {
                throw versionNode.error("catalog.problem.badVersion", version);
            }
            int fiscalYear = root.field("fiscalYear").integer();
            LocalizedText title = text(root.field("title"));
            LocalDate published = date(root.field("published"));
            GateQuestion gate = gate(root.field("gate"));
            StrictNode checkpointsNode = root.field("checkpoints");
            List<CheckpointSection> sections = checkpointsNode.list(this::section);
            requireAllCheckpointsInOrder(checkpointsNode, sections);
            return new Catalog(version, fiscalYear, title, published, gate, sections);
        }

        /** The gate has an item's fields, fixed to what a yes/no question before all others can mean. */
        private GateQuestion gate(StrictNode node) {
            node.allowOnly(ITEM_FIELDS);
            String id = id(node);
            StrictNode answersNode = node.field("answers");
            if (!answers(answersNode).equals(GATE_ANSWERS)) {
                throw answersNode.error("catalog.problem.gateAnswers");
            }
            StrictNode targetDate = node.field("targetDateRequired");
            if (targetDate.bool()) {
                throw targetDate.error("catalog.problem.gateTargetDate");
            }
            StrictNode advice = node.field("advice");
            if (!advice.list(StrictNode::path).isEmpty()) {
                throw advice.error("catalog.problem.adviceNotAllowed");
            }
            StrictNode conditions = node.field("appliesWhen");
            if (!conditions.list(StrictNode::path).isEmpty()) {
                throw conditions.error("catalog.problem.gateConditions");
            }
            return new GateQuestion(id, text(node.field("title")), text(node.field("guidance")),
                    node.optionalField("checklistRef").map(this::checklistRef),
                    node.optionalField("guidelineRef").map(StrictNode::text));
        }

        private CheckpointSection section(StrictNode node) {
            node.allowOnly(CHECKPOINT_FIELDS);
            StrictNode idNode = node.field("id");
            Checkpoint checkpoint = Checkpoint.fromId(idNode.text())
                    .orElseThrow(() -> idNode.error("catalog.problem.unknownCheckpoint", idNode.text(), checkpointIds()));
            StrictNode itemsNode = node.field("items");
            List<CatalogItem> items = itemsNode.list(itemNode -> item(itemNode, checkpoint));
            if (items.isEmpty()) {
                throw itemsNode.error("catalog.problem.noItems");
            }
            return new CheckpointSection(checkpoint, text(node.field("title")), text(node.field("summary")), items);
        }

        private CatalogItem item(StrictNode node, Checkpoint checkpoint) {
            node.allowOnly(ITEM_FIELDS);
            String id = id(node);
            StrictNode answersNode = node.field("answers");
            List<Answer> answers = answers(answersNode);
            if (answers.isEmpty() || !ITEM_ANSWERS.containsAll(answers)) {
                throw answersNode.error("catalog.problem.itemAnswers");
            }
            StrictNode adviceNode = node.field("advice");
            List<AdviceVariant> advice = adviceNode.list(this::adviceVariant);
            requireAdviceFits(adviceNode, advice, answers.contains(Answer.NON_COMPLIANT));
            return new CatalogItem(
                    id,
                    checkpoint,
                    text(node.field("title")),
                    text(node.field("guidance")),
                    node.optionalField("checklistRef").map(this::checklistRef),
                    node.optionalField("guidelineRef").map(StrictNode::text),
                    node.optionalField("addedInFiscalYear").map(StrictNode::integer),
                    node.field("appliesWhen").list(this::condition),
                    answers,
                    node.field("targetDateRequired").bool(),
                    advice);
        }

        private String id(StrictNode item) {
            StrictNode idNode = item.field("id");
            String id = idNode.text();
            if (!ITEM_ID.matcher(id).matches()) {
                throw idNode.error("catalog.problem.badId", id);
            }
            String first = idPaths.putIfAbsent(id, idNode.path());
            if (first != null) {
                throw idNode.error("catalog.problem.duplicateId", id, first);
            }
            return id;
        }

        private List<Answer> answers(StrictNode node) {
            List<Answer> answers = node.list(answerNode -> {
                String name = answerNode.text();
                return Stream.of(Answer.values()).filter(a -> a.name().equals(name)).findFirst()
                        .orElseThrow(() -> answerNode.error("catalog.problem.unknownAnswer", name));
            });
            if (Set.copyOf(answers).size() != answers.size()) {
                throw node.error("catalog.problem.duplicateAnswer");
            }
            return answers;
        }

        private AdviceVariant adviceVariant(StrictNode node) {
            node.allowOnly(ADVICE_FIELDS);
            return new AdviceVariant(node.field("when").list(this::condition), text(node.field("text")));
        }

        private static void requireAdviceFits(StrictNode adviceNode, List<AdviceVariant> advice, boolean nonCompliantAllowed) {
            if (!nonCompliantAllowed) {
                if (!advice.isEmpty()) {
                    throw adviceNode.error("catalog.problem.adviceNotAllowed");
                }
                return;
            }
            if (advice.isEmpty()) {
                throw adviceNode.error("catalog.problem.noAdvice");
            }
            if (!advice.get(advice.size() - 1).when().isEmpty()) {
                throw adviceNode.error("catalog.problem.noDefaultAdvice");
            }
            for (int i = 0; i < advice.size() - 1; i++) {
                if (advice.get(i).when().isEmpty()) {
                    throw new CatalogException(adviceNode.source(), adviceNode.path() + "[" + i + "]",
                            "catalog.problem.unreachableAdvice", i + 1);
                }
            }
        }

        private Condition condition(StrictNode node) {
            node.allowOnly(CONDITION_FIELDS);
            StrictNode attributeNode = node.field("attribute");
            FacilityAttribute attribute = FacilityAttribute.fromId(attributeNode.text())
                    .orElseThrow(() -> attributeNode.error("catalog.problem.unknownAttribute", attributeNode.text(),
                            Stream.of(FacilityAttribute.values()).map(FacilityAttribute::id).collect(Collectors.joining(", "))));
            List<String> operators = Stream.of("atLeast", "below", "equals").filter(node::has).toList();
            List<String> allowed = attribute.isNumeric() ? List.of("atLeast", "below") : List.of("equals");
            if (operators.size() != 1 || !allowed.contains(operators.get(0))) {
                throw node.error("catalog.problem.badOperator", attribute.id(), String.join(" / ", allowed));
            }
            StrictNode operand = node.field(operators.get(0));
            return switch (operators.get(0)) {
                case "atLeast" -> new Condition.BedsAtLeast(beds(operand));
                case "below" -> new Condition.BedsBelow(beds(operand));
                default -> new Condition.FlagEquals(attribute, operand.bool());
            };
        }

        private static int beds(StrictNode node) {
            int beds = node.integer();
            if (beds <= 0) {
                throw node.error("catalog.problem.badBeds", beds);
            }
            return beds;
        }

        private ChecklistRef checklistRef(StrictNode node) {
            node.allowOnly(REF_FIELDS);
            return new ChecklistRef(node.field("label").text(), node.field("confirmed").bool());
        }

        private static LocalizedText text(StrictNode node) {
            node.allowOnly(TEXT_FIELDS);
            for (String language : List.of("ja", "en")) {
                if (!node.has(language)) {
                    throw node.error("catalog.problem.missingTranslation", language);
                }
            }
            return new LocalizedText(node.field("ja").text(), node.field("en").text());
        }

        private static LocalDate date(StrictNode node) {
            String value = node.text();
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw node.error("catalog.problem.badDate", value);
            }
        }

        private static void requireAllCheckpointsInOrder(StrictNode node, List<CheckpointSection> sections) {
            List<Checkpoint> found = new ArrayList<>();
            sections.forEach(section -> found.add(section.checkpoint()));
            if (!found.equals(List.of(Checkpoint.values()))) {
                throw node.error("catalog.problem.checkpointOrder", checkpointIds());
            }
        }

        private static String checkpointIds() {
            return Stream.of(Checkpoint.values()).map(Checkpoint::id).collect(Collectors.joining(", "));
        }
    }
}
