package jp.tachiiri.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.PlannedInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri replan --plan ID --date DATE}: moves a planned inspection to another day (a hospital asked to
 * reschedule); the tablet takes the newer plan with the next assignments bundle.
 */
@Command(name = "replan")
final class ReplanCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--plan", required = true, paramLabel = "ID", descriptionKey = "planId")
    private String planId;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "plannedDate")
    private String date;

    @Override
    public Integer call() {
        LocalDate moved = DateText.parseRequired(date, "planning.date");
        try (Workspace workspace = root().openWorkspace()) {
            PlannedInspection plan = workspace.sync().replan(planId, moved);
            String facility = workspace.facilities().byId(plan.facilityId()).map(Facility::name).orElse(plan.facilityId());
            out().println(messages().get("cli.replan.moved", facility, DateText.format(moved, messages().language()),
                    plan.inspectorName(), plan.id()));
            return 0;
        }
    }
}
