package org.legwatch.host.store;

import java.io.IOException;

/**
 * A store could not do what was asked: it is unreachable, a write failed, or what it holds is
 * damaged. Nothing was committed by the call that threw, unless the message says otherwise.
 */
public class StoreException extends IOException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
