package jp.tachiiri.platform;

import com.gluonhq.attach.pictures.PicturesService;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.scene.image.Image;

/**
 * The device camera through Attach Pictures, where the platform has one (Android, iOS). Desktops have no
 * implementation: there the inspector chooses files instead.
 */
public final class Camera {

    private final PicturesService pictures;

    private Camera(PicturesService pictures) {
        this.pictures = pictures;
    }

    public static Optional<Camera> available() {
        return PicturesService.create().map(Camera::new);
    }

    /**
     * Opens the camera; when a photo is taken, {@code onPhoto} gets the file it was saved to. Nothing happens
     * when the inspector cancels.
     */
    public void takePhoto(Consumer<Path> onPhoto) {
        ChangeListener<Image> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Image> observable, Image old, Image image) {
                pictures.imageProperty().removeListener(this);
                if (image != null) {
                    pictures.getImageFile().map(File::toPath).ifPresent(onPhoto);
                }
            }
        };
        pictures.imageProperty().addListener(listener);
        pictures.asyncTakePhoto(true);
    }
}
