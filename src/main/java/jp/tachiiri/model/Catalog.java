package jp.tachiiri.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of the inspection catalog (e.g. 2025.1 for the FY2025 checklist). */
public record Catalog(
        String version,
        int fiscalYear,
        LocalizedText title,
        LocalDate published,
        GateQuestion gate,
        List<CheckpointSection> sections) {

    public Catalog {
        sections = List.copyOf(sections);
    }

    /** Every item except the gate question, in catalog order. */
    public List<CatalogItem> items() {
        return sections.stream().flatMap(section -> section.items().stream()).toList();
    }

    public Optional<CatalogItem> item(String id) {
        return items().stream().filter(item -> item.id().equals(id)).findFirst();
    }
}
