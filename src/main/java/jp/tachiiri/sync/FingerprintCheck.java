package jp.tachiiri.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.tachiiri.bundle.DeviceKeys;

/**
 * What a person must type before another device's key is accepted: groups of its fingerprint (five groups of
 * four hex digits) that this side does not show, read off the other device's own screen. On a screen three groups
 * are hidden, chosen for each device from a secret of this installation: they stay the same however often the
 * question is asked, and nobody else can foresee them. A key made to match a known fingerprint (every bundle
 * carries its key) must then match in all three unforeseeable groups, 48 bits, far beyond grinding; the groups
 * still shown are there to be compared. On the command line the whole fingerprint is typed. Until a device is
 * trusted, this side shows no more of its fingerprint than the first group ({@link #masked}).
 */
public record FingerprintCheck(List<Integer> hidden) {

    private static final int GROUPS = 5;
    private static final int HIDDEN_ON_A_SCREEN = 3;
    private static final String HIDDEN = "????";

    public FingerprintCheck {
        hidden = List.copyOf(hidden);
    }

    /** The groups asked of {@code fingerprint} at a screen, chosen with this installation's {@code secret}. */
    public static FingerprintCheck forScreen(byte[] secret, String fingerprint) {
        byte[] choice;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            choice = mac.doFinal(fingerprint.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
        List<Integer> groups = new ArrayList<>(IntStream.range(0, GROUPS).boxed().toList());
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < HIDDEN_ON_A_SCREEN; i++) {
            hidden.add(groups.remove((choice[i] & 0xff) % groups.size()));
        }
        return new FingerprintCheck(hidden.stream().sorted().toList());
    }

    /** The whole fingerprint, for the command line. */
    public static FingerprintCheck whole() {
        return new FingerprintCheck(IntStream.range(0, GROUPS).boxed().toList());
    }

    /** The fingerprint with the groups to be typed hidden: {@code A1CC-????-????-1587-????}. */
    public String shown(String fingerprint) {
        String[] groups = fingerprint.split("-");
        return IntStream.range(0, groups.length).mapToObj(i -> hidden.contains(i) ? HIDDEN : groups[i])
                .collect(Collectors.joining("-"));
    }

    /**
     * Whether {@code typed} is the hidden groups in order: in any case, with or without hyphens and spaces, in
     * full- or half-width characters.
     */
    public boolean matches(String fingerprint, String typed) {
        String[] groups = fingerprint.split("-");
        String expected = hidden.stream().map(i -> groups[i]).collect(Collectors.joining());
        String normalized = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC)
                .replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return normalized.equals(expected);
    }

    /** As much of an untrusted device's fingerprint as this side shows: the first group. */
    public static String masked(String fingerprint) {
        return DeviceKeys.masked(fingerprint);
    }
}
