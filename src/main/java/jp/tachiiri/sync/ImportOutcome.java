package jp.tachiiri.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.bundle.BundleException;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/** What became of one file given to the import. */
public record ImportOutcome(Path file, Result result, Counts counts, Delivered delivered, Optional<BundleHeader> header,
                            Optional<UserFacingException> problem) {

    /** Who sent the bundle, as its header says. */
    public record Sender(String deviceId, String fingerprint) {
    }

    /** Whether the bundle was refused for coming from an office other than the one this tablet enrolled. */
    public boolean fromAnotherOffice() {
        return problem.filter(refusal -> refusal.key().equals(DeviceTrust.ANOTHER_OFFICE)).isPresent();
    }

    /** The sender, when the bundle's header could be read. */
    public Optional<Sender> sender() {
        return header.map(read -> new Sender(read.deviceId(), read.fingerprint()));
    }

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

    /**
     * What an office's assignments bundle changed here besides inspections, by kind: decisions on this tablet's
     * revisions (returned, approved), receipts of its findings bundles, plans new and changed, facilities whose
     * record changed, catalog versions new here, and facilities whose earlier findings' follow-up changed. What the
     * store already had is not counted.
     */
    public record Delivered(int returns, int approvals, int receipts, int newPlans, int changedPlans, int facilities,
                            int catalogs, int followUps) {

        public static final Delivered NONE = new Delivered(0, 0, 0, 0, 0, 0, 0, 0);
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
            case IMPORTED -> switch (header.orElseThrow().kind()) {
                case ASSIGNMENTS -> describeAssignments(messages, name) + unsealed(messages);
                case FINDINGS -> messages.get("sync.outcome.imported", name, counts.added(), counts.updated(),
                        counts.unchanged(), counts.conflicts()) + unsealed(messages);
                case ENROLMENT -> messages.get("sync.outcome.enrolled", name, header.get().deviceId(), header.get().fingerprint());
            };
            case ALREADY_IMPORTED -> messages.get("sync.outcome.already", name);
            case PENDING_ENROLMENT -> messages.get("sync.outcome.pending", name, header.orElseThrow().deviceId(),
                    FingerprintCheck.masked(header.orElseThrow().fingerprint()));
            case REJECTED -> problem.orElseThrow() instanceof BundleException
                    ? messages.get("sync.outcome.rejectedBundle", messages.describe(problem.get()))
                    : messages.get("sync.outcome.rejected", name, messages.describe(problem.get()));
        };
    }

    /** A word on a file of format 2.x, which came signed but not sealed: whoever carried it could read it. */
    private String unsealed(Messages messages) {
        return header.orElseThrow().sealed() ? "" : messages.get("sync.outcome.unsealed");
    }

    /** What an assignments bundle brought, kind by kind, naming only the kinds it changed. */
    private String describeAssignments(Messages messages, String name) {
        Map<String, Integer> amounts = new LinkedHashMap<>();
        amounts.put("returns", delivered.returns());
        amounts.put("approvals", delivered.approvals());
        amounts.put("receipts", delivered.receipts());
        amounts.put("newPlans", delivered.newPlans());
        amounts.put("changedPlans", delivered.changedPlans());
        amounts.put("facilities", delivered.facilities());
        amounts.put("catalogs", delivered.catalogs());
        amounts.put("followUps", delivered.followUps());
        amounts.put("previous", counts.added() + counts.updated());
        amounts.put("conflicts", counts.conflicts());
        List<String> parts = new ArrayList<>();
        amounts.forEach((kind, amount) -> {
            if (amount > 0) {
                parts.add(messages.get("sync.brought." + kind, amount));
            }
        });
        return parts.isEmpty()
                ? messages.get("sync.outcome.nothingNew", name)
                : messages.get("sync.outcome.brought", name, String.join(messages.get("sync.brought.separator"), parts));
    }

    static ImportOutcome imported(Path file, BundleHeader header, Counts counts, Delivered delivered) {
        return new ImportOutcome(file, Result.IMPORTED, counts, delivered, Optional.of(header), Optional.empty());
    }

    static ImportOutcome of(Path file, Result result, BundleHeader header) {
        return new ImportOutcome(file, result, Counts.NONE, Delivered.NONE, Optional.ofNullable(header), Optional.empty());
    }

    static ImportOutcome rejected(Path file, BundleHeader header, UserFacingException problem) {
        return new ImportOutcome(file, Result.REJECTED, Counts.NONE, Delivered.NONE, Optional.ofNullable(header),
                Optional.of(problem));
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
