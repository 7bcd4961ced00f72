package jp.tachiiri.sync;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a person must type before another device's key is accepted: groups of its fingerprint (five groups of
 * four hex digits) that this side does not show, read off the other device's own screen. On a screen, two groups
 * chosen at random each time are hidden: a key made to match a known fingerprint in a few groups (16 bits each,
 * quick to grind, and every bundle carries the key) passes only if it matches in the very groups asked for, and
 * the groups still shown are there to be compared. On the command line the whole fingerprint is typed. Until a
 * device is trusted, this side shows no more of its fingerprint than the first group ({@link #masked}).
 */
public record FingerprintCheck(List<Integer> hidden) {

    private static final int GROUPS = 5;
    private static final String HIDDEN = "????";
    private static final SecureRandom RANDOM = new SecureRandom();

    public FingerprintCheck {
        hidden = List.copyOf(hidden);
    }

    /** Two groups chosen at random, for a person at a screen. */
    public static FingerprintCheck twoRandomGroups() {
        int first = RANDOM.nextInt(GROUPS);
        int second = (first + 1 + RANDOM.nextInt(GROUPS - 1)) % GROUPS;
        return new FingerprintCheck(List.of(Math.min(first, second), Math.max(first, second)));
    }

    /** The whole fingerprint, for the command line. */
    public static FingerprintCheck whole() {
        return new FingerprintCheck(IntStream.range(0, GROUPS).boxed().toList());
    }

    /** The fingerprint with the groups to be typed hidden: {@code A1CC-????-4C3E-????-7818}. */
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

    /** How many characters are to be typed. */
    public int characters() {
        return hidden.size() * 4;
    }

    /** As much of an untrusted device's fingerprint as this side shows: the first group. */
    public static String masked(String fingerprint) {
        return fingerprint.substring(0, fingerprint.indexOf('-')) + "-????".repeat(GROUPS - 1);
    }
}
