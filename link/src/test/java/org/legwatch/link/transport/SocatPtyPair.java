package org.legwatch.link.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by socat: a serial line in a box. What is written to one end comes out
 * of the other, through the kernel's tty layer, as on a null-modem cable.
 */
public final class SocatPtyPair implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;
    private final List<String> log = new ArrayList<>();

    private SocatPtyPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    /** Starts socat with its two ends linked at {@code dir/NAME-a} and {@code dir/NAME-b}. */
    public static SocatPtyPair start(Path dir, String name) throws IOException, InterruptedException {
        Path a = dir.resolve(name + "-a");
        Path b = dir.resolve(name + "-b");
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start socat, which the serial-line tests need; ./run-tests installs it"
                    + " (apt-get install socat)", e);
        }
        SocatPtyPair pair = new SocatPtyPair(p, a, b);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            pair.log.add(line);
            if (line.contains("starting data transfer loop")) {
                break;
            }
        }
        if (line == null || !Files.exists(a) || !Files.exists(b)) {
            pair.close();
            throw new IOException("socat did not set up the pty pair: " + pair.log);
        }
        Thread.ofPlatform().daemon().name("socat " + name + " output").start(() -> {
            try {
                while (out.readLine() != null) {
                    // Drained so that socat never blocks on a full pipe.
                }
            } catch (IOException e) {
                // socat ended.
            }
        });
        return pair;
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
