package jp.tachiiri.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through and fails at the first one that is not well-formed UTF-8 (RFC 3629): a byte that
 * cannot start or continue a sequence, an overlong form (e.g. C0 AF for '/'), an encoded surrogate (ED A0 80),
 * a code point above U+10FFFF, or a sequence cut off by the end of the file. The JSON parser alone would decode
 * some of these to ordinary characters, and a file could then say the same thing in two spellings.
 */
final class StrictUtf8 extends FilterInputStream {

    /** Bytes that are not UTF-8, found at {@link #offset()} (the first byte of the broken sequence). */
    static final class Invalid extends IOException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        Invalid(long offset) {
            super("not UTF-8 at byte " + offset);
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }

    private long position;
    /** Continuation bytes still expected in the current sequence. */
    private int pending;
    private long sequenceStart;
    /** The allowed range of the next continuation byte: narrower than 80..BF right after E0, ED, F0 and F4. */
    private int low = 0x80;
    private int high = 0xBF;

    StrictUtf8(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read < 0) {
            atEnd();
            return read;
        }
        for (int i = offset; i < offset + read; i++) {
            check(buffer[i] & 0xff);
        }
        return read;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would pass bytes unchecked; the parser never skips, so read them instead.
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    private void check(int b) throws Invalid {
        if (pending > 0) {
            if (b < low || b > high) {
                throw new Invalid(sequenceStart);
            }
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            sequenceStart = position;
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw new Invalid(position);
            }
        }
        position++;
    }

    private void atEnd() throws Invalid {
        if (pending > 0) {
            throw new Invalid(sequenceStart);
        }
    }
}
