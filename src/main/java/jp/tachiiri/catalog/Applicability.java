package jp.tachiiri.catalog;

import java.util.List;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.FacilityProfile;

/** Which items of a catalog a facility has to answer. */
public final class Applicability {

    private Applicability() {
    }

    /**
     * The items whose conditions the facility meets; none when it runs no medical information system, since
     * the gate question then rules out every other item.
     */
    public static List<CatalogItem> applicableItems(Catalog catalog, FacilityProfile profile) {
        if (!profile.hasMedicalInformationSystem()) {
            return List.of();
        }
        return catalog.items().stream().filter(item -> item.appliesTo(profile)).toList();
    }

    /** How many questions the facility answers: the gate question and the applicable items. */
    public static int questionCount(Catalog catalog, FacilityProfile profile) {
        return 1 + applicableItems(catalog, profile).size();
    }
}
