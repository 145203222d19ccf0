package org.legwatch.analysis.response;

import java.util.List;

/**
 * Linear regression of nightly values on regressors with AR(1) errors on calendar days, by feasible
 * generalised least squares (Prais-Winsten with gaps): fit by ordinary least squares, estimate rho
 * from the residuals ({@link DayAutocorrelation}, bias-corrected for the fitted parameters),
 * transform each night as {@code (y_i - phi y_{i-1}) / sqrt(1 - phi^2)} with {@code phi = rho^gap}
 * (the first night as it is), refit, and repeat the estimate once from the new fit. The transformed
 * errors are independent with equal variance, so the refit's standard errors hold for correlated
 * nights; without the adjustment they are the ordinary least squares ones. Tests and intervals use
 * Student's t with {@code n (1 - rho) / (1 + rho) - p} degrees of freedom (the simulation study
 * found {@code n - p} slightly liberal at rho 0.6: 6.5 % instead of 5 %).
 */
public final class Ar1Regression {
    private static final int ITERATIONS = 2;

    private Ar1Regression() {
    }

    /**
     * Coefficients in the order of the design's columns, their covariance, and the correlation used.
     *
     * @param critical the two-sided critical value of Student's t at the fit's confidence level
     */
    public record Fit(double[] coefficients, double[][] covariance, double degreesOfFreedom, double critical, double rho,
                      int observations) {
        public double coefficient(int i) {
            return coefficients[i];
        }

        public double standardError(int i) {
            return Math.sqrt(covariance[i][i]);
        }

        /** Coefficient {@code i} with its standard error, two-sided p-value of "it is 0" and interval. */
        public CoefficientTest coefficientTest(int i) {
            double estimate = coefficients[i];
            double se = standardError(i);
            double p = se == 0 ? (estimate == 0 ? 1 : 0) : 2 * new StudentT(degreesOfFreedom).cdf(-Math.abs(estimate / se));
            return new CoefficientTest(estimate, se, p, estimate - critical * se, estimate + critical * se);
        }
    }

    /** A coefficient with its standard error, two-sided p-value and interval. */
    public record CoefficientTest(double estimate, double standardError, double pValue, double ciLow, double ciHigh) {
    }

    /**
     * @param days   the day of each night (strictly increasing)
     * @param y      the values
     * @param design one row of regressors per night, an intercept column included by the caller
     * @param confidence the level of the intervals the fit will give
     */
    public static Fit fit(int[] days, double[] y, double[][] design, double confidence, boolean adjustForAutocorrelation) {
        int n = y.length;
        int p = design[0].length;
        if (n < p + 2) {
            throw new IllegalArgumentException("a regression on " + p + " regressors needs at least " + (p + 2) + " nights, has " + n);
        }
        double rho = 0;
        LeastSquares fitted = LeastSquares.fit(y, design);
        if (adjustForAutocorrelation) {
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                double[] residuals = residuals(y, design, fitted.beta());
                rho = DayAutocorrelation.estimate(List.of(
                        new DayAutocorrelation.Residuals(new DaySeries(days, residuals), p)));
                if (rho == 0) {
                    break;
                }
                double[] phi = carryOver(days, rho);
                fitted = LeastSquares.fit(transform(phi, y), transform(phi, design));
            }
        }
                // Estimating rho and the error variance from correlated nights is worth fewer degrees of
        // freedom than n - p: count the nights as n (1 - rho) / (1 + rho) independent ones.
        double df = n * (1 - rho) / (1 + rho) - p;
        df = Math.max(1, df);
        double critical = new StudentT(df).quantile(1 - (1 - confidence) / 2);
        return new Fit(fitted.beta(), fitted.covariance(), df, critical, rho, n);
    }

    private static double[] residuals(double[] y, double[][] x, double[] beta) {
        double[] e = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double fit = 0;
            for (int j = 0; j < beta.length; j++) {
                fit += x[i][j] * beta[j];
            }
            e[i] = y[i] - fit;
        }
        return e;
    }

    /** {@code phi_i = rho^(day_i - day_{i-1})} for every night after the first. */
    private static double[] carryOver(int[] days, double rho) {
        double[] phi = new double[days.length];
        for (int i = 1; i < days.length; i++) {
            int gap = days[i] - days[i - 1];
            phi[i] = gap == 1 ? rho : Math.pow(rho, gap);
        }
        return phi;
    }

    private static double[] transform(double[] phi, double[] y) {
        double[] out = new double[y.length];
        out[0] = y[0];
        for (int i = 1; i < y.length; i++) {
            out[i] = (y[i] - phi[i] * y[i - 1]) / Math.sqrt(1 - phi[i] * phi[i]);
        }
        return out;
    }

    private static double[][] transform(double[] phi, double[][] x) {
        double[][] out = new double[x.length][];
        out[0] = x[0].clone();
        for (int i = 1; i < x.length; i++) {
            double scale = 1 / Math.sqrt(1 - phi[i] * phi[i]);
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = (x[i][j] - phi[i] * x[i - 1][j]) * scale;
            }
        }
        return out;
    }
}
