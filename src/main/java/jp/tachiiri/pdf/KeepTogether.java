package jp.tachiiri.pdf;

import java.util.List;

/**
 * Blocks kept on one page: when they do not fit in what is left of the page but fit on a page of their own, they
 * all start on the next one, so that e.g. signature lines never stand alone on a last page without the text they
 * sign for. A group taller than a page flows like other blocks. Put a heading inside the group it introduces.
 */
public record KeepTogether(List<Block> blocks) implements Block {

    public KeepTogether {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a group to keep together needs at least one block");
        }
    }
}
