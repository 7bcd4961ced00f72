package jp.tachiiri.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The build ships the stylesheet in JavaFX's binary form beside its text (pom.xml, Css2Bin), and JavaFX loads the
 * binary whenever it finds one: it must say what the text says, rule for rule.
 */
class BinaryStylesheetTest {

    @Test
    void theBinaryStylesheetHoldsEveryRuleOfTheText() throws IOException {
        URL text = getClass().getClassLoader().getResource("css/tachiiri.css");
        URL binary = getClass().getClassLoader().getResource("css/tachiiri.bss");
        assertThat(text).isNotNull();
        assertThat(binary).as("css/tachiiri.bss, made by the build from css/tachiiri.css").isNotNull();

        List<String> fromText = rules(new CssParser().parse(text));
        List<String> fromBinary = rules(Stylesheet.loadBinary(binary));
        assertThat(fromText).hasSizeGreaterThan(50);
        assertThat(fromBinary).isEqualTo(fromText);
    }

    /** Each rule as its selectors and its declarations (a binary rule reads them only when asked). */
    private static List<String> rules(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(declaration -> declaration.getProperty() + ": " + declaration.getParsedValue()
                        + (declaration.isImportant() ? " !important" : ""))
                .toList()).toList();
    }
}
