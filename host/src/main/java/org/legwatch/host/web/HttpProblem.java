package org.legwatch.host.web;

/**
 * A request the dashboard answers with an error status: an unknown patient or night (404), a bad
 * parameter (400) and the like. The message is shown to the user on the error page; it is never
 * logged, since it may name a patient.
 */
class HttpProblem extends Exception {
    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }
}
