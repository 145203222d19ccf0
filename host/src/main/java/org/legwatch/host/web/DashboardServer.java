package org.legwatch.host.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's HTTP server on the JDK's {@code com.sun.net.httpserver}: a fixed pool of worker
 * threads behind a bounded queue, routing, the access token, security headers on every answer and
 * an access log free of patient data.
 *
 * <p>Who may connect: bound to a loopback address, only programs on this computer, and the
 * {@code Host} header must name a loopback address too, so that a web page in the user's browser
 * cannot reach the dashboard through a DNS name rebound to 127.0.0.1. Bound anywhere else, it starts
 * only with an access token, which every request but the login form then needs.
 */
public final class DashboardServer implements AutoCloseable {
    static final String SESSION_COOKIE = "legwatch_session";
    /**
     * No scripts at all; styles from the dashboard itself and inline (the charts are inline SVG with
     * style attributes); images only inline; forms post back to the dashboard; no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final Router router;
    private final Optional<AccessToken> token;
    private final boolean loopback;
    private final AccessLog log;

    private DashboardServer(HttpServer server, ThreadPoolExecutor workers, List<Route> routes, Optional<AccessToken> token,
                            boolean loopback, AccessLog log) {
        this.server = server;
        this.workers = workers;
        this.router = new Router(routes);
        this.token = token;
        this.loopback = loopback;
        this.log = log;
    }

    /** Where and how the dashboard listens. */
    public record Settings(InetAddress bind, int port, Optional<AccessToken> token, int threads) {
        public static final int DEFAULT_PORT = 8470;
        public static final int DEFAULT_THREADS = 4;

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not a TCP port (0-65535; 0 picks a free one)");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    /**
     * Starts serving {@code routes}.
     *
     * @throws IllegalArgumentException when asked to listen on an address other computers reach
     *                                  without an access token
     */
    static DashboardServer start(Settings settings, List<Route> routes, AccessLog log) throws IOException {
        boolean loopback = settings.bind().isLoopbackAddress();
        if (!loopback && settings.token().isEmpty()) {
            throw new IllegalArgumentException("refusing to listen on " + settings.bind().getHostAddress()
                    + ", which other computers can reach, without an access token: give --token-file FILE "
                    + "(docs/dashboard.md), or bind 127.0.0.1");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 50);
        } catch (BindException e) {
            throw new IOException("cannot listen on " + settings.bind().getHostAddress() + " port " + settings.port() + ": "
                    + e.getMessage() + " (another legwatch serve? --port N picks another port)", e);
        }
        AtomicInteger counter = new AtomicInteger();
        // Bounded: a flood of requests waits in the queue, then runs on the accepting thread, which
        // stops accepting until it is done, instead of growing threads or memory without end.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), r -> {
                    Thread t = new Thread(r, "legwatch-dashboard-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        DashboardServer dashboard = new DashboardServer(server, workers, routes, settings.token(), loopback, log);
        server.createContext("/", dashboard::handle);
        server.start();
        return dashboard;
    }

    /** The address it listens on (with the port it got when asked for port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The dashboard's address for a browser. */
    public URI url() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        if (address.getAddress().isAnyLocalAddress()) {
            host = "localhost";
        } else if (host.indexOf(':') >= 0) {
            host = "[" + host.replaceFirst("%.*", "") + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** Stops accepting, lets requests under way finish (up to 2 s) and stops the workers. */
    @Override
    public void close() {
        server.stop(2);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String template = AccessLog.NO_ROUTE;
        Response response;
        try {
            if (loopback && !hostIsLoopback(exchange.getRequestHeaders().getFirst("Host"))) {
                throw HttpProblem.badRequest("this dashboard answers only to addresses of this computer (localhost, 127.0.0.1)");
            }
            Optional<Router.Match> match = router.resolve(method, exchange.getRequestURI().getRawPath());
            if (match.isEmpty()) {
                throw HttpProblem.notFound("there is no page at this address");
            }
            Route route = match.get().route();
            template = route.template();
            boolean authenticated = token.isPresent() && authenticated(exchange.getRequestHeaders());
            if (token.isPresent() && !authenticated && !route.open()) {
                response = LoginPage.unauthorized(exchange.getRequestURI().getRawPath(), false);
            } else {
                response = route.handler().handle(new Request(exchange, match.get().values(), authenticated));
            }
        } catch (Router.MethodNotAllowed e) {
            template = e.template();
            response = ErrorPage.of(e).withHeader("Allow", e.allowHeader());
        } catch (HttpProblem e) {
            response = ErrorPage.of(e);
        } catch (Exception e) {
            log.failure(method, template, e);
            response = ErrorPage.internal();
        }
        send(exchange, method, template, response, started);
    }

    private void send(HttpExchange exchange, String method, String template, Response response, long started) {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", response.contentType());
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Cache-Control", "no-store");
            for (Map.Entry<String, String> header : response.headers()) {
                headers.add(header.getKey(), header.getValue());
            }
            boolean bodyless = method.equals("HEAD") || response.body().length == 0;
            // Logged before the answer leaves, so a client that got it finds it in the log.
            log.request(method, template, response.status(), System.nanoTime() - started);
            exchange.sendResponseHeaders(response.status(), bodyless ? -1 : response.body().length);
            if (!bodyless) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            log.failure(method, template, e); // the browser went away mid-answer
        }
    }

    /** Whether the request shows the token, as a bearer token or as the login form's session cookie. */
    private boolean authenticated(Headers headers) {
        AccessToken accepted = token.orElseThrow();
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && accepted.matches(authorization.substring(7).strip())) {
            return true;
        }
        for (String cookieHeader : headers.getOrDefault("Cookie", List.of())) {
            for (String cookie : cookieHeader.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(SESSION_COOKIE) && accepted.matchesSession(pair[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a Host header names this computer: localhost, 127.0.0.0/8 or [::1], with any port. */
    static boolean hostIsLoopback(String host) {
        if (host == null) {
            return true; // HTTP/1.0 without Host: not a browser, which always sends one
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1") && portOnly(name.substring(end + 1));
        }
        int colon = name.indexOf(':');
        String hostName = colon < 0 ? name : name.substring(0, colon);
        if (colon >= 0 && !portOnly(name.substring(colon))) {
            return false;
        }
        return hostName.equals("localhost") || hostName.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static boolean portOnly(String rest) {
        return rest.isEmpty() || rest.matches(":\\d{1,5}");
    }
}
