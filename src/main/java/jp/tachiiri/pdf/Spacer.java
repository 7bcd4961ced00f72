package jp.tachiiri.pdf;

/** Vertical space; at the top of a page it is dropped, and it never carries over to the next page. */
public record Spacer(float points) implements Block {

    public Spacer {
        if (!(points >= 0 && Float.isFinite(points))) {
            throw new IllegalArgumentException("spacer of " + points + " pt");
        }
    }
}
