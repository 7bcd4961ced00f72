package jp.tachiiri.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a bundle's bytes a second time ({@link Replay}), from the first to the last, and compares them with the bytes of its
 * one spelling ({@link BundleLayout}) as the reader works them out from what it parsed. The first byte that
 * differs is named with its offset and what was expected there, so that a file respelt by another program
 * (whitespace, other escapes, another member order, a BOM) is told apart from a file whose content changed.
 */
final class SpellingCheck implements AutoCloseable {

    /** How much of the expected and the found bytes a message shows. */
    private static final int EXCERPT = 16;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    /** The file's offset of {@code buffer[0]}. */
    private long bufferStart;
    private int filled;
    private int next;

    /** {@code in}: the bundle's bytes from the first, as the parser read them. */
    SpellingCheck(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** The next bytes of the file must be {@code expected[0, length)}; compared a buffer at a time. */
    void expect(byte[] expected, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (next == filled && !fill()) {
                throw mismatch(Arrays.copyOfRange(expected, done, Math.min(length, done + EXCERPT)), -1);
            }
            int count = Math.min(length - done, filled - next);
            int differs = Arrays.mismatch(buffer, next, next + count, expected, done, done + count);
            if (differs >= 0) {
                next += differs;
                throw mismatch(Arrays.copyOfRange(expected, done + differs, Math.min(length, done + differs + EXCERPT)),
                        read());
            }
            next += count;
            done += count;
        }
    }

    private boolean fill() throws IOException {
        bufferStart += filled;
        filled = Math.max(0, in.read(buffer));
        next = 0;
        return filled > 0;
    }

    /** The next byte, or -1 at the end of the file. */
    private int read() throws IOException {
        if (next == filled && !fill()) {
            return -1;
        }
        return buffer[next++] & 0xff;
    }

    void expect(byte[] expected) throws IOException {
        expect(expected, expected.length);
    }

    /** Nothing may follow the bundle's final '}'. */
    void expectEnd() throws IOException {
        int found = read();
        if (found >= 0) {
            throw mismatch(new byte[0], found);
        }
    }

    /** The message for a difference whose first found byte ({@code -1}: the end) was just read. */
    private BundleException mismatch(byte[] expected, int firstFound) throws IOException {
        long offset = bufferStart + next - (firstFound >= 0 ? 1 : 0);
        byte[] found = new byte[0];
        if (firstFound >= 0) {
            found = new byte[EXCERPT];
            found[0] = (byte) firstFound;
            int length = 1;
            for (int b; length < EXCERPT && (b = read()) >= 0; length++) {
                found[length] = (byte) b;
            }
            found = Arrays.copyOf(found, length);
        }
        return new BundleException(file, "bundle.error.spelling", offset, visible(expected), visible(found));
    }

    /** Bytes as text a person can read in a message: invisible characters by their code point. */
    static String visible(byte[] bytes) {
        if (bytes.length == 0) {
            return "(EOF)";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("replacing decoders do not fail", e);
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == 0xFEFF || c == 0xFFFD) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
