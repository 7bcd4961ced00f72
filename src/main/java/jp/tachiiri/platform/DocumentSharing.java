package jp.tachiiri.platform;

import com.gluonhq.attach.share.ShareService;
import java.nio.file.Path;

/** Hands a printout to the platform's share sheet (print, mail, files) where Attach Share has one. */
public final class DocumentSharing {

    private DocumentSharing() {
    }

    /** Returns false where the platform has no share sheet (desktops), so the caller opens the file instead. */
    public static boolean share(Path file) {
        return ShareService.create().map(service -> {
            service.share(file.getFileName().toString(), "", "application/pdf", file.toFile());
            return true;
        }).orElse(false);
    }
}
