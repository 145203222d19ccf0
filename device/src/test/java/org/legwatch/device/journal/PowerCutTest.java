package org.legwatch.device.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that is appending movements with SIGKILL at a random moment, three times over
 * the same journal, and checks after each kill that every movement the child reported as recorded
 * is on disk exactly once and in order.
 */
class PowerCutTest {

    @TempDir
    Path dir;

    @Test
    void everyMovementReportedAsRecordedSurvivesAKill() throws Exception {
        Random rnd = new Random();
        List<Long> printed = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-XX:TieredStopAtLevel=1",
                    PowerCutChild.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // One thread reads: the first line (the child is recording), then, after the kill,
            // everything the child wrote before it died.
            List<Long> thisRound = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line = in.readLine();
                assertTrue(line != null, "child recorded nothing");
                thisRound.add(Long.parseLong(line));
                Thread.sleep(50 + rnd.nextInt(400));
                // SIGKILL through the process handle: Process.destroyForcibly() would also close
                // our end of the pipe and lose lines the child wrote just before it died.
                assertTrue(child.toHandle().destroyForcibly());
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
                while ((line = in.readLine()) != null) {
                    thisRound.add(Long.parseLong(line));
                }
            }
            printed.addAll(thisRound);

            try (NightJournal nj = NightJournal.open(dir, new NightJournal.Options(128 * 1024, 64L * 1024 * 1024, 0.8),
                    new NightJournal.BudgetListener() {})) {
                assertTrue(nj.recovery().skipped().isEmpty(), "recovery: " + nj.recovery());
                assertTrue(nj.anomalies().isEmpty(), nj.anomalies().toString());
                List<Long> onDisk = nj.openNight().orElseThrow().movements().stream()
                        .map(NightJournal.Movement::onsetUs).toList();
                for (int i = 0; i < onDisk.size(); i++) {
                    assertEquals(i, onDisk.get(i), "movements on disk are 0, 1, 2, ... once each");
                }
                for (int i = 0; i < printed.size(); i++) {
                    assertEquals(i, printed.get(i), "child printed 0, 1, 2, ...");
                }
                assertTrue(onDisk.size() >= printed.size(),
                        "every printed movement is on disk: printed " + printed.size() + ", on disk " + onDisk.size());
                assertTrue(onDisk.size() <= printed.size() + 1,
                        "only the movement being printed at the kill may be unreported: printed " + printed.size()
                                + ", on disk " + onDisk.size() + ", round " + round);
                printed.clear();
                printed.addAll(onDisk);
            }
        }
    }
}
