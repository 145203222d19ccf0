package org.legwatch.device.config;

/** A configuration file that cannot be used; the message names the file, the line and the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
