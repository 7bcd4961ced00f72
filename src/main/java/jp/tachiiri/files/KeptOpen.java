package jp.tachiiri.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that passes every byte on but only flushes when closed: for a writer that closes what it is given (an
 * encrypting stream closes its sink when it ends) while the caller still has to write after it, or to sync and
 * close the file itself.
 */
public final class KeptOpen extends FilterOutputStream {

    public KeptOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
