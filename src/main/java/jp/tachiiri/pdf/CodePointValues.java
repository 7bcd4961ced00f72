package jp.tachiiri.pdf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A value per code point, worked out once: an array for the Basic Multilingual Plane (where all of a printout's
 * Japanese is), a map beyond it. Line breaking asks for the same few hundred characters' widths thousands of times
 * a page; looked up in a map of boxed keys, that lookup was the largest part of laying out a printout.
 */
final class CodePointValues {

    private static final int BMP = 0x10000;
    private static final int UNKNOWN = Integer.MIN_VALUE;

    private final int[] basic = new int[BMP];
    private final Map<Integer, Integer> supplementary = new HashMap<>();

    CodePointValues() {
        Arrays.fill(basic, UNKNOWN);
    }

    /** The value of {@code codePoint}, from {@code compute} the first time (which must never give {@link #UNKNOWN}). */
    int get(int codePoint, IntUnaryOperator compute) {
        if (codePoint >= BMP) {
            return supplementary.computeIfAbsent(codePoint, compute::applyAsInt);
        }
        int value = basic[codePoint];
        if (value == UNKNOWN) {
            value = compute.applyAsInt(codePoint);
            basic[codePoint] = value;
        }
        return value;
    }
}
