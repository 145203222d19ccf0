package org.legwatch.host.web;

import static org.legwatch.host.report.html.Html.escape;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The login form of a dashboard with an access token: whoever types the token gets a session
 * cookie that only the dashboard's own pages send back (HttpOnly, SameSite=Strict).
 */
final class LoginPage {
    static final String PATH = "/login";
    private static final String REALM = "Bearer realm=\"legwatch dashboard\"";

    private LoginPage() {
    }

    /** The login and logout routes for a dashboard with {@code token}. */
    static List<Route> routes(AccessToken token) {
        return List.of(
                new Route(Set.of("GET", "HEAD"), PATH, true, request -> {
                    request.allowOnly("next");
                    return form(200, safeNext(request.query("next").orElse("/")), false);
                }),
                new Route(Set.of("POST"), PATH, true, request -> {
                    Map<String, String> form = request.form();
                    String next = safeNext(form.getOrDefault("next", "/"));
                    if (!token.matches(form.get("token"))) {
                        return form(401, next, true);
                    }
                    return Response.seeOther(next).withHeader("Set-Cookie", DashboardServer.SESSION_COOKIE + "="
                            + token.sessionValue() + "; Path=/; HttpOnly; SameSite=Strict");
                }),
                new Route(Set.of("POST"), "/logout", true, request -> Response.seeOther(PATH).withHeader("Set-Cookie",
                        DashboardServer.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")));
    }

    /** 401 for a request without the token: the form, which returns to {@code rawPath} after login. */
    static Response unauthorized(String rawPath, boolean wrongToken) {
        return form(401, safeNext(rawPath), wrongToken);
    }

    private static Response form(int status, String next, boolean wrongToken) {
        String main = "<section class=\"login\">\n<h1>Log in</h1>\n"
                + "<p>This dashboard needs its access token (the content of the token file it was started with).</p>\n"
                + (wrongToken ? "<p class=\"warn\" role=\"alert\">That is not the access token.</p>\n" : "")
                + "<form method=\"post\" action=\"" + PATH + "\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + escape(next) + "\">\n"
                + "<label for=\"token\">Access token</label>\n"
                + "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" required autofocus>\n"
                + "<button type=\"submit\">Log in</button>\n</form>\n</section>";
        Response response = Response.html(status, Layout.page("Log in", List.of(), main, false));
        return status == 401 ? response.withHeader("WWW-Authenticate", REALM) : response;
    }

    /** Where to go after login: a path of this dashboard, never another site ("//host", "/\host"). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith(PATH)
                || !next.matches("[A-Za-z0-9/%._~-]{1,1000}")) {
            return "/";
        }
        return next;
    }
}
