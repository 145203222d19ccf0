package org.legwatch.link;

import java.io.IOException;
import java.util.List;

/**
 * The device's side of store-and-forward: the nights waiting for the host. The sender calls it from
 * its own thread only.
 */
public interface NightOutbox {

    /** Nights not yet acknowledged by the host, oldest first. */
    List<Night> unsentNights() throws IOException;

    /**
     * The host has committed this night to its store: forget it. Must be durable when it returns;
     * if it fails the night is sent again later and the host, which has it, acknowledges it again.
     */
    void acknowledged(String nightId) throws IOException;
}
