package org.legwatch.host.store.influx;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where an InfluxDB store is and how to log in, parsed from
 * {@code influx:http[s]://HOST:PORT/DATABASE[?user=NAME][&rp=POLICY]}. The password, or the token
 * of InfluxDB 2.x/3.x (sent as the v1 API's password), is read from {@code LEGWATCH_INFLUX_PASSWORD};
 * the user may also come from {@code LEGWATCH_INFLUX_USER}, and is {@value #TOKEN_USER} when only a
 * password is given (2.x and 3.x ignore the user name of a token). A password in the URL is
 * refused. Credentials go in an HTTP Basic header.
 *
 * @param serverUrl       e.g. {@code http://127.0.0.1:8086}
 * @param database        the database (on 2.x/3.x: the database name mapped to a bucket)
 * @param retentionPolicy the retention policy to write to, or {@code null} for the database's default
 * @param user            or {@code null}
 * @param password        or {@code null}
 */
public record InfluxLocation(String serverUrl, String database, String retentionPolicy, String user, String password) {
    public static final String PASSWORD_VARIABLE = "LEGWATCH_INFLUX_PASSWORD";
    public static final String USER_VARIABLE = "LEGWATCH_INFLUX_USER";
    /** The user name sent with a password or token when none is configured. */
    public static final String TOKEN_USER = "legwatch";

    public static InfluxLocation parse(String url, Map<String, String> environment) {
        String text = url.substring("influx:".length());
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("store '" + url + "': " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("store '" + url + "': expected influx:http://HOST:PORT/DATABASE");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("store '" + url + "': no host");
        }
        String user = environment.get(USER_VARIABLE);
        if (uri.getRawUserInfo() != null) {
            if (uri.getRawUserInfo().contains(":")) {
                throw new IllegalArgumentException("store URL: put the password in " + PASSWORD_VARIABLE
                        + ", not in the URL (a command line is visible to every user of the machine)");
            }
            user = decode(uri.getRawUserInfo());
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("store '" + url + "': name one database, e.g. influx:http://localhost:8086/legwatch");
        }
        String retentionPolicy = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "rp" -> retentionPolicy = value;
                    case "password", "p", "token" -> throw new IllegalArgumentException("store URL: put the password in "
                            + PASSWORD_VARIABLE + ", not in the URL (a command line is visible to every user of the machine)");
                    default -> throw new IllegalArgumentException("store '" + url + "': unknown option '" + key
                            + "' (known: user, rp)");
                }
            }
        }
        String password = environment.get(PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty() && blankToNull(user) == null) {
            user = TOKEN_USER;
        }
        String server = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new InfluxLocation(server, database, blankToNull(retentionPolicy), blankToNull(user),
                password == null || password.isEmpty() ? null : password);
    }

    /** The URL without secrets. */
    public String describe() {
        return "influx:" + serverUrl + "/" + database + (retentionPolicy == null ? "" : "?rp=" + retentionPolicy)
                + (user == null ? "" : (retentionPolicy == null ? "?" : "&") + "user=" + user);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
