package org.legwatch.host.web;

import java.util.List;
import java.util.Optional;
import org.legwatch.host.report.ReportText;
import org.legwatch.host.report.html.Html;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.TherapyKind;

/** {@code /}: every patient with their nights at a glance, from the night rows alone (no analysis). */
final class PatientsPage {
    private final Store store;

    PatientsPage(Store store) {
        this.store = store;
    }

    Response render(Request request) throws StoreException, HttpProblem {
        request.allowOnly();
        List<Patient> patients = store.patients();
        Html h = new Html();
        h.element("h1", "Patients");
        h.element("p", patients.size() + (patients.size() == 1 ? " patient" : " patients") + " in the store. Open a patient "
                + "for their nights against their iron therapy and the response to each infusion.", "class", "muted");
        if (patients.isEmpty()) {
            h.element("p", "No patients yet: add them with legwatch patient add.");
        } else {
            h.open("table", "id", "patients");
            h.open("thead").row(true, "Patient", "Name", "Nights", "Valid nights", "First night", "Last night",
                    "Last valid night", "PLMI /h", "IV iron doses").close("thead");
            h.open("tbody");
            for (Patient patient : patients) {
                List<NightRow> nights = store.nights(patient.id());
                Optional<NightRow> lastValid = nights.reversed().stream().filter(NightRow::valid).findFirst();
                long doses = store.therapy(patient.id()).stream().filter(e -> e.kind() == TherapyKind.IV_IRON).count();
                h.open("tr").open("td").open("a", "href", Links.patient(patient.id())).text(patient.id()).close("a").close("td");
                h.element("td", patient.name());
                h.element("td", Integer.toString(nights.size()), "class", "num");
                h.element("td", Long.toString(nights.stream().filter(NightRow::valid).count()), "class", "num");
                h.element("td", nights.isEmpty() ? "" : nights.getFirst().eveningDate().toString());
                h.element("td", nights.isEmpty() ? "" : nights.getLast().eveningDate().toString());
                h.element("td", lastValid.map(n -> n.eveningDate().toString()).orElse(ReportText.NONE));
                h.element("td", lastValid.map(n -> ReportText.decimal(n.plmi())).orElse(ReportText.NONE), "class", "num");
                h.element("td", Long.toString(doses), "class", "num");
                h.close("tr");
            }
            h.close("tbody").close("table");
        }
        return Response.html(Layout.page("Patients", List.of(), h.toString(), request.authenticated()));
    }
}
