package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.Pairing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code legwatch pair}: provisions a device's key on both sides: the host's key registry and a key
 * file to install on the device (as {@code link.key-file}). Pairing a device again replaces its key.
 */
@Command(name = "pair", mixinStandardHelpOptions = true,
        description = {"Makes a new key for a device: adds it to the host's key registry and writes the device's key file",
                "(install it on the Pi as /etc/legwatch/device.key, owner legwatch, mode 600). Pairing again replaces the key."})
final class PairCommand implements Callable<Integer> {
    /** Where the host keeps its devices' keys unless told otherwise. */
    static final Path DEFAULT_REGISTRY = Path.of(System.getProperty("user.home"), ".legwatch", "device-keys");

    @Spec
    CommandSpec spec;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "The device's id (its device.id).")
    String deviceId;

    @Option(names = "--key-out", required = true, paramLabel = "FILE", description = "Where to write the device's key file.")
    Path keyOut;

    @Option(names = "--registry", paramLabel = "FILE", description = "The host's key registry (default: ~/.legwatch/device-keys).")
    Path registry = DEFAULT_REGISTRY;

    @Override
    public Integer call() throws IOException {
        DeviceKey key = Pairing.pair(deviceId, registry, keyOut);
        spec.commandLine().getOut().printf("paired %s (key %d): key file %s, registry %s%n", key.deviceId(), key.keyId(),
                keyOut, registry);
        return 0;
    }
}
