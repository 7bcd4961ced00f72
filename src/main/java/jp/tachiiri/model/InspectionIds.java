package jp.tachiiri.model;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An inspection's id names the device that made it: the device's id, a dot and twelve random hex digits
 * ({@code 3bb6f7fe-69de-44df-a881-7723c412b640.5f1c0a9e2b7d}). A device is bound to its key when it is enrolled,
 * so no other device can send an inspection under such an id, whoever sends it first. Its evidence and audit
 * events get ids of the same form ({@link #childId}). Ids made before this rule are plain UUIDs; they name no
 * device.
 */
public final class InspectionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SUFFIX = Pattern.compile("\\.[0-9a-f]{12}");

    private InspectionIds() {
    }

    /** A new id for an inspection made on device {@code deviceId}. */
    public static String newId(String deviceId) {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        return deviceId + "." + HexFormat.of().formatHex(suffix);
    }

    /**
     * A new id for something of an inspection (a piece of evidence, an audit event), naming the device the
     * inspection's id names; a random UUID for an inspection whose id names no device.
     */
    public static String childId(String inspectionId) {
        return maker(inspectionId).map(InspectionIds::newId).orElseGet(() -> UUID.randomUUID().toString());
    }

    /** The device an id names as its maker; empty for an id made before ids named their device. */
    public static Optional<String> maker(String inspectionId) {
        int dot = inspectionId.lastIndexOf('.');
        if (dot <= 0 || !SUFFIX.matcher(inspectionId.substring(dot)).matches()) {
            return Optional.empty();
        }
        return Optional.of(inspectionId.substring(0, dot));
    }

    /**
     * The id as a printout shows it, short enough for a footer line and to read out on the phone: the random part
     * of an id that names its device (which the record keeps), an older id whole. Searching the office's list for
     * it finds the inspection.
     */
    public static String printed(String inspectionId) {
        return maker(inspectionId).map(device -> inspectionId.substring(device.length() + 1)).orElse(inspectionId);
    }

    /** Whether an id is of the form made before ids named their device (a plain UUID). */
    public static boolean namesNoDevice(String inspectionId) {
        return UUID_FORM.matcher(inspectionId).matches();
    }
}
