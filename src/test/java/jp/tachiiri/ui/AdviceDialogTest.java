package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The advice printout from the inspection screen: its pages are previewed, in either language. */
class AdviceDialogTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void previewsThePrintoutPagesInJapaneseAndEnglish() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        UiTestSupport.openInspection(robot, "デモ 桜川記念病院");
        waitUntil(() -> robot.lookup("#advice-printout").tryQuery().isPresent());

        robot.clickOn("#advice-printout");
        // The status is set last, in the same FX step that adds the pages: waiting for it avoids
        // reading the pages half-added from the test thread.
        waitUntil(() -> status().endsWith("ページ"));
        int japanesePages = pageCount();
        assertThat(japanesePages).isPositive();
        assertThat(status()).isEqualTo(japanesePages + " ページ");
        assertThat(robot.lookup("#advice-pages .image-view").queryAllAs(ImageView.class))
                .allSatisfy(page -> assertThat(page.getImage().getHeight()).isGreaterThan(page.getImage().getWidth()));

        // English: the printout is made again and its pages replace the Japanese ones.
        Image japaneseFirstPage = firstPage();
        robot.clickOn("#advice-language-en");
        waitUntil(() -> status().endsWith("ページ") && firstPage() != japaneseFirstPage);
        assertThat(pageCount()).isPositive();
    }

    private Image firstPage() {
        return robot.lookup("#advice-pages .image-view").queryAllAs(ImageView.class).stream().findFirst()
                .map(ImageView::getImage).orElse(null);
    }

    private int pageCount() {
        return robot.lookup("#advice-pages").tryQuery().map(node -> ((VBox) node).getChildren().size()).orElse(0);
    }

    private String status() {
        return robot.lookup("#advice-status").tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }
}
