package org.legwatch.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An LED on a GPIO pin (BCM numbering, active high, through a resistor to ground). A timer thread
 * wakes only when the pattern changes the LED, so a state costs a few wake-ups every few seconds.
 */
public final class GpioStatusLight implements StatusLight {
    private final DigitalOutput pin;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService timer;
    private AgentState state = AgentState.IDLE;
    private long sinceNs;
    private ScheduledFuture<?> next;

    public GpioStatusLight(Context pi4j, int bcmPin) {
        this(pi4j, bcmPin, System::nanoTime);
    }

    GpioStatusLight(Context pi4j, int bcmPin, LongSupplier nanoTime) {
        this.pin = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("legwatch-led").name("status LED")
                .address(bcmPin).initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
        this.nanoTime = nanoTime;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "legwatch-led");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void show(AgentState s) {
        if (s == state) {
            return;
        }
        state = s;
        sinceNs = nanoTime.getAsLong();
        if (next != null) {
            next.cancel(false);
        }
        update();
    }

    private synchronized void update() {
        long now = nanoTime.getAsLong();
        pin.state(state.litAt(sinceNs, now) ? DigitalState.HIGH : DigitalState.LOW);
        long wait = state.nextChangeAfter(sinceNs, now);
        next = wait == Long.MAX_VALUE ? null : timer.schedule(this::update, wait, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized AgentState showing() {
        return state;
    }

    /** Whether the LED is lit now. */
    public boolean lit() {
        return pin.isHigh();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        pin.low();
    }
}
