package org.legwatch.device.gpio;

/** The lights-out / lights-on button: each press toggles between recording a night and not. */
public interface NightButton extends AutoCloseable {
    /** Whether the button was pressed since the last call (several presses count as one). */
    boolean takePress();

    @Override
    void close();

    /** No button fitted. */
    static NightButton none() {
        return new NightButton() {
            @Override
            public boolean takePress() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
