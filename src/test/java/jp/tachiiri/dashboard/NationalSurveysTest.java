package jp.tachiiri.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The national surveys file as shipped (issue 15, point 8: the survey named rightly, each year's figures, the
 * questions that only approximate an item), and the same file broken in one place, which is refused naming the
 * file, the JSON path and the problem.
 */
class NationalSurveysTest {

    private static final String FILE_NAME = "national-surveys-under-test.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "病院における医療情報システムのサイバーセキュリティ対策に係る調査";

    @Test
    void theBundledFileHoldsThe2022And2023SurveysNewestFirst() {
        NationalSurveys surveys = NationalSurveys.bundled();

        assertThat(surveys.all()).extracting(NationalSurvey::year).containsExactly(2023, 2022);
        assertThat(surveys.newest().year()).isEqualTo(2023);
        assertThat(surveys.all()).allSatisfy(survey -> {
            assertThat(survey.publisher().ja()).isEqualTo("厚生労働省");
            assertThat(survey.name().ja()).isEqualTo(NAME);
        });

        NationalSurvey of2022 = surveys.all().get(1);
        assertThat(of2022.fielded()).containsExactly(
                new NationalSurvey.Period(LocalDate.of(2022, 1, 27), LocalDate.of(2022, 2, 14)),
                new NationalSurvey.Period(LocalDate.of(2022, 3, 8), LocalDate.of(2022, 3, 24)));
        assertThat(of2022.respondents()).contains(new NationalSurvey.Respondents(8252, 6216));
        assertThat(of2022.reported()).isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(of2022.base().ja()).contains("4,020");
        assertThat(of2022.sources()).containsExactly("https://cbnews.jp/news/entry/20220331124713?page=1",
                "https://wic-net.com/material/document/7461/5");
        assertThat(ratios(of2022)).containsExactly(entry("backup.emr", 0.959), entry("backup.generations", 0.807),
                entry("backup.offline-copy", 0.475), entry("backup.leak-protection", 0.524));
        // 95.9%: EMR backup data only, not data and system; 47.5%: storage safe from one event, not offline.
        assertThat(approximated(of2022)).containsExactly("backup.emr", "backup.offline-copy");

        NationalSurvey of2023 = surveys.newest();
        assertThat(of2023.reported()).isEqualTo(LocalDate.of(2023, 3, 17));
        assertThat(of2023.fielded()).isEmpty();
        assertThat(of2023.respondents()).isEmpty();
        assertThat(of2023.base().ja()).contains("98%");
        assertThat(of2023.note().map(LocalizedText::ja)).hasValueSatisfying(note -> assertThat(note).contains("速報値"));
        assertThat(of2023.sources()).contains("https://wic-net.com/material/document/8585/5");
        assertThat(ratios(of2023)).containsExactly(entry("backup.emr", 0.98), entry("backup.generations", 0.78),
                entry("backup.offline-copy", 0.49), entry("backup.leak-protection", 0.65));
        // The 2023 survey asked about offline backups directly.
        assertThat(approximated(of2023)).containsExactly("backup.emr");
    }

    /** The old text credited the figures to the FY2022 on-site inspection notice of 27 May 2022: wrong (D5). */
    @Test
    void noTextCreditsTheFiguresToTheInspectionNotice() throws IOException {
        String file;
        try (InputStream in = resource()) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(file).doesNotContain("2022-05-27", "5月27日", "立入検査", "inspection notice", "office-hirata",
                "GemMed");
    }

    @Test
    void everyFigureIsOfAnItemOfTheBundledCatalogs() {
        CatalogLibrary catalogs = CatalogLibrary.bundled();
        assertThat(NationalSurveys.bundled().all()).flatExtracting(NationalSurvey::figures).isNotEmpty()
                .allSatisfy(figure -> assertThat(catalogs.all()).as(figure.itemId())
                        .anySatisfy(catalog -> assertThat(catalog.item(figure.itemId())).isPresent()));
    }

    record Case(String name, Consumer<ObjectNode> breakIt, String key, String path) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> brokenFiles() {
        return Stream.of(
                new Case("an unknown field in a figure", root -> figure(root, 0, 1).put("source", "x"),
                        "survey.problem.unknownField", "$.surveys[0].figures[1].source"),
                new Case("a figure without its ratio", root -> figure(root, 1, 2).remove("ratio"),
                        "survey.problem.missingField", "$.surveys[1].figures[2]"),
                new Case("a label without English", root -> ((ObjectNode) figure(root, 0, 0).get("label")).remove("en"),
                        "survey.problem.missingField", "$.surveys[0].figures[0].label"),
                new Case("a ratio in percent", root -> figure(root, 0, 3).put("ratio", 52.4),
                        "survey.problem.badRatio", "$.surveys[0].figures[3].ratio"),
                new Case("a ratio as text", root -> figure(root, 0, 3).put("ratio", "0.524"),
                        "survey.problem.expectedNumber", "$.surveys[0].figures[3].ratio"),
                new Case("a year with a fraction", root -> survey(root, 1).put("year", 2023.5),
                        "survey.problem.expectedInteger", "$.surveys[1].year"),
                new Case("two surveys of one year", root -> survey(root, 1).put("year", 2022),
                        "survey.problem.duplicateYear", "$.surveys[1].year"),
                new Case("two figures for one item", root -> figure(root, 1, 3).put("itemId", "backup.emr"),
                        "survey.problem.duplicateItem", "$.surveys[1].figures[3].itemId"),
                new Case("a date that is none", root -> survey(root, 0).put("reported", "2022-02-30"),
                        "survey.problem.badDate", "$.surveys[0].reported"),
                new Case("a period that ends before it starts",
                        root -> ((ObjectNode) survey(root, 0).get("fielded").get(1)).put("to", "2022-03-01"),
                        "survey.problem.badPeriod", "$.surveys[0].fielded[1]"),
                new Case("more replies than hospitals asked",
                        root -> ((ObjectNode) survey(root, 0).get("respondents")).put("replied", 9000),
                        "survey.problem.badRespondents", "$.surveys[0].respondents"),
                new Case("a source that is no web address", root -> ((ArrayNode) survey(root, 1).get("sources")).add("資料2-1"),
                        "survey.problem.badSource", "$.surveys[1].sources[2]"),
                new Case("no sources", root -> ((ArrayNode) survey(root, 1).get("sources")).removeAll(),
                        "survey.problem.noSources", "$.surveys[1].sources"),
                new Case("an empty name", root -> ((ObjectNode) survey(root, 1).get("name")).put("ja", " "),
                        "survey.problem.emptyText", "$.surveys[1].name.ja"),
                new Case("sources as one text", root -> survey(root, 0).put("sources", "https://cbnews.jp/"),
                        "survey.problem.expectedArray", "$.surveys[0].sources"),
                new Case("a label as one text", root -> figure(root, 0, 1).put("label", "世代管理"),
                        "survey.problem.expectedObject", "$.surveys[0].figures[1].label"),
                new Case("another format", root -> root.put("format", "tachiiri-catalog"),
                        "survey.problem.wrongFormat", "$.format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRefusedNamingThePlace(Case broken) {
        ObjectNode root = bundledTree();
        broken.breakIt().accept(root);

        UserFacingException refused = refused(root.toString());

        assertThat(refused.key()).isEqualTo("survey.error");
        assertThat(refused.arguments()).startsWith(FILE_NAME, broken.path());
        assertThat(problem(refused).key()).isEqualTo(broken.key());
        for (Language language : Language.values()) {
            assertThat(refused.localizedMessage(language)).contains(FILE_NAME, broken.path())
                    .doesNotContain("{", "survey.problem");
        }
    }

    @Test
    void textThatIsNoJsonIsRefusedWithItsLineAndColumn() {
        UserFacingException refused = refused("{\"format\": \"tachiiri-national-surveys\",\n  \"surveys\": [}");

        assertThat(refused.arguments()[1]).isEqualTo("$ (2:15)");
        assertThat(problem(refused).key()).isEqualTo("survey.problem.invalidJson");
    }

    private static UserFacingException refused(String text) {
        return catchThrowableOfType(UserFacingException.class, () -> NationalSurveys.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FILE_NAME));
    }

    /** What was wrong, the last argument of the refusal. */
    private static UserFacingException problem(UserFacingException refused) {
        Object[] arguments = refused.arguments();
        return (UserFacingException) arguments[arguments.length - 1];
    }

    private static ObjectNode bundledTree() {
        try (InputStream in = resource()) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource() {
        return NationalSurveysTest.class.getClassLoader().getResourceAsStream(NationalSurveys.RESOURCE);
    }

    /** The survey at {@code index} in the file's order (2022 first), not the loader's. */
    private static ObjectNode survey(JsonNode root, int index) {
        return (ObjectNode) root.get("surveys").get(index);
    }

    private static ObjectNode figure(JsonNode root, int survey, int index) {
        return (ObjectNode) survey(root, survey).get("figures").get(index);
    }

    private static List<Map.Entry<String, Double>> ratios(NationalSurvey survey) {
        return survey.figures().stream().map(figure -> entry(figure.itemId(), figure.ratio())).toList();
    }

    private static List<String> approximated(NationalSurvey survey) {
        return survey.figures().stream().filter(figure -> figure.approximation().isPresent())
                .map(NationalFigure::itemId).collect(Collectors.toList());
    }

    private static Map.Entry<String, Double> entry(String itemId, double ratio) {
        return Map.entry(itemId, ratio);
    }
}
