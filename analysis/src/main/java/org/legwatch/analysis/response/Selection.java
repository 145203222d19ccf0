package org.legwatch.analysis.response;

/**
 * Quickselect: puts the {@code k}-th smallest value of {@code a[from, to)} at index {@code k}, the
 * smaller ones before it and the larger ones after it, in linear expected time. The Hodges-Lehmann
 * estimate and its interval need 3 or 4 order statistics of thousands of pairwise differences;
 * selecting them costs a fraction of sorting.
 */
final class Selection {
    private Selection() {
    }

    static double select(double[] a, int from, int to, int k) {
        if (k < from || k >= to) {
            throw new IllegalArgumentException("index " + k + " outside [" + from + ", " + to + ")");
        }
        // Wirth's partitioning (Algorithms + Data Structures = Programs, 1976): two pointers swap
        // pairs on the wrong sides of the pivot, so equal values and ordered runs cost no extra pass.
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            double pivot = a[k];
            int i = lo;
            int j = hi;
            do {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                lo = i;
            }
            if (k < i) {
                hi = j;
            }
        }
        return a[k];
    }

    /** The smallest value of {@code a[from, to)}. */
    static double min(double[] a, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, a[i]);
        }
        return min;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
