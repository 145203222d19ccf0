package org.legwatch.analysis.response;

/**
 * Ordinary least squares for the few regressors of the response analysis (2 to 4 columns, up to a
 * few hundred nights) through the normal equations and a Cholesky factor: Commons Math's QR-based
 * regression builds matrix objects per call, which cost more than the arithmetic at this size and
 * dominated the analysis of a large cohort.
 *
 * @param beta       the coefficients
 * @param covariance their covariance {@code s^2 (X'X)^-1} with {@code s^2 = RSS / (n - p)}
 */
record LeastSquares(double[] beta, double[][] covariance) {

    static LeastSquares fit(double[] y, double[][] x) {
        int n = y.length;
        int p = x[0].length;
        if (n <= p) {
            throw new IllegalArgumentException("least squares on " + p + " regressors needs more than " + p + " rows, has " + n);
        }
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int a = 0; a < p; a++) {
                xty[a] += row[a] * y[i];
                for (int b = 0; b <= a; b++) {
                    xtx[a][b] += row[a] * row[b];
                }
            }
        }
        double[][] inverse = inverseOfSymmetric(xtx);
        double[] beta = new double[p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                beta[a] += inverse[a][b] * xty[b];
            }
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int a = 0; a < p; a++) {
                fitted += x[i][a] * beta[a];
            }
            rss += (y[i] - fitted) * (y[i] - fitted);
        }
        double variance = rss / (n - p);
        for (double[] row : inverse) {
            for (int b = 0; b < p; b++) {
                row[b] *= variance;
            }
        }
        return new LeastSquares(beta, inverse);
    }

    /** The inverse of a symmetric positive definite matrix given by its lower triangle. */
    private static double[][] inverseOfSymmetric(double[][] lower) {
        int p = lower.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = lower[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-12 * Math.abs(lower[i][i]))) {
                        throw new IllegalArgumentException("the regressors are collinear");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        // Invert L (lower triangular), then inverse = L^-T L^-1.
        double[][] li = new double[p][p];
        for (int i = 0; i < p; i++) {
            li[i][i] = 1 / l[i][i];
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum -= l[i][k] * li[k][j];
                }
                li[i][j] = sum / l[i][i];
            }
        }
        double[][] inverse = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < p; k++) {
                    sum += li[k][i] * li[k][j];
                }
                inverse[i][j] = sum;
                inverse[j][i] = sum;
            }
        }
        return inverse;
    }
}
