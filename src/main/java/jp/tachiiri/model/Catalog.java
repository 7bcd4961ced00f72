package jp.tachiiri.model;

import java.util.List;
import java.util.Optional;

/**
 * One version of the inspection catalog (e.g. 2026.1 for FY2026 inspections): the checklist it follows and that
 * checklist's items, the catalog's items under the four checkpoints, and the help and fee add-on rules the
 * printout states, each with the days it is in force.
 */
public record Catalog(
        String version,
        int fiscalYear,
        LocalizedText title,
        ChecklistInfo checklist,
        List<MinistryItem> ministryItems,
        GateQuestion gate,
        List<CheckpointSection> sections,
        List<FeeAddOn> feeAddOns,
        List<HelpResource> resources) {

    public Catalog {
        ministryItems = List.copyOf(ministryItems);
        sections = List.copyOf(sections);
        feeAddOns = List.copyOf(feeAddOns);
        resources = List.copyOf(resources);
    }

    /** Every item except the gate question, in catalog order. */
    public List<CatalogItem> items() {
        return sections.stream().flatMap(section -> section.items().stream()).toList();
    }

    public Optional<CatalogItem> item(String id) {
        return items().stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /** The catalog items that answer a ministry item (several when the catalog breaks it down), in catalog order. */
    public List<CatalogItem> partsOf(MinistryItem ministryItem) {
        return items().stream().filter(item -> item.ministryItem().equals(Optional.of(ministryItem))).toList();
    }
}
