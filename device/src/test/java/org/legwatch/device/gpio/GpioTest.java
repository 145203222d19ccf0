package org.legwatch.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LED and the button on Pi4J's mock GPIO. */
class GpioTest {
    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    private long now = 1_000_000_000L;

    @AfterEach
    void close() {
        pi4j.shutdown();
    }

    @Test
    void eachPressIsTakenOnceAndBounceOrASecondPressAtOnceCountsAsOne() {
        GpioNightButton button = new GpioNightButton(pi4j, 17, () -> now);
        MockDigitalInput pin = (MockDigitalInput) pi4j.registry().<DigitalInput>get("legwatch-button");
        pin.mockState(DigitalState.HIGH);
        assertFalse(button.takePress());
        pin.mockState(DigitalState.LOW); // pressed (to ground, pull-up)
        pin.mockState(DigitalState.HIGH);
        now += 50_000_000L;
        pin.mockState(DigitalState.LOW); // bounce
        pin.mockState(DigitalState.HIGH);
        assertTrue(button.takePress());
        assertFalse(button.takePress(), "taken once");
        now += 3_000_000_000L;
        pin.mockState(DigitalState.LOW);
        assertTrue(button.takePress(), "a later press counts");
        button.close();
    }

    @Test
    void theLedShowsEachStatesPattern() {
        assertTrue(AgentState.FAULT.litAt(0, 0));
        assertFalse(AgentState.FAULT.litAt(0, 130_000_000L));
        assertTrue(AgentState.RECORDING.litAt(0, 59_000_000L));
        assertFalse(AgentState.RECORDING.litAt(0, 61_000_000L));
        assertEquals(4_940_000_000L, AgentState.RECORDING.nextChangeAfter(0, 60_000_000L));
        assertFalse(AgentState.IDLE.litAt(0, 5));
        assertEquals(Long.MAX_VALUE, AgentState.IDLE.nextChangeAfter(0, 5));

        GpioStatusLight led = new GpioStatusLight(pi4j, 27, () -> now);
        assertFalse(led.lit());
        led.show(AgentState.FAULT);
        assertTrue(led.lit(), "the pattern starts lit");
        led.show(AgentState.IDLE);
        assertFalse(led.lit());
        assertEquals(AgentState.IDLE, led.showing());
        led.close();
    }
}
