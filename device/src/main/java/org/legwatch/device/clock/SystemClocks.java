package org.legwatch.device.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Pi's clocks. The boot id is the kernel's ({@code /proc/sys/kernel/random/boot_id}); the wall
 * clock counts as synchronised when systemd-timesyncd has marked it so
 * ({@code /run/systemd/timesync/synchronized}) or {@code timedatectl} says so (covers chrony and
 * ntpd). Off Linux the boot id is made once per process, which errs on the safe side (a restart
 * looks like a reboot).
 */
public final class SystemClocks implements Clocks {
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private static final Path UPTIME = Path.of("/proc/uptime");
    private static final Path TIMESYNCD_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private final String bootId;
    private final long originNs = System.nanoTime();

    public SystemClocks() {
        this.bootId = readBootId();
    }

    private static String readBootId() {
        try {
            String id = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
            if (!id.isEmpty()) {
                return id;
            }
        } catch (IOException e) {
            System.getLogger(SystemClocks.class.getName()).log(System.Logger.Level.DEBUG,
                    "no kernel boot id (" + e + "); using one per process");
        }
        return "process-" + UUID.randomUUID();
    }

    @Override
    public long monotonicNs() {
        return System.nanoTime();
    }

    @Override
    public long wallMs() {
        return System.currentTimeMillis();
    }

    @Override
    public boolean wallSynchronised() {
        if (Files.exists(TIMESYNCD_FLAG)) {
            return true;
        }
        try {
            Process p = new ProcessBuilder("timedatectl", "show", "-p", "NTPSynchronized", "--value")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().equals("yes");
        } catch (IOException e) {
            return false; // no timedatectl: nothing says the clock is synchronised
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String bootId() {
        return bootId;
    }

    @Override
    public double uptimeS() {
        try {
            String text = Files.readString(UPTIME, StandardCharsets.US_ASCII).trim();
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return (System.nanoTime() - originNs) / 1e9; // at least as long as this process has run
        }
    }

    @Override
    public void sleepNs(long ns) throws InterruptedException {
        if (ns > 0) {
            TimeUnit.NANOSECONDS.sleep(ns);
        }
    }
}
