/**
 * Synthetic nights of ankle-accelerometer data with ground truth, to validate a leg-movement
 * detector on recordings whose every movement is known.
 *
 * <p>{@link org.legwatch.analysis.sim.SyntheticNight#generate} turns a
 * {@link org.legwatch.analysis.sim.NightScenario} (a {@link org.legwatch.analysis.sim.PatientProfile},
 * a {@link org.legwatch.analysis.sim.SensorModel}, rates, durations, losses, a seed) into a
 * {@link org.legwatch.analysis.sim.GroundTruth} and, per band, a
 * {@link org.legwatch.analysis.sim.SampleStream} that computes the samples while they are read.
 *
 * <h2>Physics</h2>
 * An accelerometer measures specific force: the sensor's acceleration minus gravity, i.e. +1 g "up"
 * at rest. Strapped to the shank it therefore sees (1) which way up the shank is, a vector that
 * changes as long as the leg is held in a new position, (2) the acceleration of the ankle when the
 * leg starts and stops moving, and (3) muscle tremor while the leg is held. The generator models the
 * shank as a rigid body: an orientation and a pivot (the knee) as smooth functions of time; the
 * sensor sits 0.35-0.45 m below the knee and 4 cm in front of the bone, so rotations also move it,
 * and its dynamic acceleration is the second derivative of its position. Movements follow
 * minimum-jerk profiles, so accelerations are continuous and bounded by what a leg can do.
 *
 * <p>The night is a body-level timeline shared by both legs: the band on a table, handling it,
 * sitting (with fidgets), standing (with sway), walking (stride-rate swing and heel strikes),
 * transitions, and time in bed. In bed the sleeper lies supine, on either side or prone, turns over
 * every 15-60 min, falls asleep after a restless latency, wakes now and then (restless again), may
 * walk to the bathroom, and makes periodic series and isolated movements while asleep. Time in bed
 * is planned on its own clock so that it is exactly the scenario's.
 *
 * <h2>Truth</h2>
 * True movements are the in-bed single-leg movements from the start of the rise to the end of the
 * return (mechanical, not EMG), scored with the project's own
 * {@link org.legwatch.analysis.scoring.BatchScorer} and WASM 2016 rules; the index is PLMs in bed
 * per hour in bed, as an ankle device reports it.
 *
 * <h2>Simplifications a detector designer should know</h2>
 * <ul>
 *   <li>Every in-bed movement is a rotation of the shank about an axis through the knee (mostly the
 *       flexion axis); the knee itself never slides. Lying on a side the flexion axis is vertical,
 *       so such movements barely change gravity in the sensor frame and show mainly as dynamic
 *       acceleration, which is physically right and hard on gravity-only detectors.</li>
 *   <li>Between movements a lying leg is perfectly still: no breathing, heartbeat, bed partner or
 *       mattress vibration; sensor noise is white and Gaussian, without spikes or 1/f drift, but
 *       the zero-g offset drifts as the band warms on the skin.</li>
 *   <li>The physics is sampled at the sampling instants without an anti-alias filter; content above
 *       a low rate's Nyquist frequency (tremor near 12 Hz at 25 Hz, heel strikes) aliases.</li>
 *   <li>Walking is a sinusoidal swing with a harmonic, a bob and Gaussian heel-strike bumps, on the
 *       flat; turn-overs, handling and transitions are geodesic blends with random wobbles.</li>
 *   <li>PLMs come only in sleep, with no sleep-stage structure (no REM suppression, no
 *       first-half-of-the-night predominance); wake movements are restless bursts.</li>
 *   <li>A movement of a resting leg (in bed, or a fidget in a chair) may leave it a little off its
 *       rest, but half of the tilt against gravity that earlier movements left is taken back by
 *       the next one: the mattress, the floor and the chair hold a resting shank near the pose it
 *       took when the posture changed, so offsets stay offsets and do not add up over a night.</li>
 *   <li>Postures are those of a bedroom and a chair: lying supine (a pillow under the knees now and
 *       then), on a side or prone, and sitting with the shank 25 to 90 degrees from horizontal (legs
 *       crossed or tucked at the low end). There is no reclining with the feet up, no sitting
 *       cross-legged on a sofa and no lying on a sofa: a shank sensor cannot tell those from lying
 *       in bed.</li>
 * </ul>
 */
package org.legwatch.analysis.sim;
