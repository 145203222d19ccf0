package org.legwatch.host.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds the route of a request from its method and raw path. */
final class Router {
    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A route with the decoded values of its template's parameters. */
    record Match(Route route, Map<String, String> values) {
    }

    /**
     * The route for {@code method} on {@code rawPath}, or empty when no template fits the path.
     *
     * @throws HttpProblem 405 when templates fit the path but none answers the method (the message
     *                     lists the methods that would), 400 for a malformed %-escape
     */
    Optional<Match> resolve(String method, String rawPath) throws HttpProblem {
        List<String> segments = Paths.segments(rawPath);
        Set<String> allowed = new TreeSet<>();
        String template = null;
        for (Route route : routes) {
            Map<String, String> values = bind(route.segments(), segments);
            if (values == null) {
                continue;
            }
            if (route.methods().contains(method)) {
                return Optional.of(new Match(route, values));
            }
            allowed.addAll(route.methods());
            template = route.template();
        }
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowed(template, allowed);
        }
        return Optional.empty();
    }

    /** The template's parameter values when the path fits it, else null. */
    private static Map<String, String> bind(List<String> template, List<String> segments) throws HttpProblem {
        if (template.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            String segment = segments.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segment.isEmpty()) {
                    return null;
                }
                values.put(part.substring(1, part.length() - 1), Paths.decode(segment));
            } else if (!part.equals(segment)) {
                return null;
            }
        }
        return values;
    }

    /** 405, with the methods the path answers for the Allow header. */
    static final class MethodNotAllowed extends HttpProblem {
        private final String template;
        private final Set<String> allowed;

        MethodNotAllowed(String template, Set<String> allowed) {
            super(405, "this address answers " + String.join(", ", allowed) + " only");
            this.template = template;
            this.allowed = Set.copyOf(allowed);
        }

        /** The template of the path, for the log. */
        String template() {
            return template;
        }

        String allowHeader() {
            return String.join(", ", new TreeSet<>(allowed));
        }
    }
}
