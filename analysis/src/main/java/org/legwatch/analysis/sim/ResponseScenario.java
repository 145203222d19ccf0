package org.legwatch.analysis.sim;

import java.util.Locale;

/**
 * A population of simulated patients around one IV iron infusion (day 0): how their PLM index
 * behaves night to night and whether, how much, how soon and for how long it responds. Each patient
 * draws its own values uniformly from the ranges.
 *
 * @param name                 label for reports
 * @param baselinePlmi         the patient's PLMI before the infusion (/h), from..to
 * @param nightSd              within-patient night-to-night SD of the PLMI (/h)
 * @param rho                  AR(1) night-to-night correlation, from..to
 * @param fall                 true fall of the PLMI at full effect, as a fraction of the baseline (0 = no effect)
 * @param lagDays              days from the infusion until the PLMI starts to fall
 * @param rampDays             days the fall takes to reach full effect (linear)
 * @param plateauDays          days at full effect, log-uniform; then the PLMI returns to baseline
 * @param returnDays           days the return takes (linear)
 * @param daysBefore           nights simulated before the infusion
 * @param daysAfter            nights simulated from the infusion on
 * @param missingNight         chance that a night is not recorded
 * @param gapChance            chance that a patient also has one run of 3-14 unrecorded nights (holiday, band at home)
 * @param invalidNight         chance that a recorded night is invalid (too little valid time in bed)
 * @param secondCourseDay      day of a second identical course ({@code 0}: none)
 */
public record ResponseScenario(String name, double[] baselinePlmi, double nightSd, double[] rho, double[] fall,
                               double[] lagDays, double[] rampDays, double[] plateauDays, double[] returnDays,
                               int daysBefore, int daysAfter, double missingNight, double gapChance, double invalidNight,
                               int secondCourseDay) {

    private static final double[] TYPICAL_BASELINE = {20, 60};
    private static final double[] RHO = {0.3, 0.6};
    private static final double[] NEVER = {1e6, 1e6};

    /** No effect at all: what the false-positive rate is measured on. Missing and invalid nights as in life. */
    public static ResponseScenario noEffect() {
        return new ResponseScenario("no-effect", TYPICAL_BASELINE, 8, RHO, new double[] {0, 0}, new double[] {0, 0},
                new double[] {0, 0}, NEVER, new double[] {0, 0}, 42, 200, 0.10, 0.3, 0.05, 0);
    }

    /**
     * A fall of {@code fall} reached by day 28 and lasting well past the response window, with complete
     * windows (28 baseline and 56 response nights) or with nights missing as in life.
     */
    public static ResponseScenario steadyFall(double fall, boolean complete) {
        return new ResponseScenario(String.format(Locale.ROOT, "fall-%.0f%%%s", 100 * fall, complete ? "" : "-missing"),
                TYPICAL_BASELINE, 8, RHO, new double[] {fall, fall}, new double[] {0, 14}, new double[] {0, 14}, NEVER,
                new double[] {0, 0}, 28, 84, complete ? 0 : 0.10, complete ? 0 : 0.3, complete ? 0 : 0.05, 0);
    }

    /** The same steady fall at one baseline PLMI and correlation: for the detection curve. */
    public static ResponseScenario steadyFallAt(double fall, double baseline, double correlation) {
        return new ResponseScenario("fall", new double[] {baseline, baseline}, 8, new double[] {correlation, correlation},
                new double[] {fall, fall}, new double[] {0, 14}, new double[] {0, 14}, NEVER, new double[] {0, 0}, 28, 84,
                0, 0, 0, 0);
    }

    /**
     * Responders as the trials describe them: a 40-70 % fall starting 1-6 weeks after the infusion,
     * lasting 1-12 months, then returning; nights missing as in life; followed for 300 days.
     */
    public static ResponseScenario lifelikeResponders() {
        return new ResponseScenario("lifelike-responders", TYPICAL_BASELINE, 8, RHO, new double[] {0.4, 0.7},
                new double[] {7, 42}, new double[] {0, 14}, new double[] {30, 360}, new double[] {7, 28}, 42, 300,
                0.10, 0.3, 0.05, 0);
    }

    /** A cohort to exercise everything: 60 % responders, some with a second course, some non-responders. */
    public static ResponseScenario mixedCohort(boolean responder, boolean secondCourse) {
        return new ResponseScenario(responder ? "cohort-responder" : "cohort-non-responder", new double[] {10, 70}, 8, RHO,
                responder ? new double[] {0.3, 0.8} : new double[] {0, 0}, new double[] {7, 42}, new double[] {0, 14},
                new double[] {30, 360}, new double[] {7, 28}, 42, secondCourse ? 420 : 240, 0.10, 0.3, 0.05,
                secondCourse ? 240 : 0);
    }
}
