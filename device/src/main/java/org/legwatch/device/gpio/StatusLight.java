package org.legwatch.device.gpio;

/** Shows the agent's state (an LED on a GPIO pin, or nothing). */
public interface StatusLight extends AutoCloseable {
    void show(AgentState state);

    AgentState showing();

    @Override
    void close();

    /** No LED fitted. */
    static StatusLight none() {
        return new StatusLight() {
            private volatile AgentState state = AgentState.IDLE;

            @Override
            public void show(AgentState s) {
                state = s;
            }

            @Override
            public AgentState showing() {
                return state;
            }

            @Override
            public void close() {
            }
        };
    }
}
