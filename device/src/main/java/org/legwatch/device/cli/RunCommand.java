package org.legwatch.device.cli;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.device.agent.Agent;
import org.legwatch.device.agent.AgentSetup;
import org.legwatch.device.agent.LegInput;
import org.legwatch.device.agent.SensorLegInput;
import org.legwatch.device.clock.SystemClocks;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.gpio.GpioNightButton;
import org.legwatch.device.gpio.GpioStatusLight;
import org.legwatch.device.gpio.NightButton;
import org.legwatch.device.gpio.StatusLight;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.sensor.AddressedAccelerometer;
import org.legwatch.device.send.HostLink;
import org.legwatch.device.sensor.SensorProbe;
import org.legwatch.link.NightSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code legwatch-device run --config FILE}: the agent on the Pi, until systemd stops it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the agent: reads the ankle sensors on the I2C bus, records nights into the journal.",
                "Stops cleanly on SIGTERM (systemctl stop); a night being recorded is saved and resumed at the next start."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = System.getLogger(RunCommand.class.getName());

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The configuration file (see docs/hardware.md).")
    Path config;

    @Override
    public Integer call() throws IOException, InterruptedException {
        AgentConfig cfg = AgentConfig.load(config, hostName());
        Context pi4j = Pi4J.newAutoContext();
        SystemClocks clocks = new SystemClocks();
        SensorProbe probe = new SensorProbe(pi4j);
        List<LegInput> inputs = new ArrayList<>();
        int right = cfg.rightAddress().orElse(-2);
        if (right == AgentConfig.AUTO) {
            List<SensorProbe.Found> found = probe.probe(cfg.i2cBus());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("sensor.right = auto, but no supported accelerometer answers on I2C bus "
                        + cfg.i2cBus() + " (check the wiring and 'legwatch-device sensors')");
            }
            right = found.get(0).address();
            LOG.log(Level.INFO, "sensor.right = auto: using " + found.get(0));
        }
        if (right >= 0) {
            inputs.add(new SensorLegInput(Leg.RIGHT, new AddressedAccelerometer(probe, cfg.i2cBus(), right), cfg.rateHz(),
                    cfg.rangeG(), clocks, cfg.sensorRetrySeconds()));
        }
        if (cfg.leftAddress().isPresent()) {
            inputs.add(new SensorLegInput(Leg.LEFT, new AddressedAccelerometer(probe, cfg.i2cBus(), cfg.leftAddress().getAsInt()),
                    cfg.rateHz(), cfg.rangeG(), clocks, cfg.sensorRetrySeconds()));
        }
        List<Leg> legs = inputs.stream().map(LegInput::leg).toList();
        AgentSetup setup = AgentSetup.of(cfg, legs, cfg.rateHz(), cfg.rangeG(), ZoneId.systemDefault());
        NightJournal.Options options = new NightJournal.Options(org.legwatch.device.journal.Journal.DEFAULT_SEGMENT_BYTES,
                cfg.journalBudgetMb() << 20, cfg.journalWarnPercent() / 100.0);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                stopped.await(); // let the loop save the night before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the JVM is going down anyway; the journal has every record forced
            }
        }, "legwatch-stop"));
        try (NightJournal journal = NightJournal.open(cfg.journalDir(), options, new JournalBudgetLog());
             StatusLight light = cfg.ledPin() >= 0 ? new GpioStatusLight(pi4j, cfg.ledPin()) : StatusLight.none();
             NightButton button = cfg.buttonPin() >= 0 ? new GpioNightButton(pi4j, cfg.buttonPin()) : NightButton.none()) {
            reportRecovery(journal);
            LOG.log(Level.INFO, "legwatch-device " + cfg.deviceId() + " running: " + describe(inputs) + ", night window "
                    + cfg.windowStart() + "-" + cfg.windowEnd() + ", journal " + cfg.journalDir());
            NightSender sender = cfg.linkPort() == null ? null
                    : HostLink.sender(journal, cfg.linkPort(), cfg.linkBaud(), cfg.linkKeyFile(), HostLink.softwareVersion());
            if (sender != null) {
                sender.start();
                LOG.log(Level.INFO, "sending nights to the host over " + cfg.linkPort() + " at " + cfg.linkBaud() + " baud");
            }
            try {
                Agent agent = new Agent(setup, clocks, journal, inputs, light, button, (night, scored, why) -> {
                    if (sender != null) {
                        sender.nightsAvailable();
                    }
                });
                agent.run(() -> !stop.get());
            } finally {
                if (sender != null) {
                    sender.close();
                }
            }
        } finally {
            pi4j.shutdown();
            stopped.countDown();
        }
        return 0;
    }

    static void reportRecovery(NightJournal journal) {
        if (!journal.recovery().clean()) {
            LOG.log(Level.WARNING, "journal recovered after an unclean stop: " + journal.recovery());
        }
        for (String anomaly : journal.anomalies()) {
            LOG.log(Level.WARNING, "journal: " + anomaly);
        }
    }

    private static String describe(List<LegInput> inputs) {
        return String.join(", ", inputs.stream().map(LegInput::description).toList());
    }

    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            return name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) ? "legwatch" : name;
        } catch (IOException e) {
            return "legwatch"; // no resolvable host name: the config's device.id should name the device
        }
    }
}
