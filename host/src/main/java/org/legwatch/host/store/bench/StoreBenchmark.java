package org.legwatch.host.store.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.StoredNight;

/**
 * Fills an empty store with patients' years of nights and measures: ingest (nights and points per
 * second, points being what InfluxDB counts: movements plus two points a night), the query of one
 * patient's year of nights (the rows a chart or the analysis reads) and the read of one patient's
 * year with every movement. The machine's load average is printed with the figures.
 */
public final class StoreBenchmark {
    /** What to run. */
    public record Settings(int patients, int nightsPerPatient, int batchNights, int poolSize, int queries, long seed) {
        public Settings {
            if (patients < 1 || nightsPerPatient < 1 || batchNights < 1 || poolSize < 1 || queries < 1) {
                throw new IllegalArgumentException("every count must be at least 1");
            }
        }
    }

    private static final LocalDate FIRST_EVENING = LocalDate.of(2025, 1, 1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoreBenchmark() {
    }

    public static void run(Store store, Settings settings, PrintWriter out, PrintWriter progress) throws StoreException {
        if (!store.patients().isEmpty()) {
            throw new StoreException("store bench needs an empty store; " + store.location() + " has patients");
        }
        out.printf(Locale.ROOT, "store: %s%nload average before: %s%n", store.location(), loadAverage());
        long t0 = System.nanoTime();
        SyntheticStoreNights nights = new SyntheticStoreNights(settings.poolSize(), settings.seed());
        out.printf(Locale.ROOT, "pool of %d distinct simulated nights made in %.1f s%n", nights.size(), seconds(t0));

        List<String> patients = new ArrayList<>();
        for (int p = 0; p < settings.patients(); p++) {
            String id = String.format(Locale.ROOT, "bench-%05d", p);
            store.addPatient(new Patient(id, ""));
            patients.add(id);
        }

        long movements = 0;
        long storedNights = 0;
        long ingestNanos = 0;
        long storeCpuNanos = 0;
        long generatorNanos = 0;
        long generatorCpuNanos = 0;
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        SplittableRandom random = new SplittableRandom(settings.seed());
        int reportEvery = Math.max(1, settings.patients() / 20);
        for (int p = 0; p < patients.size(); p++) {
            String patient = patients.get(p);
            String device = "dev-" + patient;
            for (int from = 0; from < settings.nightsPerPatient(); from += settings.batchNights()) {
                long generatorStart = System.nanoTime();
                long generatorCpuStart = THREADS.getCurrentThreadCpuTime();
                List<StoredNight> batch = new ArrayList<>(settings.batchNights());
                for (int i = from; i < Math.min(settings.nightsPerPatient(), from + settings.batchNights()); i++) {
                    StoredNight night = nights.night(random.nextInt(nights.size()), device, patient, FIRST_EVENING, i);
                    batch.add(night);
                    movements += night.movements().size();
                }
                generatorCpuNanos += THREADS.getCurrentThreadCpuTime() - generatorCpuStart;
                long start = System.nanoTime();
                generatorNanos += start - generatorStart;
                long cpuStart = processCpuNanos();
                storedNights += store.commitAll(batch);
                storeCpuNanos += processCpuNanos() - cpuStart;
                ingestNanos += System.nanoTime() - start;
            }
            if ((p + 1) % reportEvery == 0) {
                progress.printf(Locale.ROOT, "  %d/%d patients, %d nights, %.0f nights/s%n", p + 1, patients.size(),
                        storedNights, storedNights / (ingestNanos / 1e9));
                progress.flush();
            }
        }
        double ingestS = ingestNanos / 1e9;
        double storeCpuS = storeCpuNanos / 1e9;
        double cpuS = (processCpuNanos() - cpuBefore) / 1e9;
        long points = movements + 2 * storedNights;
        out.printf(Locale.ROOT, "ingest: %d patients x %d nights = %d nights, %d movements (%.0f a night) in %.1f s "
                        + "(time inside commitAll, batches of %d nights)%n",
                settings.patients(), settings.nightsPerPatient(), storedNights, movements,
                movements / (double) storedNights, ingestS, settings.batchNights());
        out.printf(Locale.ROOT, "  %.0f nights/s, %.0f movements/s%n", storedNights / ingestS, movements / ingestS);
        out.printf(Locale.ROOT, "  CPU inside commitAll (every thread of this process): %.1f s, %.0f us a night%n",
                storeCpuS, storeCpuS * 1e6 / storedNights);
        out.printf(Locale.ROOT, "  making the nights (outside commitAll, not counted above): %.1f s, of it %.1f s CPU, "
                + "%.1f us a night%n", generatorNanos / 1e9, generatorCpuNanos / 1e9, generatorCpuNanos / 1e3 / storedNights);
        out.printf(Locale.ROOT, "  whole ingest loop: %.1f s wall, %.1f s CPU of this process%n",
                (System.nanoTime() - wallBefore) / 1e9, cpuS);
        if (store.location().startsWith("influx:")) {
            out.printf(Locale.ROOT, "  %.0f points/s (InfluxDB points: the movements, and a slot and a night point a night)%n",
                    points / ingestS);
        }

        double[] rowsMs = new double[settings.queries()];
        double[] fullMs = new double[settings.queries()];
        int rows = 0;
        for (int q = 0; q < settings.queries(); q++) {
            String patient = patients.get(random.nextInt(patients.size()));
            long start = System.nanoTime();
            rows = store.nights(patient).size();
            rowsMs[q] = (System.nanoTime() - start) / 1e6;
            int[] count = {0};
            start = System.nanoTime();
            store.forEachNight(patient, n -> count[0] += n.movements().size());
            fullMs[q] = (System.nanoTime() - start) / 1e6;
        }
        out.printf(Locale.ROOT, "query one patient's %d nights (rows), %d queries: median %.1f ms, min %.1f ms, max %.1f ms%n",
                rows, settings.queries(), median(rowsMs), Arrays.stream(rowsMs).min().orElseThrow(),
                Arrays.stream(rowsMs).max().orElseThrow());
        out.printf(Locale.ROOT, "read one patient's %d nights with movements: median %.1f ms, min %.1f ms, max %.1f ms%n",
                rows, median(fullMs), Arrays.stream(fullMs).min().orElseThrow(), Arrays.stream(fullMs).max().orElseThrow());
        out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    /** Bytes of an SQLite store: the file and its write-ahead log. */
    public static long sqliteBytes(Path file) throws IOException {
        long bytes = Files.size(file);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) ? bytes + Files.size(wal) : bytes;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
