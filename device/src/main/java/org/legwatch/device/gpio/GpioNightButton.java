package org.legwatch.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A push button from a GPIO pin (BCM numbering) to ground, with the pin's pull-up: pressed reads
 * low. Pi4J reports edges on its own thread; a press is latched until the agent takes it. Contact
 * bounce and a second press within {@link #DEAD_TIME_NS} (a patient pressing twice to be sure) count
 * as the same press.
 */
public final class GpioNightButton implements NightButton {
    /** Presses closer together than this are one press. */
    static final long DEAD_TIME_NS = 2_000_000_000L;

    private final DigitalInput pin;
    private final LongSupplier nanoTime;
    private final AtomicBoolean pressed = new AtomicBoolean();
    private long lastPressNs = Long.MIN_VALUE;
    private final DigitalStateChangeListener listener = event -> {
        if (event.state() == DigitalState.LOW) {
            pressedNow();
        }
    };

    public GpioNightButton(Context pi4j, int bcmPin) {
        this(pi4j, bcmPin, System::nanoTime);
    }

    GpioNightButton(Context pi4j, int bcmPin, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.pin = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("legwatch-button").name("night button")
                .address(bcmPin).pull(PullResistance.PULL_UP).debounce(20_000L).build());
        pin.addListener(listener);
    }

    private synchronized void pressedNow() {
        long now = nanoTime.getAsLong();
        if (lastPressNs != Long.MIN_VALUE && now - lastPressNs < DEAD_TIME_NS) {
            return;
        }
        lastPressNs = now;
        pressed.set(true);
    }

    @Override
    public boolean takePress() {
        return pressed.getAndSet(false);
    }

    @Override
    public void close() {
        pin.removeListener(listener);
    }
}
