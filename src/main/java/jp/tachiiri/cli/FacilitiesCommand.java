package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Facility;
import picocli.CommandLine.Command;

/**
 * {@code tachiiri facilities}: one line per facility: id, code, name, type, licensed beds, the yes/no attributes
 * that decide applicability (medical information system, EMR, vendor contract) and the fee add-ons claimed
 * (add-on@first day, comma-separated), tab-separated.
 */
@Command(name = "facilities")
final class FacilitiesCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            for (Facility facility : workspace.facilities().all()) {
                out().println(String.join("\t", facility.id(), facility.code(), facility.name(), facility.type().id(),
                        Integer.toString(facility.licensedBeds()), Boolean.toString(facility.hasMedicalInformationSystem()),
                        Boolean.toString(facility.usesEmr()), Boolean.toString(!facility.vendors().isEmpty()),
                        facility.feeAddOnClaims().stream().map(claim -> claim.addOnId() + "@" + claim.from())
                                .collect(Collectors.joining(","))));
            }
            return 0;
        }
    }
}
