package org.legwatch.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the demo keeps its files: the device's configuration, key and journal under
 * {@code device/}, the host's store, key registry and therapy record under {@code host/}, and the
 * results beside them. Each run starts afresh: what an earlier run left is removed first, but only
 * in a folder the demo made (it carries a marker file), so a mistyped {@code --out} cannot delete
 * anybody's files.
 */
public record DemoFolder(Path root) {
    private static final String MARKER = ".legwatch-demo";

    public Path deviceConfig() {
        return root.resolve("device/legwatch-device.conf");
    }

    public Path deviceKey() {
        return root.resolve("device/device.key");
    }

    public Path journal() {
        return root.resolve("device/journal");
    }

    public Path store() {
        return root.resolve("host/legwatch.db");
    }

    public String storeUrl() {
        return "sqlite:" + store();
    }

    public Path keyRegistry() {
        return root.resolve("host/device-keys");
    }

    public Path therapy() {
        return root.resolve("host/therapy.csv");
    }

    public Path analysis() {
        return root.resolve("analysis.json");
    }

    public Path nights() {
        return root.resolve("nights.csv");
    }

    public Path report() {
        return root.resolve("report.html");
    }

    /**
     * Makes the folder ready for a new run: created when missing; emptied of an earlier run's files
     * when it is the demo's; refused when it holds files of someone else.
     */
    public void prepare() throws IOException {
        Files.createDirectories(root);
        boolean ours = Files.exists(root.resolve(MARKER));
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> present = entries.toList();
            if (!ours && !present.isEmpty()) {
                throw new IOException(root + " is not empty and is not a legwatch demo folder; give another --out");
            }
            for (Path entry : present) {
                if (!entry.getFileName().toString().equals(MARKER)) {
                    delete(entry);
                }
            }
        }
        Files.writeString(root.resolve(MARKER), "made by ./legwatch demo, which empties this folder when it runs again\n");
        Files.createDirectories(deviceConfig().getParent());
        Files.createDirectories(store().getParent());
    }

    private static void delete(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
