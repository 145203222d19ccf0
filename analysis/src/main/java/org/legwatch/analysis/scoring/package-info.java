/**
 * Scoring of leg movements by the WASM 2016 rules (and the AASM variant).
 *
 * <p>{@link org.legwatch.analysis.scoring.StreamingScorer} takes single-leg movements one at a time
 * in onset order and hands out {@link org.legwatch.analysis.scoring.ScoredMovement}s in onset order
 * with a bounded delay; {@link org.legwatch.analysis.scoring.BatchScorer} wraps it for whole lists;
 * {@link org.legwatch.analysis.scoring.NightAccumulator} turns the scored stream into
 * {@link org.legwatch.analysis.scoring.NightStatistics}. Times are whole microseconds from the start
 * of the recording, so every rule bound (0.5 s, 10 s, 90 s) is compared exactly.
 */
package org.legwatch.analysis.scoring;
