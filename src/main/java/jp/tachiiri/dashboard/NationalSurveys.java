package jp.tachiiri.dashboard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.LocalizedText;

/**
 * The national surveys the dashboard compares with, read from {@value #RESOURCE}: a file of data, so that a newer
 * survey year is added by adding it there. Reading is strict, like the catalog's: a field that is unknown, missing
 * or of the wrong type, a ratio outside 0–1, a period that ends before it starts, more replies than hospitals
 * asked, a source that is no http(s) address, or a survey id, year or item given twice is rejected with a
 * {@link UserFacingException} ({@code survey.error}) naming the file, the JSON path and the problem. That each
 * figure's item exists in the catalogs is checked by a test against the bundled catalogs.
 *
 * <p>The file: {@code format} ({@value #FORMAT}), {@code formatVersion} ({@value #FORMAT_VERSION}) and
 * {@code surveys}, each with {@code id}, {@code year} (one survey a year: the dashboard offers the years),
 * {@code publisher}, {@code name}, {@code base} and optionally {@code note} (texts with {@code ja} and
 * {@code en}), optionally {@code fielded} (periods {@code from}–{@code to}) and {@code respondents}
 * ({@code asked}, {@code replied}), {@code reported} (a date), {@code sources} (addresses) and {@code figures},
 * each with {@code itemId}, {@code ratio}, {@code label} and optionally {@code approximation}.
 */
public final class NationalSurveys {

    static final String RESOURCE = "dashboard/national-surveys.json";
    static final String FORMAT = "tachiiri-national-surveys";
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 2022.5 is no year and "0.5" no ratio: nothing is converted silently.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The shapes of the file. Every field may be left out here, so that a missing one is told with its path. */
    private record FileJson(String format, Integer formatVersion, List<SurveyJson> surveys) {
    }

    private record SurveyJson(String id, Integer year, TextJson publisher, TextJson name, List<PeriodJson> fielded,
                              RespondentsJson respondents, String reported, TextJson base, TextJson note,
                              List<String> sources, List<FigureJson> figures) {
    }

    private record PeriodJson(String from, String to) {
    }

    private record RespondentsJson(Integer asked, Integer replied) {
    }

    private record FigureJson(String itemId, Double ratio, TextJson label, TextJson approximation) {
    }

    private record TextJson(String ja, String en) {
    }

    /** Read on first use; a broken bundled file fails the build's tests, never an inspection. */
    private static final class Bundled {
        static final NationalSurveys SURVEYS = readResource();
    }

    private final List<NationalSurvey> surveys;

    private NationalSurveys(List<NationalSurvey> surveys) {
        this.surveys = surveys.stream().sorted(Comparator.comparingInt(NationalSurvey::year).reversed()).toList();
    }

    /** The surveys shipped with the application. */
    public static NationalSurveys bundled() {
        return Bundled.SURVEYS;
    }

    /** Reads a surveys file; {@code source} names it in error messages. */
    public static NationalSurveys read(InputStream in, String source) {
        FileJson file;
        try {
            file = JSON.readValue(in, FileJson.class);
        } catch (UnrecognizedPropertyException e) {
            throw refused(e, source, path(e), "survey.problem.unknownField", e.getPropertyName());
        } catch (MismatchedInputException e) {
            throw refused(e, source, path(e), expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            // Jackson wraps text that is no JSON, met inside a value, in a mapping problem.
            if (e.getCause() instanceof JsonProcessingException notJson) {
                throw notJson(notJson, source);
            }
            throw refused(e, source, path(e), "survey.problem.badValue", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw notJson(e, source);
        } catch (IOException e) {
            throw refused(e, source, "$", "survey.problem.unreadable", e.getMessage());
        }
        if (file == null) {
            throw refused(null, source, "$", "survey.problem.expectedObject");
        }
        return new Reading(source).surveys(file);
    }

    /** Every survey, the newest year first. */
    public List<NationalSurvey> all() {
        return surveys;
    }

    /** The survey of the newest year. */
    public NationalSurvey newest() {
        return surveys.get(0);
    }

    private static NationalSurveys readResource() {
        try (InputStream in = NationalSurveys.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the national surveys are missing from the build: " + RESOURCE);
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw refused(e, RESOURCE, "$", "survey.problem.unreadable", e.getMessage());
        }
    }

    /** A refusal: {@code survey.error} with the file, the JSON path and the problem, told in the reader's language. */
    private static UserFacingException refused(Throwable cause, String source, String path, String problem,
                                               Object... arguments) {
        return new UserFacingException(cause, "survey.error", source, path, new UserFacingException(problem, arguments));
    }

    /** The problem of a value of the wrong type: what the field needed. */
    private static String expected(Class<?> type) {
        if (type == Integer.class) {
            return "survey.problem.expectedInteger";
        }
        if (type == Double.class) {
            return "survey.problem.expectedNumber";
        }
        if (type == String.class) {
            return "survey.problem.expectedText";
        }
        return type != null && List.class.isAssignableFrom(type) ? "survey.problem.expectedArray"
                : "survey.problem.expectedObject";
    }

    private static UserFacingException notJson(JsonProcessingException e, String source) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "$" : "$ (" + at.getLineNr() + ":" + at.getColumnNr() + ")";
        return refused(e, source, where, "survey.problem.invalidJson", e.getOriginalMessage());
    }

    /** Jackson's place of a problem as a JSON path: {@code $.surveys[0].figures[1].ratio}. */
    private static String path(JsonMappingException e) {
        return "$" + e.getPath().stream()
                .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining());
    }

    /** One reading of a file: the checks Jackson does not make, each naming its place. */
    private record Reading(String source) {

        NationalSurveys surveys(FileJson file) {
            String format = required(file.format(), "$", "format");
            if (!FORMAT.equals(format)) {
                throw error("$.format", "survey.problem.wrongFormat", format, FORMAT);
            }
            int version = required(file.formatVersion(), "$", "formatVersion");
            if (version != FORMAT_VERSION) {
                throw error("$.formatVersion", "survey.problem.unsupportedFormatVersion", version, FORMAT_VERSION);
            }
            List<NationalSurvey> surveys = list(file.surveys(), "$", "surveys", this::survey);
            if (surveys.isEmpty()) {
                throw error("$.surveys", "survey.problem.noSurveys");
            }
            unique(surveys, NationalSurvey::id, "$.surveys", "id", "survey.problem.duplicateId");
            unique(surveys, NationalSurvey::year, "$.surveys", "year", "survey.problem.duplicateYear");
            return new NationalSurveys(surveys);
        }

        private NationalSurvey survey(SurveyJson survey, String path) {
            List<NationalFigure> figures = list(survey.figures(), path, "figures", this::figure);
            if (figures.isEmpty()) {
                throw error(path + ".figures", "survey.problem.noFigures");
            }
            unique(figures, NationalFigure::itemId, path + ".figures", "itemId", "survey.problem.duplicateItem");
            List<String> sources = list(survey.sources(), path, "sources", this::source);
            if (sources.isEmpty()) {
                throw error(path + ".sources", "survey.problem.noSources");
            }
            return new NationalSurvey(
                    required(survey.id(), path, "id"),
                    required(survey.year(), path, "year"),
                    text(survey.publisher(), path, "publisher"),
                    text(survey.name(), path, "name"),
                    survey.fielded() == null ? List.of() : list(survey.fielded(), path, "fielded", this::period),
                    Optional.ofNullable(survey.respondents()).map(given -> respondents(given, path + ".respondents")),
                    date(survey.reported(), path, "reported"),
                    text(survey.base(), path, "base"),
                    Optional.ofNullable(survey.note()).map(note -> text(note, path, "note")),
                    sources,
                    figures);
        }

        private NationalFigure figure(FigureJson figure, String path) {
            double ratio = required(figure.ratio(), path, "ratio");
            if (!(ratio >= 0 && ratio <= 1)) {
                throw error(path + ".ratio", "survey.problem.badRatio", ratio);
            }
            return new NationalFigure(required(figure.itemId(), path, "itemId"), ratio,
                    text(figure.label(), path, "label"),
                    Optional.ofNullable(figure.approximation()).map(note -> text(note, path, "approximation")));
        }

        private NationalSurvey.Period period(PeriodJson period, String path) {
            LocalDate from = date(period.from(), path, "from");
            LocalDate to = date(period.to(), path, "to");
            if (to.isBefore(from)) {
                throw error(path, "survey.problem.badPeriod", from, to);
            }
            return new NationalSurvey.Period(from, to);
        }

        private NationalSurvey.Respondents respondents(RespondentsJson respondents, String path) {
            int asked = required(respondents.asked(), path, "asked");
            int replied = required(respondents.replied(), path, "replied");
            if (asked <= 0 || replied < 0 || replied > asked) {
                throw error(path, "survey.problem.badRespondents", asked, replied);
            }
            return new NationalSurvey.Respondents(asked, replied);
        }

        private String source(String address, String path) {
            try {
                URI uri = new URI(address);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw error(path, "survey.problem.badSource", address);
                }
                return address;
            } catch (URISyntaxException e) {
                throw error(path, "survey.problem.badSource", address);
            }
        }

        private LocalizedText text(TextJson text, String path, String field) {
            String at = path + "." + field;
            TextJson given = required(text, path, field);
            return new LocalizedText(required(given.ja(), at, "ja"), required(given.en(), at, "en"));
        }

        private LocalDate date(String value, String path, String field) {
            String given = required(value, path, field);
            try {
                return LocalDate.parse(given);
            } catch (DateTimeParseException e) {
                throw error(path + "." + field, "survey.problem.badDate", given);
            }
        }

        /** {@code value}, which must be there; a text must not be blank either. */
        private <T> T required(T value, String path, String field) {
            if (value == null) {
                throw error(path, "survey.problem.missingField", field);
            }
            if (value instanceof String text && text.isBlank()) {
                throw error(path + "." + field, "survey.problem.emptyText");
            }
            return value;
        }

        private <J, T> List<T> list(List<J> values, String path, String field, BiFunction<J, String, T> reader) {
            List<J> given = required(values, path, field);
            List<T> read = new ArrayList<>(given.size());
            for (int i = 0; i < given.size(); i++) {
                String at = path + "." + field + "[" + i + "]";
                if (given.get(i) == null) {
                    throw error(at, "survey.problem.nullValue");
                }
                read.add(reader.apply(given.get(i), at));
            }
            return read;
        }

        /** Rejects a key given twice, naming the second place and the first. */
        private <T, K> void unique(List<T> values, Function<T, K> key, String path, String field, String problem) {
            Map<K, Integer> first = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                Integer before = first.putIfAbsent(key.apply(values.get(i)), i);
                if (before != null) {
                    throw error(path + "[" + i + "]." + field, problem, String.valueOf(key.apply(values.get(i))),
                            path + "[" + before + "]");
                }
            }
        }

        private UserFacingException error(String path, String problem, Object... arguments) {
            return refused(null, source, path, problem, arguments);
        }
    }
}
