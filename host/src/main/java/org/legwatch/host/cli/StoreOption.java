package org.legwatch.host.cli;

import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.Stores;
import picocli.CommandLine.Option;

/** The {@code --store URL} option every store command shares. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "URL",
            description = {"The store: sqlite:FILE or influx:http://HOST:8086/DATABASE[?user=NAME&rp=POLICY]",
                "(password or token in LEGWATCH_INFLUX_PASSWORD). Default: $LEGWATCH_STORE, else " + Stores.DEFAULT_URL + "."})
    String url;

    String url() {
        return url == null ? Stores.defaultUrl(System.getenv()) : url;
    }

    Store open() throws StoreException {
        return Stores.open(url());
    }
}
