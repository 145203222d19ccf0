package org.legwatch.device.cli;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.legwatch.device.sensor.SensorProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch-device sensors}: which supported accelerometers answer on the bus. */
@Command(name = "sensors", mixinStandardHelpOptions = true,
        description = "Lists the supported accelerometers (ADXL345, LIS3DH, LSM6DSOX) that answer on the I2C bus.")
final class SensorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bus", defaultValue = "1", description = "I2C bus number (default ${DEFAULT-VALUE}: the Pi's header pins 3 and 5).")
    int bus;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Context pi4j = Pi4J.newAutoContext();
        try {
            List<SensorProbe.Found> found = new SensorProbe(pi4j).probe(bus);
            if (found.isEmpty()) {
                out.println("no supported accelerometer answers on I2C bus " + bus
                        + " (is I2C enabled? see docs/hardware.md)");
                return 1;
            }
            found.forEach(out::println);
            return 0;
        } finally {
            pi4j.shutdown();
        }
    }
}
