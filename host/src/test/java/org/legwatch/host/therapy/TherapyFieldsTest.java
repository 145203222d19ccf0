package org.legwatch.host.therapy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;

class TherapyFieldsTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static TherapyEvent event(String kind, String detail, String value, String unit) throws FieldProblem {
        return TherapyFields.event("P1", "2025-05-01", kind, detail, value, unit, TODAY);
    }

    private static FieldProblem problem(String date, String kind, String detail, String value, String unit) {
        return assertThrows(FieldProblem.class, () -> TherapyFields.event("P1", date, kind, detail, value, unit, TODAY));
    }

    @Test
    void unitsConvertOnlyWhenExactlyConvertible() throws Exception {
        assertEquals(OptionalDouble.of(45), event("ferritin", "", "45", "ng/mL").value());
        assertEquals(OptionalDouble.of(45), event("ferritin", "", "45", "µg/L").value());
        assertEquals(OptionalDouble.of(45), event("ferritin", "", "45", "MCG/L").value());
        assertEquals("ug/L", event("ferritin", "", "45", "ng/ml").unit());
        assertEquals(OptionalDouble.of(12.3), event("hemoglobin", "", "123", "g/L").value());
        assertEquals(OptionalDouble.of(1000), event("iv_iron", "ferric carboxymaltose", "1", "g").value());
        assertEquals("unit", problem("2025-05-01", "ferritin", "", "45", "pmol/L").field());
        assertEquals("unit", problem("2025-05-01", "ferritin", "", "45", "").field());
        assertEquals("unit", problem("2025-05-01", "hemoglobin", "", "7.5", "mmol/L").field());
    }

    @Test
    void valuesAreCheckedForTheirKind() throws Exception {
        assertTrue(problem("2025-05-01", "iv_iron", "fcm", "2001", "mg").getMessage().contains("implausible"));
        assertTrue(problem("2025-05-01", "iv_iron", "fcm", "-1", "mg").getMessage().contains("negative dose"));
        assertTrue(problem("2025-05-01", "tsat", "", "101", "%").getMessage().contains("implausible"));
        assertTrue(problem("2025-05-01", "iv_iron", "fcm", "many", "mg").getMessage().contains("not a number"));
        assertEquals("value", problem("2025-05-01", "ferritin", "", "", "ug/L").field());
        assertEquals("detail", problem("2025-05-01", "iv_iron", "", "500", "mg").field());
        assertEquals("detail", problem("2025-05-01", "medication", "", "", "").field());
        assertEquals("detail", problem("2025-05-01", "iv_iron", "fcm, 2 bags", "500", "mg").field());
        TherapyEvent stop = event("oral_iron_stop", "ferrous sulfate", "", "mg");
        assertEquals(OptionalDouble.empty(), stop.value());
        assertEquals("", stop.unit());
        TherapyEvent medication = event("medication", "gabapentin start", "300", "mg");
        assertEquals(TherapyKind.MEDICATION, medication.kind());
        assertEquals("mg", medication.unit());
    }

    @Test
    void datesMustExistAndNotBeInTheFuture() throws Exception {
        assertEquals("date", problem("2025-02-29", "tsat", "", "20", "%").field());
        assertEquals("date", problem("1899-12-31", "tsat", "", "20", "%").field());
        assertEquals("date", problem("2025-06-02", "tsat", "", "20", "%").field());
        assertEquals("date", problem("1.5.2025", "tsat", "", "20", "%").field());
        assertEquals(LocalDate.of(2024, 2, 29),
                TherapyFields.event("P1", "2024-02-29", "tsat", "", "20", "%", TODAY).date());
        assertEquals("kind", problem("2025-05-01", "vitamin_d", "", "20", "%").field());
        assertEquals("patient", assertThrows(FieldProblem.class,
                () -> TherapyFields.event("P 1", "2025-05-01", "tsat", "", "20", "%", TODAY)).field());
    }
}
