package org.legwatch.host.web;

/** The dashboard's addresses, with every value encoded as a path segment. */
final class Links {
    static final String PATIENT = "/patients/{patient}";
    static final String NIGHT = "/patients/{patient}/nights/{device}/{night}";

    private Links() {
    }

    static String patient(String patientId) {
        return "/patients/" + Paths.encode(patientId);
    }

    static String night(String patientId, String deviceId, String deviceNightId) {
        return patient(patientId) + "/nights/" + Paths.encode(deviceId) + "/" + Paths.encode(deviceNightId);
    }
}
