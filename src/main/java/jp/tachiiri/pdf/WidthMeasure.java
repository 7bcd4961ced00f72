package jp.tachiiri.pdf;

/** The width of a text as it will be printed, in the unit of the width it is broken to (points here). */
@FunctionalInterface
public interface WidthMeasure {

    float width(String text);
}
