package org.legwatch.host.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.SampleSource;

/** The device's pipeline on raw recording files: one or two legs streamed through a {@link NightRecorder}. */
public final class RecordingDetection {
    private RecordingDetection() {
    }

    /**
     * The scored night, the sample rate read from the files, and the damage read around in raw
     * recordings (one sentence each; the samples it cost are gaps in the night's quality).
     */
    public record Result(ScoredNight night, double sampleRateHz, List<String> damage) {
        public Result {
            damage = List.copyOf(damage);
        }
    }

    /** Receives the legs' samples in time order (both legs merged), after being told the legs and the rate. */
    public interface SampleSink {
        void begin(List<Leg> legs, double sampleRateHz) throws IOException;

        void sample(Leg leg, double t, double x, double y, double z) throws IOException;
    }

    /**
     * @param right the right leg's recording, or null
     * @param left  the left leg's recording, or null
     */
    public static Result detect(Path right, Path left, NightSettings settings, ScoringRules rules)
            throws IOException, InputFormatException {
        return detect(right, left, settings, rules, null);
    }

    /** As above, also handing every sample to {@code alongside} (null for none) as the detector gets it. */
    public static Result detect(Path right, Path left, NightSettings settings, ScoringRules rules, SampleSink alongside)
            throws IOException, InputFormatException {
        List<ScoredMovement> scored = new ArrayList<>();
        NightRecorder[] recorder = new NightRecorder[1];
        SampleSink detector = new SampleSink() {
            @Override
            public void begin(List<Leg> legs, double sampleRateHz) throws IOException {
                recorder[0] = new NightRecorder(settings, DetectorSettings.DEFAULT, rules, legs, sampleRateHz, scored::add);
                if (alongside != null) {
                    alongside.begin(legs, sampleRateHz);
                }
            }

            @Override
            public void sample(Leg leg, double t, double x, double y, double z) throws IOException {
                recorder[0].accept(leg, t, x, y, z);
                if (alongside != null) {
                    alongside.sample(leg, t, x, y, z);
                }
            }
        };
        Streamed streamed = stream(right, left, detector);
        NightSummary summary = recorder[0].finish();
        return new Result(new ScoredNight(scored, summary), streamed.sampleRateHz(), streamed.damage());
    }

    /** The sample rate both legs were read at, and the damage read around. */
    public record Streamed(double sampleRateHz, List<String> damage) {
        public Streamed {
            damage = List.copyOf(damage);
        }
    }

    /**
     * Reads one or two legs' recordings (CSV or raw, {@link SampleSource}) and hands their samples
     * to {@code sink} in time order, so both legs move through the night together.
     */
    public static Streamed stream(Path right, Path left, SampleSink sink) throws IOException, InputFormatException {
        if (right == null && left == null) {
            throw new IllegalArgumentException("give --right FILE, --left FILE, or both");
        }
        List<SampleSource> sources = new ArrayList<>();
        try {
            if (right != null) {
                sources.add(SampleSource.open(Leg.RIGHT, right));
            }
            if (left != null) {
                sources.add(SampleSource.open(Leg.LEFT, left));
            }
            double rate = sources.get(0).sampleRateHz();
            for (SampleSource source : sources) {
                double r = source.sampleRateHz();
                if (Math.abs(r - rate) > 0.02 * rate) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "the legs have different sample rates: %.2f Hz (%s) and %.2f Hz (%s)",
                            rate, sources.get(0).file(), r, source.file()));
                }
            }
            sink.begin(sources.stream().map(SampleSource::leg).toList(), rate);
            feed(sink, sources);
            List<String> damage = new ArrayList<>();
            for (SampleSource source : sources) {
                damage.addAll(source.damage());
            }
            return new Streamed(rate, damage);
        } finally {
            for (SampleSource source : sources) {
                source.close();
            }
        }
    }

    private static void feed(SampleSink sink, List<SampleSource> sources) throws IOException, InputFormatException {
        SampleSource a = sources.get(0);
        SampleSource b = sources.size() > 1 ? sources.get(1) : null;
        while (a.hasSample() || (b != null && b.hasSample())) {
            SampleSource next = b == null || !b.hasSample() || (a.hasSample() && a.t() <= b.t()) ? a : b;
            sink.sample(next.leg(), next.t(), next.x(), next.y(), next.z());
            next.next();
        }
    }
}
