package org.legwatch.host.store;

/**
 * A write contradicts what the store holds (a night sent again with different content, an event
 * that differs from the stored one with the same key, a patient that does not exist). Nothing was
 * written.
 */
public class StoreConflictException extends StoreException {
    public StoreConflictException(String message) {
        super(message);
    }
}
