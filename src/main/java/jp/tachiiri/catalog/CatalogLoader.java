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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tachiiri.model.AdviceVariant;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.ChecklistInfo;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.FacilityAttribute;
import jp.tachiiri.model.FacilityType;
import jp.tachiiri.model.FeeAddOn;
import jp.tachiiri.model.GateQuestion;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.LocalizedText;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.Period;
import jp.tachiiri.model.Spelled;

/**
 * Reads a catalog file (format in docs/catalog-format.md) and rejects anything that is not exactly right,
 * naming the file, the JSON path and the problem. A catalog that loads is safe to inspect with: every item
 * has both languages, a known checkpoint, well-formed conditions and, where 不適合 is possible, advice
 * ending in a default variant.
 */
public final class CatalogLoader {

    static final String FORMAT = "tachiiri-catalog";
    static final int FORMAT_VERSION = 2;

    private static final Pattern VERSION = Pattern.compile("\\d{4}\\.\\d+");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
    private static final Set<Answer> ITEM_ANSWERS =
            EnumSet.of(Answer.COMPLIANT, Answer.NON_COMPLIANT, Answer.ALTERNATIVE, Answer.NOT_APPLICABLE);
    private static final List<Answer> GATE_ANSWERS = List.of(Answer.YES, Answer.NO);

    private static final Pattern MINISTRY_NUMBER = Pattern.compile("\\d+-\\S+");

    private static final Set<String> TOP_FIELDS = Set.of("format", "formatVersion", "version", "fiscalYear", "title",
            "checklist", "ministryItems", "feeAddOns", "resources", "gate", "checkpoints");
    private static final Set<String> CHECKLIST_FIELDS = Set.of("name", "label", "published");
    private static final Set<String> MINISTRY_ITEM_FIELDS =
            Set.of("number", "wording", "verification", "checkedAgainst", "checkedOn", "rollUp",
                    "onVendorForm");
    private static final Set<String> FEE_ADD_ON_FIELDS =
            Set.of("id", "name", "facilityTypes", "from", "until", "source", "requirements");
    private static final Set<String> REQUIREMENT_FIELDS = Set.of("items", "when", "text");
    private static final Set<String> RESOURCE_FIELDS = Set.of("id", "title", "body", "when", "from", "until");
    private static final Set<String> CHECKPOINT_FIELDS = Set.of("id", "title", "summary", "items");
    private static final Set<String> GATE_FIELDS = Set.of("id", "title", "guidance", "guidelineRef", "appliesWhen",
            "answers", "targetDateRequired", "advice");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "title", "guidance", "ministryItem", "reference",
            "guidelineRef", "addedInFiscalYear", "targetFiscalYear", "appliesWhen", "answers", "targetDateRequired",
            "advice");
    private static final Set<String> TEXT_FIELDS = Set.of("ja", "en");
    private static final Set<String> ADVICE_FIELDS = Set.of("when", "text");
    private static final Set<String> CONDITION_FIELDS = Set.of("attribute", "atLeast", "below", "equals", "in");

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
        private final Map<String, MinistryItem> ministryItems = new LinkedHashMap<>();
        private final Map<String, FeeAddOn> feeAddOns = new HashMap<>();
        private final Map<String, String> feeAddOnIdPaths = new HashMap<>();
        private final Map<String, String> resourceIdPaths = new HashMap<>();
        private final Map<MinistryItem, List<CatalogItem>> parts = new HashMap<>();

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
            ChecklistInfo checklist = checklist(root.field("checklist"));
            StrictNode ministryNode = root.field("ministryItems");
            ministryNode.list(node -> ministryItem(node, checklist.label()));
            // Add-ons first: conditions of items and resources refer to them by id.
            StrictNode addOnsNode = root.field("feeAddOns");
            List<FeeAddOn> addOns = addOnsNode.list(this::feeAddOn);
            List<HelpResource> resources = root.field("resources").list(this::resource);
            GateQuestion gate = gate(root.field("gate"));
            StrictNode checkpointsNode = root.field("checkpoints");
            List<CheckpointSection> sections = checkpointsNode.list(this::section);
            requireAllCheckpointsInOrder(checkpointsNode, sections);
            requirePartsFit(ministryNode);
            requireKnownItems(addOnsNode, addOns);
            return new Catalog(version, fiscalYear, title, checklist, List.copyOf(ministryItems.values()), gate,
                    sections, addOns, resources);
        }

        private ChecklistInfo checklist(StrictNode node) {
            node.allowOnly(CHECKLIST_FIELDS);
            return new ChecklistInfo(text(node.field("name")), node.field("label").text(), date(node.field("published")));
        }

        private MinistryItem ministryItem(StrictNode node, String checklistLabel) {
            node.allowOnly(MINISTRY_ITEM_FIELDS);
            StrictNode numberNode = node.field("number");
            String number = numberNode.text();
            if (!MINISTRY_NUMBER.matcher(number).matches()) {
                throw numberNode.error("catalog.problem.badMinistryNumber", number);
            }
            if (ministryItems.containsKey(number)) {
                throw numberNode.error("catalog.problem.duplicateMinistryItem", number);
            }
            StrictNode verificationNode = node.field("verification");
            MinistryItem.Verification verification = MinistryItem.Verification.fromId(verificationNode.text())
                    .orElseThrow(() -> verificationNode.error("catalog.problem.unknownValue", verificationNode.text(),
                            Spelled.ids(MinistryItem.Verification.class)));
            Optional<MinistryItem.RollUp> rollUp = node.optionalField("rollUp").map(rollUpNode ->
                    MinistryItem.RollUp.fromId(rollUpNode.text()).orElseThrow(() -> rollUpNode.error(
                            "catalog.problem.unknownValue", rollUpNode.text(), Spelled.ids(MinistryItem.RollUp.class))));
            MinistryItem item = new MinistryItem(number, checklistLabel + " " + number, text(node.field("wording")),
                    verification, node.field("checkedAgainst").text(), date(node.field("checkedOn")), rollUp,
                    node.optionalField("onVendorForm").map(StrictNode::bool).orElse(false));
            ministryItems.put(number, item);
            return item;
        }

        private FeeAddOn feeAddOn(StrictNode node) {
            node.allowOnly(FEE_ADD_ON_FIELDS);
            String id = uniqueId(node, feeAddOnIdPaths);
            // The add-on is known from here on, so that a requirement can be conditioned on beds but not on itself.
            FeeAddOn addOn = new FeeAddOn(id, text(node.field("name")), facilityTypes(node.field("facilityTypes")),
                    period(node), node.field("source").text(), node.field("requirements").list(this::requirement));
            feeAddOns.put(id, addOn);
            return addOn;
        }

        private FeeAddOn.Requirement requirement(StrictNode node) {
            node.allowOnly(REQUIREMENT_FIELDS);
            return new FeeAddOn.Requirement(node.field("items").list(StrictNode::text), node.field("when").list(this::condition),
                    text(node.field("text")));
        }

        private HelpResource resource(StrictNode node) {
            node.allowOnly(RESOURCE_FIELDS);
            String id = uniqueId(node, resourceIdPaths);
            return new HelpResource(id, text(node.field("title")), text(node.field("body")),
                    node.field("when").list(this::condition), period(node));
        }

        private static Period period(StrictNode node) {
            LocalDate from = date(node.field("from"));
            Optional<StrictNode> untilNode = node.optionalField("until");
            Optional<LocalDate> until = untilNode.map(Reading::date);
            if (until.filter(end -> end.isBefore(from)).isPresent()) {
                throw untilNode.get().error("catalog.problem.endsBeforeStart", until.get(), from);
            }
            return new Period(from, until);
        }

        private static String uniqueId(StrictNode node, Map<String, String> seen) {
            StrictNode idNode = node.field("id");
            String id = idNode.text();
            if (!ITEM_ID.matcher(id).matches()) {
                throw idNode.error("catalog.problem.badId", id);
            }
            String first = seen.putIfAbsent(id, idNode.path());
            if (first != null) {
                throw idNode.error("catalog.problem.duplicateId", id, first);
            }
            return id;
        }

        /** Every ministry item is answered by some item; several parts need a roll-up rule, one part none. */
        private void requirePartsFit(StrictNode ministryNode) {
            int index = 0;
            for (MinistryItem item : ministryItems.values()) {
                int count = parts.getOrDefault(item, List.of()).size();
                String path = ministryNode.path() + "[" + index++ + "]";
                if (count == 0) {
                    throw new CatalogException(ministryNode.source(), path, "catalog.problem.ministryItemUnanswered",
                            item.number());
                }
                if (count > 1 && item.rollUp().isEmpty()) {
                    throw new CatalogException(ministryNode.source(), path, "catalog.problem.rollUpMissing",
                            item.number(), count);
                }
                if (count == 1 && item.rollUp().isPresent()) {
                    throw new CatalogException(ministryNode.source(), path, "catalog.problem.rollUpNotAllowed",
                            item.number());
                }
            }
        }

        private void requireKnownItems(StrictNode addOnsNode, List<FeeAddOn> addOns) {
            for (int a = 0; a < addOns.size(); a++) {
                List<FeeAddOn.Requirement> requirements = addOns.get(a).requirements();
                for (int r = 0; r < requirements.size(); r++) {
                    for (String itemId : requirements.get(r).itemIds()) {
                        if (!idPaths.containsKey(itemId)) {
                            throw new CatalogException(addOnsNode.source(),
                                    addOnsNode.path() + "[" + a + "].requirements[" + r + "].items",
                                    "catalog.problem.unknownItem", itemId);
                        }
                    }
                }
            }
        }

        /** The gate has an item's fields, fixed to what a yes/no question before all others can mean. */
        private GateQuestion gate(StrictNode node) {
            node.allowOnly(GATE_FIELDS);
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
            Optional<MinistryItem> ministryItem = scope(node);
            CatalogItem item = new CatalogItem(
                    id,
                    checkpoint,
                    text(node.field("title")),
                    text(node.field("guidance")),
                    ministryItem,
                    node.optionalField("guidelineRef").map(StrictNode::text),
                    node.optionalField("addedInFiscalYear").map(StrictNode::integer),
                    node.optionalField("targetFiscalYear").map(StrictNode::integer),
                    node.field("appliesWhen").list(this::condition),
                    answers,
                    node.field("targetDateRequired").bool(),
                    advice);
            ministryItem.ifPresent(answered -> parts.computeIfAbsent(answered, key -> new ArrayList<>()).add(item));
            return item;
        }

        /** The ministry item an item answers, or none for 参考: every item says which, explicitly. */
        private Optional<MinistryItem> scope(StrictNode node) {
            Optional<StrictNode> ministryNode = node.optionalField("ministryItem");
            Optional<StrictNode> referenceNode = node.optionalField("reference");
            if (ministryNode.isPresent() == referenceNode.isPresent()) {
                throw node.error("catalog.problem.scope");
            }
            if (referenceNode.isPresent()) {
                if (!referenceNode.get().bool()) {
                    throw referenceNode.get().error("catalog.problem.scope");
                }
                return Optional.empty();
            }
            String number = ministryNode.get().text();
            return Optional.of(Optional.ofNullable(ministryItems.get(number)).orElseThrow(
                    () -> ministryNode.get().error("catalog.problem.unknownMinistryItem", number)));
        }

        /** An item's id (the gate's too): unique among the items, in a namespace apart from add-ons and resources. */
        private String id(StrictNode item) {
            return uniqueId(item, idPaths);
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
                            Spelled.ids(FacilityAttribute.class)));
            List<String> operators = Stream.of("atLeast", "below", "equals", "in").filter(node::has).toList();
            List<String> allowed = attribute.kind().operators();
            if (operators.size() != 1 || !allowed.contains(operators.get(0))) {
                throw node.error("catalog.problem.badOperator", attribute.id(), String.join(" / ", allowed));
            }
            StrictNode operand = node.field(operators.get(0));
            return switch (attribute.kind()) {
                case NUMBER -> operators.get(0).equals("atLeast")
                        ? new Condition.BedsAtLeast(beds(operand))
                        : new Condition.BedsBelow(beds(operand));
                case FLAG -> new Condition.FlagEquals(attribute, operand.bool());
                case TYPE -> new Condition.FacilityTypeIn(facilityTypes(operand));
                case ADD_ON -> new Condition.ClaimsFeeAddOn(addOns(operand));
            };
        }

        private List<FeeAddOn> addOns(StrictNode node) {
            List<FeeAddOn> addOns = node.list(idNode -> Optional.ofNullable(feeAddOns.get(idNode.text()))
                    .orElseThrow(() -> idNode.error("catalog.problem.unknownFeeAddOn", idNode.text(),
                            String.join(", ", feeAddOns.keySet()))));
            if (addOns.isEmpty() || Set.copyOf(addOns).size() != addOns.size()) {
                throw node.error("catalog.problem.badFeeAddOns");
            }
            return addOns;
        }

        private static Set<FacilityType> facilityTypes(StrictNode node) {
            List<FacilityType> types = node.list(typeNode -> FacilityType.fromId(typeNode.text())
                    .orElseThrow(() -> typeNode.error("catalog.problem.unknownValue", typeNode.text(),
                            Spelled.ids(FacilityType.class))));
            if (types.isEmpty() || Set.copyOf(types).size() != types.size()) {
                throw node.error("catalog.problem.badFacilityTypes");
            }
            return Set.copyOf(types);
        }

        private static int beds(StrictNode node) {
            int beds = node.integer();
            if (beds <= 0) {
                throw node.error("catalog.problem.badBeds", beds);
            }
            return beds;
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
            return Spelled.ids(Checkpoint.class);
        }
    }
}
