package jp.tachiiri.ui.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.Language;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The advice printout's dialog without a screen: real PDFs, read back, from the demo prefecture's store. */
class AdviceViewModelTest extends DemoWorkspaceFixture {

    private InspectionSummary anyInspection() {
        return workspace.inspections().list().get(0);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void thePreviewIsMadeInTheScreensLanguageAndAgainInTheOneChosen() throws Exception {
        InspectionSummary inspection = anyInspection();
        AdviceViewModel model = new AdviceViewModel(models(Language.JA), inspection.id(), inspection.revision(), true);

        model.makePreview();
        assertThat(text(model.pdfProperty().get())).contains("医療機関のサイバーセキュリティ対策に関する助言書");
        model.previewShown(3);
        assertThat(model.statusProperty().get()).isEqualTo("3 ページ");

        model.languageProperty().set(Language.EN);
        assertThat(text(model.pdfProperty().get())).contains("Advice on the cybersecurity of a medical");
    }

    @Test
    void withoutAPreviewNothingIsMadeUntilSavedAndTheSavedFileIsTheEnglishOneChosen() throws Exception {
        InspectionSummary inspection = anyInspection();
        AdviceViewModel model = new AdviceViewModel(models(Language.EN), inspection.id(), inspection.revision(), false);

        model.makePreview();
        assertThat(model.pdfProperty().get()).isNull();
        assertThat(model.statusProperty().get()).contains("Save the PDF and open it");

        List<Path> opened = new ArrayList<>();
        model.save(opened::add);
        model.save(opened::add);
        assertThat(opened).as("each save opens the printout").hasSize(2);
        Path saved = opened.get(0);
        assertThat(saved).exists().hasParent(data.resolve("printouts"));
        assertThat(model.statusProperty().get()).contains(saved.toString());
        assertThat(text(Files.readAllBytes(saved))).contains("Advice on the cybersecurity of a medical");
    }

    @Test
    void anInspectionThatIsNotThereIsSaidAndNothingIsSaved() {
        AdviceViewModel model = new AdviceViewModel(models(Language.EN), "no-such-inspection", 1, true);

        List<Path> opened = new ArrayList<>();
        model.makePreview();
        model.save(opened::add);

        assertThat(model.pdfProperty().get()).isNull();
        assertThat(opened).isEmpty();
        assertThat(model.statusProperty().get()).contains("no-such-inspection");
        assertThat(data.resolve("printouts")).doesNotExist();
    }
}
