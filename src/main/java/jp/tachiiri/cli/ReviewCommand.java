package jp.tachiiri.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.review.Decision;
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
    private Choice choice;

    static final class Choice {
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
            boolean approve = choice.approve;
            workspace.review().decide(new Decision(inspectionId, inspection.revision(), approve,
                    approve ? "" : choice.returnComment, approve ? Map.of() : items), workspace.actor());
            out().println(messages().get(approve ? "cli.review.approved" : "cli.review.returned", inspectionId,
                    inspection.revision()));
            return 0;
        }
    }
}
