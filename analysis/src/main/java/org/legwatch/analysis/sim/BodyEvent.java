package org.legwatch.analysis.sim;

/**
 * The body-level timeline both legs share: what the wearer does, in order, without gaps. Each leg
 * turns these into its own motions with its own details (see {@link LegTrack}).
 */
sealed interface BodyEvent {
    long startUs();

    long endUs();

    Activity activity();

    default Posture posture() {
        return null;
    }

    record Table(long startUs, long endUs) implements BodyEvent {
        public Activity activity() {
            return Activity.NOT_WORN;
        }
    }

    record Handling(long startUs, long endUs, boolean putOn) implements BodyEvent {
        public Activity activity() {
            return Activity.HANDLING;
        }
    }

    record Sit(long startUs, long endUs) implements BodyEvent {
        public Activity activity() {
            return Activity.SITTING;
        }
    }

    record Stand(long startUs, long endUs) implements BodyEvent {
        public Activity activity() {
            return Activity.STANDING;
        }
    }

    record Walk(long startUs, long endUs, double strideHz, double speed) implements BodyEvent {
        public Activity activity() {
            return Activity.WALKING;
        }
    }

    /** Sitting down, standing up, lying down or sitting up; {@code to} says which pose it ends in. */
    record Transition(long startUs, long endUs, Activity to, Posture lyingPosture, double bodyRollRad)
            implements BodyEvent {
        public Activity activity() {
            return Activity.TRANSITION;
        }
    }

    record Lie(long startUs, long endUs, Posture posture) implements BodyEvent {
        public Activity activity() {
            return Activity.LYING;
        }
    }

    /**
     * Turning over from one posture to another, possibly through a third (left to right side over the
     * back). Each leg moves within [legStartUs, legEndUs] of its own, inside the event.
     */
    record Turn(long startUs, long endUs, Posture to, Posture via, double bodyRollRad,
                long[] legStartUs, long[] legEndUs) implements BodyEvent {
        public Activity activity() {
            return Activity.TURN_OVER;
        }

        public Posture posture() {
            return to;
        }
    }
}
