package org.legwatch.link.transport;

import java.io.Closeable;
import java.io.IOException;

/** An open line: bytes in, bytes out. Reads and writes may run on two threads at once. */
public interface LinkChannel extends Closeable {

    /**
     * Waits a short, transport-defined time (tens of milliseconds) for bytes.
     *
     * @return the number of bytes read into {@code buf}, 0 if none arrived in time
     * @throws IOException when the line failed or the channel was closed
     */
    int read(byte[] buf) throws IOException;

    /**
     * Writes all {@code len} bytes; blocks while the line cannot take them.
     *
     * @throws IOException when the line failed or the channel was closed, also while blocked
     */
    void write(byte[] buf, int off, int len) throws IOException;

    /** Closes the line; a read or write blocked on another thread fails. Closing twice does nothing. */
    @Override
    void close();
}
