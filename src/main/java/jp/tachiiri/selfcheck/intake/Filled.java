package jp.tachiiri.selfcheck.intake;

import java.util.List;

/**
 * What filling an inspection in progress from a self-check did: the fields that changed, the ministry items left as
 * they were because the inspector had confirmed them already, and the vendor contracts the facility no longer has.
 */
public record Filled(String inspectionId, int changedFields, List<String> keptConfirmed, List<String> skippedContracts) {

    public static Filled nothing(String inspectionId) {
        return new Filled(inspectionId, 0, List.of(), List.of());
    }

    public Filled {
        keptConfirmed = List.copyOf(keptConfirmed);
        skippedContracts = List.copyOf(skippedContracts);
    }
}
