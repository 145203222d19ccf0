package org.legwatch.host.web;

import java.util.List;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.TherapyKind;

/** {@code /}: every patient with their nights at a glance. */
final class PatientsPage {
    private final Store store;

    PatientsPage(Store store) {
        this.store = store;
    }

    Response render(Request request) throws StoreException, HttpProblem {
        request.allowOnly();
        List<Patient> patients = store.patients();
        Table table = new Table("", "Patient", "Name", "Nights", "Valid nights", "First night", "Last night",
                "Recent PLMI (/h in bed)", "IV iron doses");
        for (Patient patient : patients) {
            List<NightRow> nights = store.nights(patient.id());
            long valid = nights.stream().filter(NightRow::valid).count();
            long infusions = store.therapy(patient.id()).stream().filter(e -> e.kind() == TherapyKind.IV_IRON).count();
            table.row(Table.link(Links.patient(patient.id()), patient.id()), patient.name(), nights.size(), valid,
                    nights.isEmpty() ? "" : nights.get(0).eveningDate(),
                    nights.isEmpty() ? "" : nights.get(nights.size() - 1).eveningDate(),
                    Table.number(RecentPlmi.of(nights).median(), 1), infusions);
        }
        String main = "<h1>Patients</h1>\n"
                + "<p class=\"lead\">" + patients.size() + (patients.size() == 1 ? " patient" : " patients")
                + " in the store. Recent PLMI is the median PLM index of the last " + RecentPlmi.NIGHTS
                + " valid nights.</p>\n"
                + (patients.isEmpty() ? "<p>No patients yet: add them with <code>legwatch patient add</code>.</p>"
                        : table.html());
        return Response.html(Layout.page("Patients", List.of(), main, request.authenticated()));
    }
}
