package jp.tachiiri.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A bundle's bytes read once and seen twice: the parser reads them through {@link #recording}, which keeps a copy, and
 * the spelling check reads that copy through {@link #replay} behind it. The check only ever expects bytes the parser
 * has already read (it works them out from what was parsed), so the copy holds just the stretch between the two, at
 * most the signed part the parser holds anyway; a sealed file is decrypted once, a signed-only file read from disk once.
 */
final class Replay {

    private final InputStream source;
    private byte[] kept = new byte[1 << 16];
    /** The copy not yet replayed: {@code kept[start, end)}. */
    private int start;
    private int end;
    /** Whether the parser read the source to its end (and its parser then closed it). */
    private boolean ended;

    Replay(InputStream source) {
        this.source = source;
    }

    /** The source's bytes, each also kept for the replay. */
    InputStream recording() {
        return new FilterInputStream(source) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    keep(new byte[] {(byte) b}, 0, 1);
                } else {
                    ended = true;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count > 0) {
                    keep(buffer, offset, count);
                } else if (count < 0) {
                    ended = true;
                }
                return count;
            }

            @Override
            public long skip(long count) throws IOException {
                // The parser never skips; skipping would leave the replay with a gap.
                throw new IOException("a recorded bundle is read, not skipped");
            }
        };
    }

    /**
     * The kept bytes, in order; past them (only at the end of the file, after the parser has read all it wanted, or
     * to show a few bytes after a mismatch) straight from the source.
     */
    InputStream replay() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (start == end) {
                    return ended ? -1 : source.read(buffer, offset, length);
                }
                int count = Math.min(length, end - start);
                System.arraycopy(kept, start, buffer, offset, count);
                start += count;
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                return count;
            }
        };
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (end + length > kept.length) {
            if (start > 0) {
                System.arraycopy(kept, start, kept, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end + length > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, end + length));
            }
        }
        System.arraycopy(bytes, offset, kept, end, length);
        end += length;
    }
}
