package org.legwatch.host.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.store.Store;

/**
 * {@code legwatch serve}: the dashboard's pages over a store. Read-only: it never writes to the
 * store.
 */
public final class Dashboard {
    private Dashboard() {
    }

    /**
     * Starts the dashboard; requests are served until the returned server is closed.
     *
     * @param store    the store, open for as long as the server runs
     * @param zone     the time zone night start times are shown in
     * @param log      where the access log goes (no patient data)
     * @throws IllegalArgumentException when asked to listen beyond this computer without a token
     */
    public static DashboardServer start(Store store, DashboardServer.Settings settings, ResponseSettings analysis, ZoneId zone,
                                        PrintWriter log) throws IOException {
        PatientLookup lookup = new PatientLookup(store, analysis, zone);
        PatientsPage patients = new PatientsPage(store);
        PatientPage patient = new PatientPage(lookup);
        NightPage night = new NightPage(lookup);
        List<Route> routes = new ArrayList<>(List.of(
                Route.get("/", patients::render),
                Route.get(Links.PATIENT, patient::render),
                Route.get(Links.NIGHT, night::render),
                StyleSheet.route()));
        settings.token().ifPresent(token -> routes.addAll(LoginPage.routes(token)));
        return DashboardServer.start(settings, routes, new AccessLog(log));
    }
}
