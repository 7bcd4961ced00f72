package jp.tachiiri.platform;

import com.gluonhq.attach.pictures.PicturesService;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

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

    /** Takes a photo and returns the file it was saved to; empty when the inspector cancels. */
    public Optional<Path> takePhoto() {
        return pictures.takePhoto(true).flatMap(image -> pictures.getImageFile()).map(File::toPath);
    }
}
