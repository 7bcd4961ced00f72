package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.FacilityProfile;
import picocli.CommandLine.Command;

/**
 * {@code tachiiri facilities}: one line per facility: id, code, name, licensed beds, and the yes/no attributes
 * that decide applicability (medical information system, EMR, vendor contract), tab-separated.
 */
@Command(name = "facilities")
final class FacilitiesCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            for (Facility facility : workspace.facilities().all()) {
                FacilityProfile profile = facility.profile();
                out().println(String.join("\t", facility.id(), facility.code(), facility.name(),
                        Integer.toString(profile.licensedBeds()), Boolean.toString(profile.hasMedicalInformationSystem()),
                        Boolean.toString(profile.usesEmr()), Boolean.toString(profile.hasVendorContract())));
            }
            return 0;
        }
    }
}
