package jp.tachiiri.facility;

import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.Facility;

/** Where facilities are kept. */
public interface FacilityRepository {

    /** All facilities, ordered by kana reading (the order of a Japanese register). */
    List<Facility> all();

    Optional<Facility> byId(String id);

    /** Inserts or replaces the facility with this id, together with its vendor contracts. */
    void save(Facility facility);
}
