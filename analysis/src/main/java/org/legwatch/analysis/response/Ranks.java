package org.legwatch.analysis.response;

/** Mid-ranks (ties get the average of the ranks they span, 1-based) and the tie sum {@code sum(t^3 - t)}. */
final class Ranks {
    private final double[] ranks;
    private final double tieSum;

    private Ranks(double[] ranks, double tieSum) {
        this.ranks = ranks;
        this.tieSum = tieSum;
    }

    static Ranks of(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[n], 0, n, values);
        double[] ranks = new double[n];
        double tieSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            double t = j - i + 1;
            tieSum += t * t * t - t;
            i = j + 1;
        }
        return new Ranks(ranks, tieSum);
    }

    /** Sorts indices {@code [from, to)} by their values without boxing; runs already in order cost one comparison. */
    private static void mergeSort(int[] order, int[] scratch, int from, int to, double[] values) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(order, scratch, from, middle, values);
        mergeSort(order, scratch, middle, to, values);
        if (values[order[middle - 1]] <= values[order[middle]]) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && values[scratch[left]] <= values[scratch[right]])) {
                order[k] = scratch[left++];
            } else {
                order[k] = scratch[right++];
            }
        }
    }

    double rank(int i) {
        return ranks[i];
    }

    double[] all() {
        return ranks;
    }

    double tieSum() {
        return tieSum;
    }
}
