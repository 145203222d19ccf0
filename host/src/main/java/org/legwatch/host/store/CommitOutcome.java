package org.legwatch.host.store;

/** What a night commit did. */
public enum CommitOutcome {
    /** The night was new and is now stored. */
    STORED,
    /** The same night (same id, same content) was already stored; nothing changed. */
    ALREADY_STORED
}
