package jp.tachiiri.dashboard;

import java.util.Optional;

/**
 * How many of the facilities to which something applies comply with it: {@code complies} of {@code applicable}.
 * The share is {@code complies / applicable}, and there is none when nothing applied (a chart shows a gap, not 0%).
 */
public record Share(int complies, int applicable) {

    /** Nothing applied. */
    public static final Share NONE = new Share(0, 0);

    public Share {
        if (complies < 0 || applicable < 0 || complies > applicable) {
            throw new IllegalArgumentException("a share needs 0 <= complies <= applicable: " + complies + " of " + applicable);
        }
    }

    /** complies / applicable; empty when applicable is 0. */
    public Optional<Double> ratio() {
        return applicable == 0 ? Optional.empty() : Optional.of((double) complies / applicable);
    }

    /** The facilities to which it applies that do not comply. */
    public int failing() {
        return applicable - complies;
    }

    public Share plus(Share other) {
        return new Share(complies + other.complies, applicable + other.applicable);
    }
}
