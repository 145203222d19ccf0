package org.legwatch.link.transport;

import java.io.IOException;

/** Where a line can be opened, again and again after it fails. */
public interface Transport {

    /** Opens the line. At most one channel of a transport is open at a time. */
    LinkChannel open() throws IOException;

    /** What the line is, for messages (a port path, "memory pipe (device side)"). */
    String describe();
}
