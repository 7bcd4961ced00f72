package jp.tachiiri.pdf;

/** Where each line of a paragraph stands between the margins. */
public enum Alignment {
    LEFT, CENTER, RIGHT
}
