package jp.tachiiri.selfcheck.intake;

import java.nio.file.Path;
import java.util.Optional;

import jp.tachiiri.i18n.UserFacingException;

/** What became of one filled workbook file: imported (new, replacing the older, or the same again), or refused and why. */
public record FileOutcome(Path file, Optional<Imported> imported, Optional<UserFacingException> refusal) {

    public static FileOutcome accepted(Path file, Imported imported) {
        return new FileOutcome(file, Optional.of(imported), Optional.empty());
    }

    public static FileOutcome refused(Path file, UserFacingException why) {
        return new FileOutcome(file, Optional.empty(), Optional.of(why));
    }

    public boolean accepted() {
        return imported.isPresent();
    }
}
