package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.InspectionSummary;
import picocli.CommandLine.Command;

/** {@code tachiiri inspections}: one line per inspection: id, facility, date, status, revision (tab-separated). */
@Command(name = "inspections")
final class InspectionsCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            for (InspectionSummary inspection : workspace.inspections().list()) {
                out().println(String.join("\t", inspection.id(), inspection.facilityName(), inspection.date().toString(),
                        inspection.status().name(), Integer.toString(inspection.revision())));
            }
            return 0;
        }
    }
}
