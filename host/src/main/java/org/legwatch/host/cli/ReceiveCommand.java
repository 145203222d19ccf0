package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.legwatch.host.receive.StoreInbox;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.Stores;
import org.legwatch.link.LinkSettings;
import org.legwatch.link.NightReceiver;
import org.legwatch.link.keys.KeyRegistry;
import org.legwatch.link.transport.SerialTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code legwatch receive --port PATH}: takes nights from paired devices over a serial line into
 * the store, until stopped (Ctrl-C) or, with {@code --for}, for a while.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {"Receives nights from paired devices over a serial port (USB serial or /dev/rfcommN) into the store.",
                "A night is acknowledged to the device only once stored; a night sent twice is stored once.",
                "Runs until Ctrl-C, or for --for SECONDS."})
final class ReceiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "The serial port to the device.")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "Baud rate (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--store", paramLabel = "URL", description = "sqlite:FILE or influx:URL (default: $LEGWATCH_STORE, else "
            + Stores.DEFAULT_URL + ").")
    String store;

    @Option(names = "--registry", paramLabel = "FILE", description = "The devices' keys from `legwatch pair` (default: ~/.legwatch/device-keys).")
    Path registry = PairCommand.DEFAULT_REGISTRY;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after this long (default: run until stopped).")
    Long forSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException, StoreException {
        KeyRegistry keys = KeyRegistry.load(registry);
        String url = store != null ? store : Stores.defaultUrl(System.getenv());
        try (Store s = Stores.open(url)) {
            NightReceiver receiver = new NightReceiver(new SerialTransport(port, baud), keys,
                    new StoreInbox(s, ZoneId.systemDefault()), LinkSettings.defaults());
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "legwatch-receive-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().printf("receiving nights on %s into %s (%d paired device%s)%n", port, s.location(),
                    keys.keys().size(), keys.keys().size() == 1 ? "" : "s");
            receiver.start();
            try {
                if (forSeconds != null) {
                    stop.await(forSeconds, java.util.concurrent.TimeUnit.SECONDS);
                } else {
                    stop.await();
                }
            } finally {
                receiver.close();
                if (forSeconds != null && stop.getCount() > 0) {
                    Runtime.getRuntime().removeShutdownHook(hook); // ended by --for, not by a shutdown
                }
            }
            spec.commandLine().getOut().println("stopped: " + receiver.counters());
        }
        return 0;
    }
}
