package jp.tachiiri.facility;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.tachiiri.model.Facility;

/**
 * The facility master: the hospitals and clinics inspected, with their attributes and vendor contracts. A
 * facility checks its own values when made; saving replaces the stored one whole.
 */
public final class FacilityService {

    private final FacilityRepository facilities;

    public FacilityService(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    /** All facilities, ordered by kana reading (the order of a Japanese register). */
    public List<Facility> all() {
        return facilities.all();
    }

    /** Every facility's name by its id, read at once: for lists that name many facilities. */
    public Map<String, String> namesById() {
        return facilities.all().stream().collect(Collectors.toUnmodifiableMap(Facility::id, Facility::name));
    }

    public Optional<Facility> byId(String id) {
        return facilities.byId(id);
    }

    /** Inserts or replaces the facility with this id, together with its vendor contracts. */
    public void save(Facility facility) {
        facilities.save(facility);
    }
}
