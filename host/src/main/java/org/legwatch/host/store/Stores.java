package org.legwatch.host.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.legwatch.host.store.influx.InfluxLocation;
import org.legwatch.host.store.influx.InfluxStore;
import org.legwatch.host.store.sqlite.SqliteStore;

/**
 * Opens a store from its URL:
 * <ul>
 *   <li>{@code sqlite:FILE} — an SQLite file, created with its folders when missing; {@code ~/}
 *       at the start is the home folder;
 *   <li>{@code influx:http://HOST:8086/DATABASE} — InfluxDB through its v1 HTTP API, with
 *       {@code ?user=NAME} and {@code rp=POLICY} as options; the password (or an InfluxDB 2.x/3.x
 *       token) comes from the environment variable {@code LEGWATCH_INFLUX_PASSWORD}, never from the
 *       URL, so it does not show in a process list.
 * </ul>
 * Without a URL the store is {@code $LEGWATCH_STORE}, or else {@code sqlite:~/.legwatch/legwatch.db}.
 */
public final class Stores {
    /** Environment variable naming the default store URL. */
    public static final String STORE_VARIABLE = "LEGWATCH_STORE";
    public static final String DEFAULT_URL = "sqlite:~/.legwatch/legwatch.db";

    private Stores() {
    }

    /** The store URL to use when none is given. */
    public static String defaultUrl(Map<String, String> environment) {
        String url = environment.get(STORE_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : url.strip();
    }

    /** Opens the store at {@code url}, reading credentials from the process environment. */
    public static Store open(String url) throws StoreException {
        return open(url, System.getenv());
    }

    public static Store open(String url, Map<String, String> environment) throws StoreException {
        if (url.startsWith("sqlite:")) {
            return SqliteStore.open(sqlitePath(url.substring("sqlite:".length())));
        }
        if (url.startsWith("influx:")) {
            return InfluxStore.open(InfluxLocation.parse(url, environment));
        }
        throw new IllegalArgumentException("store '" + url + "' is not a store URL: use sqlite:FILE or "
                + "influx:http://HOST:8086/DATABASE");
    }

    /** The file of a {@code sqlite:} URL, or empty for another kind of store. */
    public static Optional<Path> sqliteFile(String url) {
        return url.startsWith("sqlite:") ? Optional.of(sqlitePath(url.substring("sqlite:".length()))) : Optional.empty();
    }

    private static Path sqlitePath(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("sqlite: needs a file, e.g. sqlite:legwatch.db");
        }
        if (text.equals("~") || text.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(text.substring(Math.min(2, text.length())));
        }
        return Path.of(text);
    }
}
