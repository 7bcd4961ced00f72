package jp.tachiiri.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.bundle.BundleException;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/** What became of one file given to the import. */
public record ImportOutcome(Path file, Result result, Counts counts, Optional<BundleHeader> header,
                            Optional<UserFacingException> problem) {

    public enum Result {
        IMPORTED,
        ALREADY_IMPORTED,
        PENDING_ENROLMENT,
        REJECTED
    }

    /** Inspections in the bundle: new here, with a newer revision, already known as they are, in conflict. */
    public record Counts(int added, int updated, int unchanged, int conflicts) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(MergeResult result) {
            return switch (result) {
                case ADDED -> new Counts(added + 1, updated, unchanged, conflicts);
                case UPDATED -> new Counts(added, updated + 1, unchanged, conflicts);
                case UNCHANGED -> new Counts(added, updated, unchanged + 1, conflicts);
                case CONFLICT -> new Counts(added, updated, unchanged, conflicts + 1);
            };
        }
    }

    /** How one inspection of a bundle was merged into the store. */
    public enum MergeResult {
        ADDED,
        UPDATED,
        UNCHANGED,
        CONFLICT
    }

    /** One line for this file, in the language of {@code messages}. */
    public String describe(Messages messages) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return switch (result) {
            case IMPORTED -> messages.get("sync.outcome.imported", name, counts.added(), counts.updated(), counts.unchanged(),
                    counts.conflicts());
            case ALREADY_IMPORTED -> messages.get("sync.outcome.already", name);
            case PENDING_ENROLMENT -> messages.get("sync.outcome.pending", name, header.orElseThrow().deviceId(),
                    FingerprintCheck.masked(header.orElseThrow().fingerprint()));
            case REJECTED -> problem.orElseThrow() instanceof BundleException
                    ? messages.get("sync.outcome.rejectedBundle", messages.describe(problem.get()))
                    : messages.get("sync.outcome.rejected", name, messages.describe(problem.get()));
        };
    }

    static ImportOutcome imported(Path file, BundleHeader header, Counts counts) {
        return new ImportOutcome(file, Result.IMPORTED, counts, Optional.of(header), Optional.empty());
    }

    static ImportOutcome of(Path file, Result result, BundleHeader header) {
        return new ImportOutcome(file, result, Counts.NONE, Optional.ofNullable(header), Optional.empty());
    }

    static ImportOutcome rejected(Path file, BundleHeader header, UserFacingException problem) {
        return new ImportOutcome(file, Result.REJECTED, Counts.NONE, Optional.ofNullable(header), Optional.of(problem));
    }

    /**
     * The exit code of a command over several files: 1 if any was rejected, else 3 if any waits for
     * enrolment, else 0.
     */
    public static int exitCode(List<ImportOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.result() == Result.REJECTED)) {
            return 1;
        }
        return outcomes.stream().anyMatch(o -> o.result() == Result.PENDING_ENROLMENT) ? 3 : 0;
    }
}
