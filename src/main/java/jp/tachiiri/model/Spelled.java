package jp.tachiiri.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant written in files (catalogs, bundles, the store) as an id of its own: {@code clinicWithBeds}. */
public interface Spelled {

    /** The id files use. */
    String id();

    /** The constant of {@code type} written {@code id}, if any. */
    static <E extends Enum<E> & Spelled> Optional<E> parse(Class<E> type, String id) {
        return EnumSet.allOf(type).stream().filter(constant -> constant.id().equals(id)).findFirst();
    }

    /** Every id of {@code type}, for a message saying what is allowed. */
    static <E extends Enum<E> & Spelled> String ids(Class<E> type) {
        return EnumSet.allOf(type).stream().map(Spelled::id).collect(Collectors.joining(", "));
    }
}
