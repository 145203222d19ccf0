package org.legwatch.device.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTally;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.device.clock.Clocks;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.journal.NightJournal.Movement;
import org.legwatch.device.journal.NightJournal.NightPart;
import org.legwatch.device.journal.NightJournal.NightStart;
import org.legwatch.link.recording.CountScale;
import org.legwatch.link.recording.RawRecordingHeader;
import org.legwatch.link.recording.RawRecordingWriter;

/**
 * One night (or, after a restart, one part of a night) being recorded: the analysis chain fed
 * sample by sample, every detected movement journaled as it ends, the night's tally saved every few
 * minutes, and at the end the tally of the whole night journaled as its summary.
 *
 * <p>The night's time axis starts at its first part's start; a later part starts where the restart
 * put it ({@link NightPart#startUs()}), so every movement and span of the night is on one axis.
 * What the journal holds is the night's record: the host rebuilds the night from the movements and
 * the final tally exactly as the recorder scored it live.
 *
 * <p>With raw recording on, each leg's acceleration also goes to {@code <night id>-right.lwr} /
 * {@code -left.lwr} in the raw folder (docs/formats.md), times on the night's axis, so
 * {@code legwatch detect} re-scores the night from it.
 *
 * <p>A journal write that fails is thrown as {@link UncheckedIOException}: the agent stops and
 * systemd restarts it, and the restart resumes the night from what is on disk.
 */
final class NightSession {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What a night is recorded with; {@code rawDir} is where raw recordings of the acceleration go
     * ({@code null}: none).
     */
    public record Settings(NightSettings night, DetectorSettings detector, ScoringRules rules, List<Leg> legs, double rateHz,
                           Path rawDir) {}

    private final NightJournal journal;
    private final String nightId;
    private final NightRecorder recorder;
    private final long partBaseNs;
    private final long partStartUs;
    private final NightTally before;
    private final long outageSamples;
    private final Clocks clocks;
    private final Path rawDir;
    /** The raw recording of each leg (by ordinal), opened at the leg's first samples; null until then or when off. */
    private final RawRecordingWriter[] raw = new RawRecordingWriter[2];

    private NightSession(NightJournal journal, Clocks clocks, String nightId, Settings settings, long partBaseNs,
                         long partStartUs, NightTally before, long outageSamples) {
        this.journal = journal;
        this.clocks = clocks;
        this.rawDir = settings.rawDir();
        this.nightId = nightId;
        this.partBaseNs = partBaseNs;
        this.partStartUs = partStartUs;
        this.before = before;
        this.outageSamples = outageSamples;
        this.recorder = new NightRecorder(settings.night(), settings.detector(), settings.rules(), settings.legs(),
                settings.rateHz(), m -> { }, (leg, onsetUs, offsetUs, peakG) -> journalMovement(leg, onsetUs, offsetUs, peakG));
    }

    /** Starts a new night now and journals its start. */
    static NightSession start(NightJournal journal, Clocks clocks, Settings settings) throws IOException {
        long baseNs = clocks.monotonicNs();
        long wallMs = clocks.wallMs();
        String bootId = clocks.bootId();
        String id = ID_TIME.format(Instant.ofEpochMilli(wallMs)) + "-" + bootId.substring(0, Math.min(8, bootId.length()))
                + "-" + baseNs / 1_000_000;
        journal.startNight(new NightStart(id, bootId, baseNs, wallMs, clocks.wallSynchronised()));
        return new NightSession(journal, clocks, id, settings, baseNs, 0, null, 0);
    }

    /**
     * Resumes the open night after a restart, at {@code startUs} on its time axis, after the tally
     * it had saved; the samples of the time between count as lost.
     */
    static NightSession resume(NightJournal journal, Clocks clocks, Settings settings, String nightId, NightTally saved,
                               long startUs, boolean startCertain) throws IOException {
        long baseNs = clocks.monotonicNs();
        journal.resumeNight(new NightPart(nightId, clocks.bootId(), baseNs, clocks.wallMs(), clocks.wallSynchronised(),
                startUs, startCertain));
        long outageUs = Math.max(0, startUs - saved.recordedUntilUs());
        long outage = Math.round(outageUs / 1e6 * settings.rateHz()) * settings.legs().size();
        NightSession session = new NightSession(journal, clocks, nightId, settings, baseNs, startUs, saved, outage);
        if (saved.signal().samples() > 0) {
            session.recorder.continueWornNight();
        }
        return session;
    }

    String nightId() {
        return nightId;
    }

    /**
     * The samples of one read of one leg, timed on the monotonic clock; samples from before the part
     * began are ignored. With raw recording on, they are appended to the leg's recording too.
     */
    void accept(LegInput input, SampleBatch batch) {
        Leg leg = input.leg();
        RawRecordingWriter writer = rawDir == null || batch.count == 0 ? null : rawWriter(input);
        try {
            for (int k = 0; k < batch.count; k++) {
                long sincePartNs = batch.timeNs[k] - partBaseNs;
                if (sincePartNs < 0) {
                    continue;
                }
                // Whole µs on the night's axis, as the raw recording keeps them: re-scoring it gives this night.
                long nightUs = partStartUs + sincePartNs / 1000;
                recorder.accept(leg, nightUs / 1e6, batch.x[k], batch.y[k], batch.z[k]);
                if (writer != null) {
                    writer.append(nightUs, batch.x[k], batch.y[k], batch.z[k]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the raw recording of night " + nightId + " could not be written", e);
        }
    }

    /**
     * The leg's raw recording, opened at its first samples (the sensor has answered, so its chip and
     * scale are known). A night resumed after a restart continues the same file with a new part.
     */
    private RawRecordingWriter rawWriter(LegInput input) {
        int at = input.leg().ordinal();
        if (raw[at] == null) {
            LegInput.SensorFormat f = input.format();
            char leg = input.leg() == Leg.RIGHT ? 'R' : 'L';
            Path file = rawDir.resolve(nightId + (leg == 'R' ? "-right" : "-left") + ".lwr");
            // The recording's time base is the night's axis: (monotonic - base) / 1000 = µs of the night.
            long baseNs = partBaseNs - partStartUs * 1000;
            RawRecordingHeader header = new RawRecordingHeader(leg, f.chip(), f.rateHz(), f.rangeG(),
                    CountScale.of(f.gPerCount()), nightId, clocks.bootId(), baseNs, clocks.wallMs(),
                    (clocks.monotonicNs() - baseNs) / 1000, clocks.wallSynchronised());
            try {
                raw[at] = RawRecordingWriter.open(file, header, RawRecordingWriter.Options.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException("the raw recording " + file + " could not be opened", e);
            }
        }
        return raw[at];
    }

    /** Forces the raw recordings to disk and closes them (at the end of the night or of this part). */
    void closeRecordings() throws IOException {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != null) {
                raw[i].close();
                raw[i] = null;
            }
        }
    }

    private void journalMovement(Leg leg, long onsetUs, long offsetUs, double peakG) {
        try {
            journal.movement(new Movement(nightId, onsetUs, offsetUs, (byte) leg.ordinal(), (float) peakG));
        } catch (IOException e) {
            throw new UncheckedIOException("the journal could not record a movement of night " + nightId, e);
        }
    }

    /** The whole night's tally so far (earlier parts included). Allocates: call it now and then. */
    NightTally tally() {
        NightTally part = recorder.progress();
        return before == null ? part : before.followedBy(part, outageSamples);
    }

    /** Saves the tally so far; a restart resumes from it. */
    void checkpoint() throws IOException {
        journal.progress(nightId, NightTallyCodec.encode(tally()));
    }

    /** The recorder's own summary of this part, and the whole night's tally, once finished. */
    record Finished(NightSummary partSummary, NightTally tally) {}

    /** Ends the night: settles the recorder and journals the whole night's tally as its summary. */
    Finished finish() throws IOException {
        closeRecordings();
        NightSummary summary = recorder.finish();
        NightTally part = recorder.tally(summary);
        NightTally whole = before == null ? part : before.followedBy(part, outageSamples);
        journal.finishNight(nightId, NightTallyCodec.encode(whole));
        return new Finished(summary, whole);
    }

    /**
     * Whether the patient has been up for {@code upForUs} after at least {@code minInBedUs} in bed:
     * the night is over even if the window is still open.
     */
    boolean upLongEnough(long upForUs, long minInBedUs) {
        NightTally t = tally();
        if (t.inBed().isEmpty() || Micros.ofSeconds(t.hoursInBed() * 3600) < minInBedUs) {
            return false;
        }
        long lastInBedEnd = t.inBed().get(t.inBed().size() - 1).endUs();
        return t.decidedUntilUs() - lastInBedEnd >= upForUs;
    }
}
