package jp.tachiiri.ui.inspection;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.ui.common.ViewModelContext;

/**
 * The advice printout of one revision: made in the chosen language (the screen's at first),
 * for the preview where the platform has one, and saved into the data folder's printouts/ to be opened, printed
 * or shared. An inspection in progress gives a marked draft.
 */
public final class AdviceViewModel {

    private final ViewModelContext context;
    private final Messages messages;
    private final String inspectionId;
    private final int revision;
    private final boolean previewable;
    private final ObjectProperty<Language> language;
    private final ReadOnlyObjectWrapper<byte[]> pdf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /** {@code previewable}: whether the platform can show the pages (desktops); else saving is the way to see it. */
    public AdviceViewModel(ViewModelContext context, String inspectionId, int revision, boolean previewable) {
        this.context = context;
        this.messages = context.messages();
        this.inspectionId = inspectionId;
        this.revision = revision;
        this.previewable = previewable;
        this.language = new SimpleObjectProperty<>(messages.language());
        language.addListener((observable, was, now) -> makePreview());
    }

    /** Makes the printout for the preview (the first time and after each change of language). */
    public void makePreview() {
        if (!previewable) {
            status.set(messages.get("advice.ui.noPreview"));
            return;
        }
        status.set(messages.get("advice.ui.rendering"));
        Language chosen = language.get();
        context.background().submit(() -> {
            Workspace workspace = context.workspace();
            return workspace.advice().pdf(inspectionId, Optional.of(revision), workspace.settings().advice(), chosen);
        }, made -> {
            if (chosen == language.get()) {
                pdf.set(made);
            }
        }, this::failed);
    }

    /** The view has drawn the preview's pages. */
    public void previewShown(int pages) {
        status.set(messages.get("advice.ui.pages", pages));
    }

    /** Drawing the preview failed. */
    public void failed(RuntimeException failure) {
        status.set(context.describe(failure));
    }

    /** Saves the printout in the chosen language, then hands its file to {@code open}: each save opens it again. */
    public void save(Consumer<Path> open) {
        Language chosen = language.get();
        context.background().submit(() -> {
            Workspace workspace = context.workspace();
            Path file = workspace.advice().printoutFile(inspectionId, revision, chosen);
            workspace.advice().writePdf(inspectionId, Optional.of(revision), workspace.settings().advice(), chosen, file);
            return file;
        }, file -> {
            status.set(messages.get("advice.ui.saved", file));
            open.accept(file);
        }, this::failed);
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** The printout for the preview, in the chosen language; empty until made. */
    public ReadOnlyObjectProperty<byte[]> pdfProperty() {
        return pdf.getReadOnlyProperty();
    }

    /** What is happening: making, the number of pages, the saved file, or what failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
