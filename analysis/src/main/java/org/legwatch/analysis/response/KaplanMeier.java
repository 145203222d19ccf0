package org.legwatch.analysis.response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan-Meier estimate of how long something lasts when some observations end before it did
 * (censored): the durability of a response, when many patients are still responding at their last
 * recorded night. The survival curve drops at each event time {@code t} by the factor
 * {@code 1 - events(t) / at risk(t)}; a censored observation counts as at risk up to and including
 * its time (the usual convention when an event and a censoring share a time).
 */
public final class KaplanMeier {
    /** One step of the curve: the time and the probability of lasting beyond it. */
    public record Step(double time, double survival, int atRisk, int events) {
    }

    private final List<Step> steps;
    private final int events;

    private KaplanMeier(List<Step> steps, int events) {
        this.steps = steps;
        this.events = events;
    }

    /**
     * @param times    how long each observation lasted (to its event or to its censoring)
     * @param observed true where the event was seen, false where the observation was censored
     */
    public static KaplanMeier estimate(double[] times, boolean[] observed) {
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        List<Step> steps = new ArrayList<>();
        double survival = 1;
        int atRisk = n;
        int totalEvents = 0;
        int i = 0;
        while (i < n) {
            double t = times[order[i]];
            int eventsHere = 0;
            int leaving = 0;
            while (i < n && times[order[i]] == t) {
                if (observed[order[i]]) {
                    eventsHere++;
                }
                leaving++;
                i++;
            }
            if (eventsHere > 0) {
                survival *= 1 - eventsHere / (double) atRisk;
                steps.add(new Step(t, survival, atRisk, eventsHere));
                totalEvents += eventsHere;
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(List.copyOf(steps), totalEvents);
    }

    public List<Step> steps() {
        return steps;
    }

    public int events() {
        return events;
    }

    /** The probability of lasting beyond {@code time}. */
    public double survival(double time) {
        double s = 1;
        for (Step step : steps) {
            if (step.time() > time) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    /** The first time the curve reaches 0.5 or below; {@code NaN} when it never does (median not reached). */
    public double median() {
        for (Step step : steps) {
            if (step.survival() <= 0.5) {
                return step.time();
            }
        }
        return Double.NaN;
    }
}
