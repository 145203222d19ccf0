package org.legwatch.link.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A transport that keeps a copy of every byte written through it, for replaying later. */
public final class RecordingTransport implements Transport {

    private final Transport inner;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    public RecordingTransport(Transport inner) {
        this.inner = inner;
    }

    public synchronized byte[] written() {
        return written.toByteArray();
    }

    @Override
    public LinkChannel open() throws IOException {
        LinkChannel c = inner.open();
        return new LinkChannel() {
            @Override
            public int read(byte[] buf) throws IOException {
                return c.read(buf);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                synchronized (RecordingTransport.this) {
                    written.write(buf, off, len);
                }
                c.write(buf, off, len);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
