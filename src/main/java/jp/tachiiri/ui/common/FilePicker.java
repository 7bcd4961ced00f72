package jp.tachiiri.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Chooses evidence files on a desktop. The system's dialog by default; tests hand over files directly. */
@FunctionalInterface
public interface FilePicker {

    List<Path> choose(Window owner, String title);

    public static FilePicker system() {
        return (owner, title) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        };
    }
}
