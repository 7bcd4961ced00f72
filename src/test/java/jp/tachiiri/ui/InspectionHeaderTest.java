package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The inspection screen's header says which checklist the inspection follows: whole, within the window and under
 * the header's buttons, in landscape and once the tablet is turned to portrait. Sizes are real node measurements
 * after layout.
 */
class InspectionHeaderTest {

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theHeaderNamesTheChecklistWholeInLandscapeAndPortrait() throws Exception {
        app.start(() -> new TachiiriApp(data, (owner, title) -> List.of()));
        app.resize(1280, 800);
        UiTestSupport.openInspection(robot, "実施中");
        waitFor("the inspection's header", () -> robot.lookup("#inspection-catalog").tryQuery().isPresent());
        // The demo's inspection in progress was made with the newest catalog.
        Catalog catalog = CatalogLibrary.bundled().latest();
        for (int[] size : new int[][] {{1280, 800}, {800, 1280}}) {
            app.resize(size[0], size[1]);
            String where = size[0] + "×" + size[1];
            Label line = robot.lookup("#inspection-catalog").queryAs(Label.class);
            assertThat(line.getText()).isEqualTo(catalog.title().ja() + "・" + catalog.version());
            assertThat(((Text) line.lookup(".text")).getText()).as("shown whole, %s", where).isEqualTo(line.getText());
            double width = line.getScene().getWidth();
            Bounds shown = inScene(line);
            Bounds finalize = inScene(robot.lookup("#finalize").query());
            assertThat(shown.getMinX()).as("within the window, %s", where).isGreaterThanOrEqualTo(0);
            assertThat(shown.getMaxX()).as("within the window, %s", where).isLessThanOrEqualTo(width);
            assertThat(finalize.getMaxX()).as("the header's buttons within the window, %s", where).isLessThanOrEqualTo(width);
            assertThat(shown.getMinY()).as("under the header's buttons, %s", where).isGreaterThanOrEqualTo(finalize.getMaxY());
        }
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
