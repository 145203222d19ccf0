package org.legwatch.analysis.response;

/**
 * The single change point in the mean that explains a series best by least squares: split the
 * series in two where {@code n1 n2 / (n1 + n2) (mean1 - mean2)^2} is largest (the reduction of the
 * residual sum of squares a two-level fit makes over a one-level fit), searching only splits in
 * the asked direction.
 */
public final class StepChange {
    private StepChange() {
    }

    /**
     * @param index  the first observation of the later segment
     * @param before mean of the earlier segment
     * @param after  mean of the later segment
     */
    public record Step(int index, double before, double after) {
    }

    /**
     * The best split whose later segment is lower ({@code direction < 0}) or higher
     * ({@code direction > 0}); the later segment starts at an index from {@code firstCandidate} on and
     * keeps at least {@code minAfter} values; the earlier segment keeps at least one. {@code null}
     * when no split goes in that direction.
     */
    public static Step best(double[] values, int firstCandidate, int minAfter, int direction) {
        int n = values.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        Step best = null;
        double bestGain = 0;
        for (int k = Math.max(1, firstCandidate); k <= n - minAfter; k++) {
            double before = prefix[k] / k;
            double after = (prefix[n] - prefix[k]) / (n - k);
            double difference = after - before;
            if (difference == 0 || Math.signum(difference) != Math.signum(direction)) {
                continue;
            }
            double gain = (double) k * (n - k) / n * difference * difference;
            if (gain > bestGain) {
                bestGain = gain;
                best = new Step(k, before, after);
            }
        }
        return best;
    }
}
