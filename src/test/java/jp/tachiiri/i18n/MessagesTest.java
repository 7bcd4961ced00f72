package jp.tachiiri.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;

/** Japanese and English are both complete, and every text the code asks for by a fixed key exists. */
class MessagesTest {

    private static final Path BUNDLES = Path.of("resources/i18n");
    private static final Pattern FIXED_KEY = Pattern.compile("(?:get|UserFacingException|StoreException)\\(\\s*(?:[a-zA-Z]+,\\s*)?\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> japanese = keys("messages.properties");
        Set<String> english = keys("messages_en.properties");
        assertThat(new TreeSet<>(english)).as("keys only in Japanese: add them to messages_en.properties")
                .containsAll(japanese);
        assertThat(new TreeSet<>(japanese)).as("keys only in English: add them to messages.properties")
                .containsAll(english);
    }

    @Test
    void everyFixedKeyInTheCodeHasAText() throws IOException {
        Set<String> known = keys("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = FIXED_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(known).containsAll(used);
    }

    @Test
    void japaneseIsTheDefaultWhateverTheMachineLocale() {
        assertThat(Messages.of(Language.JA).get("common.yes")).isEqualTo("あり");
        assertThat(Messages.of(Language.EN).get("common.yes")).isEqualTo("Yes");
    }

    @Test
    void argumentsAndQuotesAreFormatted() {
        assertThat(Messages.of(Language.EN).get("catalog.problem.gateTargetDate")).contains("question's");
        assertThat(Messages.of(Language.JA).get("home.beds", 250)).isEqualTo("250 床");
    }

    /**
     * Every text the app asks for is a MessageFormat pattern: a lone apostrophe starts a quote that hides the arguments
     * after it ("installation's {2}" prints "installations {2}"), so an apostrophe is written twice. The command
     * line's option and command descriptions (keys without a dot, and *.usage.description) are picocli's, which takes
     * them as they are.
     */
    @Test
    void everyApostropheIsWrittenTwice() throws IOException {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        Set<String> quoting = new TreeSet<>();
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties texts = texts(file);
            texts.stringPropertyNames().stream()
                    .filter(key -> key.contains(".") && !key.endsWith(".usage.description"))
                    .filter(key -> lone.matcher(texts.getProperty(key).replace("''", "")).find())
                    .forEach(key -> quoting.add(file + ": " + key));
        }
        assertThat(quoting).isEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        return texts(file).stringPropertyNames();
    }

    private static Properties texts(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
