package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreCopy;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.bench.StoreBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch store copy|bench}. */
@Command(name = "store",
        mixinStandardHelpOptions = true,
        description = "The store as a whole: copy between stores, benchmark.",
        subcommands = {StoreCommand.Copy.class, StoreCommand.Bench.class})
public final class StoreCommand extends CommandGroup {
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copies everything (patients, device assignments, therapy records, nights with their",
                "movements) from one store to another, losslessly, e.g. --from sqlite:site.db --to",
                "influx:http://db:8086/legwatch. Copying again adds only what is missing."})
    static final class Copy implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "URL", description = "The store to copy from.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "The store to copy into.")
        String to;

        @Override
        public Integer call() throws StoreException {
            PrintWriter err = spec.commandLine().getErr();
            try (Store source = Stores.open(from); Store target = Stores.open(to)) {
                StoreCopy.Counts counts = StoreCopy.copy(source, target, (done, of, patient) -> {
                    if (done % 50 == 0 || done == of) {
                        err.printf(Locale.ROOT, "legwatch store copy: %d/%d patients%n", done, of);
                        err.flush();
                    }
                });
                spec.commandLine().getOut().printf(Locale.ROOT, "copied %s -> %s: %d patients, %d device assignments, "
                                + "%d therapy events (%d new), %d nights (%d new)%n", source.location(), target.location(),
                        counts.patients(), counts.assignments(), counts.events(), counts.newEvents(), counts.nights(),
                        counts.newNights());
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Fills an EMPTY store with simulated patients' years of nights and measures ingest, the query",
                "of one patient's year, and (SQLite) the file size. Figures: docs/storage.md."})
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--patients", defaultValue = "1000", description = "Patients (default ${DEFAULT-VALUE}).")
        int patients;

        @Option(names = "--nights", defaultValue = "365", description = "Nights per patient (default ${DEFAULT-VALUE}).")
        int nights;

        @Option(names = "--batch", defaultValue = "365",
                description = "Nights per write, one transaction each (default ${DEFAULT-VALUE}: a patient's year).")
        int batch;

        @Option(names = "--pool", defaultValue = "200",
                description = "Distinct simulated nights dealt out (default ${DEFAULT-VALUE}).")
        int pool;

        @Option(names = "--queries", defaultValue = "20", description = "Patients' years queried (default ${DEFAULT-VALUE}).")
        int queries;

        @Override
        public Integer call() throws IOException {
            String url = store.url();
            PrintWriter out = spec.commandLine().getOut();
            try (Store opened = store.open()) {
                StoreBenchmark.run(opened, new StoreBenchmark.Settings(patients, nights, batch, pool, queries, 20_261_123L),
                        out, spec.commandLine().getErr());
            }
            Optional<Path> sqlite = Stores.sqliteFile(url);
            if (sqlite.isPresent()) {
                Path file = sqlite.get();
                long bytes = StoreBenchmark.sqliteBytes(file);
                out.printf(Locale.ROOT, "file size: %.1f MB (%s and its -wal)%n", bytes / 1e6, file);
            }
            return 0;
        }
    }
}
