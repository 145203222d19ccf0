package org.legwatch.device.sensor;

/** A sensor did not answer as its chip should: wrong id, failed or short bus transfer. */
public final class SensorException extends RuntimeException {

    public SensorException(String message) {
        super(message);
    }

    public SensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
