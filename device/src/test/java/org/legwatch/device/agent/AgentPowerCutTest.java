package org.legwatch.device.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTally;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.sim.DeviceSimulation;
import org.legwatch.device.sim.SimulatedWearer;

/**
 * The agent's process is killed with SIGKILL in the middle of a night (at whatever it was doing:
 * a journal write, a checkpoint, a read), and started again as after a reboot ten minutes later.
 * The night resumes from what is on disk and ends as one night: its movements once each, its time
 * in bed short by no more than the time the device was off and the unsaved minutes before.
 */
class AgentPowerCutTest {
    @TempDir
    Path dir;

    private Process start(String... extra) throws IOException {
        String[] command = Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx64m", AgentPowerCutChild.class.getName(),
                dir.toString()), Stream.of(extra)).toArray(String[]::new);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private long journalBytes() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aKilledAgentResumesTheNightAfterTheRebootAndCountsNothingTwice() throws Exception {
        Process first = start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.US_ASCII))) {
            assertEquals("recording", in.readLine());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // Mid-night: a few hundred movements and some saved tallies on disk.
            while (journalBytes() < 40_000 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(first.isAlive(), "the night ended before the cut");
            assertTrue(first.toHandle().destroyForcibly());
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        }

        long resumeAtWorldNs;
        int movementsBefore;
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            NightJournal.Night open = journal.openNight().orElseThrow(() -> new AssertionError("no open night after the kill"));
            movementsBefore = open.movements().size();
            long base = open.start().orElseThrow().monotonicBaseNs(); // the first boot's monotonic clock is the world's
            long lastUs = open.progress().map(NightTallyCodec::decode).map(NightTally::recordedUntilUs).orElse(0L);
            for (NightJournal.Movement m : open.movements()) {
                lastUs = Math.max(lastUs, m.offsetUs());
            }
            resumeAtWorldNs = base + lastUs * 1000 + TimeUnit.MINUTES.toNanos(10);
            assertTrue(open.progress().isPresent(), "a tally was saved before the cut");
        }

        Process second = start(Long.toString(resumeAtWorldNs));
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the second run finishes the night");
        assertEquals(0, second.exitValue());

        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            assertTrue(journal.openNight().isEmpty());
            assertEquals(1, journal.unsentNights().size(), "one night, not two");
            NightJournal.Night night = journal.unsentNights().get(0);
            assertEquals(1, night.parts().size());
            assertTrue(night.parts().get(0).startCertain(), "both clocks synchronised");
            assertTrue(night.movements().size() > movementsBefore, "the second part recorded movements");
            long[] lastOnset = {Long.MIN_VALUE, Long.MIN_VALUE};
            for (NightJournal.Movement m : night.movements()) {
                assertTrue(m.onsetUs() > lastOnset[m.leg()], "movement at " + m.onsetUs() + " us twice or out of order");
                lastOnset[m.leg()] = m.onsetUs();
            }
            NightSummary s = ScoredNight.rebuild(Agent.detected(night), NightTallyCodec.decode(night.summary().orElseThrow())).summary();
            DeviceSimulation sim = AgentPowerCutChild.simulation();
            SimulatedWearer.PlannedNight planned = sim.wearer().nights().get(0);
            double truthHours = org.legwatch.analysis.sim.SyntheticNight.generate(planned.scenario()).truth()
                    .instrumentedScore().hoursInBed();
            double shortMin = (truthHours - s.hoursInBed()) * 60;
            // Never more time in bed than the truth (no invented minutes); at most the 10 min off, the
            // minutes since the last saved tally and the bed state's lag less.
            assertTrue(shortMin > -2 && shortMin <= 18, "time in bed short by " + shortMin + " min; spans " + s.inBed()
                    + ", part at " + night.parts().get(0).startUs());
            long partStart = night.parts().get(0).startUs();
            assertTrue(s.inBed().get(0).startUs() < partStart, "the first part's time in bed is kept");
            assertTrue(s.inBed().get(s.inBed().size() - 1).endUs() > partStart, "the second part's time in bed counts");
            assertTrue(s.valid(), s.invalidReasons().toString());
        }
    }
}
