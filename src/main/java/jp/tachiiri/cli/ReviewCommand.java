package jp.tachiiri.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Inspection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri review --inspection ID (--approve | --return COMMENT) [--item ITEM=COMMENT]…}: the office's
 * decision on the newest revision, sent back to the tablet in the next assignments bundle.
 */
@Command(name = "review")
final class ReviewCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--inspection", required = true, paramLabel = "ID", descriptionKey = "inspectionId")
    private String inspectionId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Decision decision;

    static final class Decision {
        @Option(names = "--approve", descriptionKey = "approve")
        boolean approve;

        @Option(names = "--return", paramLabel = "COMMENT", descriptionKey = "returnComment")
        String returnComment;
    }

    @Option(names = "--item", paramLabel = "ITEM=COMMENT", descriptionKey = "itemComment")
    private Map<String, String> items = new LinkedHashMap<>();

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            Inspection inspection = workspace.inspections().find(inspectionId)
                    .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
            boolean approve = decision.approve;
            List<BundleRecords.ItemComment> comments = items.entrySet().stream()
                    .map(entry -> new BundleRecords.ItemComment(entry.getKey(), entry.getValue())).toList();
            workspace.syncRecords().review(new BundleRecords.Review(inspectionId, inspection.revision(),
                    approve ? "APPROVED" : "RETURNED", approve ? "" : decision.returnComment,
                    Clock.systemUTC().instant().toString(), workspace.actor(), approve ? List.of() : comments));
            out().println(messages().get(approve ? "cli.review.approved" : "cli.review.returned", inspectionId,
                    inspection.revision()));
            return 0;
        }
    }
}
