package org.legwatch.host.therapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.legwatch.host.store.Ids;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;

/**
 * One therapy event from the texts of its fields (the columns of the therapy CSV, or the options of
 * {@code legwatch therapy add}), checked and converted to the stored units. The checks:
 * <ul>
 *   <li>date: {@code YYYY-MM-DD}, a real calendar day, not after today, not before 1900;
 *   <li>kind: one of {@link TherapyKind#codes()}; detail present where the kind needs it;
 *   <li>value: a number, not negative, and plausible for the kind (see {@link #plausibleRange});
 *   <li>unit: the kind's unit or one convertible exactly: ferritin in ng/mL is the same number as
 *       ug/L (also written µg/L or mcg/L), haemoglobin in g/L is divided by 10, an IV dose in g is
 *       multiplied by 1000; anything else is refused.
 * </ul>
 */
public final class TherapyFields {
    public static final String PATIENT = "patient";
    public static final String DATE = "date";
    public static final String KIND = "kind";
    public static final String DETAIL = "detail";
    public static final String VALUE = "value";
    public static final String UNIT = "unit";
    /** The columns of the therapy CSV, in order. */
    public static final String HEADER = String.join(",", PATIENT, DATE, KIND, DETAIL, VALUE, UNIT);

    /** Most IV iron a patient may get on one day, mg: more is a typing error, not a treatment. */
    public static final double MAX_IV_MG_PER_DAY = 2000;

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Units accepted per kind, lower case, with the factor to the stored unit. */
    private static final Map<TherapyKind, Map<String, Double>> UNITS = Map.of(
            TherapyKind.IV_IRON, Map.of("mg", 1.0, "g", 1000.0),
            TherapyKind.ORAL_IRON_START, Map.of("mg", 1.0),
            TherapyKind.ORAL_IRON_STOP, Map.of("mg", 1.0),
            TherapyKind.FERRITIN, Map.of("ug/l", 1.0, "µg/l", 1.0, "μg/l", 1.0, "mcg/l", 1.0, "ng/ml", 1.0),
            TherapyKind.TSAT, Map.of("%", 1.0),
            TherapyKind.HEMOGLOBIN, Map.of("g/dl", 1.0, "g/l", 0.1));

    private TherapyFields() {
    }

    /**
     * The plausible values of a kind in its stored unit, [low, high]; a value outside is refused.
     * IV iron: up to {@link #MAX_IV_MG_PER_DAY} mg; oral iron: up to 400 mg elemental a day;
     * ferritin: up to 100,000 ug/L; TSAT 0-100 %; haemoglobin 1-25 g/dL.
     */
    static double[] plausibleRange(TherapyKind kind) {
        return switch (kind) {
            case IV_IRON -> new double[] {1, MAX_IV_MG_PER_DAY};
            case ORAL_IRON_START, ORAL_IRON_STOP -> new double[] {1, 400};
            case FERRITIN -> new double[] {0, 100_000};
            case TSAT -> new double[] {0, 100};
            case HEMOGLOBIN -> new double[] {1, 25};
            case MEDICATION -> new double[] {0, Double.MAX_VALUE};
        };
    }

    /** Checks the fields and builds the event in stored units. */
    public static TherapyEvent event(String patient, String date, String kind, String detail, String value, String unit,
                                     LocalDate today) throws FieldProblem {
        String patientId = patient.strip();
        try {
            Ids.requireCode("patient id", patientId);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(PATIENT, e.getMessage());
        }
        LocalDate day = date(date.strip(), today);
        TherapyKind type = TherapyKind.fromCode(kind.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new FieldProblem(KIND, "unknown kind '" + kind.strip() + "': use one of " + TherapyKind.codes()));
        String detailText = detail.strip();
        if (type.needsDetail() && detailText.isEmpty()) {
            throw new FieldProblem(DETAIL, type.code() + " needs a detail: " + (type == TherapyKind.MEDICATION
                    ? "the drug and the change, e.g. 'pramipexole stop'" : "the product, e.g. 'ferric carboxymaltose'"));
        }
        checkText(DETAIL, detailText);
        String unitText = unit.strip();
        checkText(UNIT, unitText);
        String valueText = value.strip();
        if (valueText.isEmpty()) {
            if (type.needsValue()) {
                throw new FieldProblem(VALUE, type.code() + " needs a value" + unitHint(type));
            }
            return new TherapyEvent(patientId, day, type, detailText, OptionalDouble.empty(),
                    type == TherapyKind.MEDICATION ? unitText : "");
        }
        double number = number(valueText);
        if (number < 0) {
            throw new FieldProblem(VALUE, "negative " + (type == TherapyKind.IV_IRON || type.code().startsWith("oral")
                    ? "dose" : "value") + " " + valueText);
        }
        if (type == TherapyKind.MEDICATION) {
            return new TherapyEvent(patientId, day, type, detailText, OptionalDouble.of(number), unitText);
        }
        Double factor = UNITS.get(type).get(unitText.toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new FieldProblem(UNIT, unitText.isEmpty() ? "unit missing" + unitHint(type)
                    : type.code() + " in '" + unitText + "' cannot be converted" + unitHint(type));
        }
        double stored = new BigDecimal(valueText).multiply(BigDecimal.valueOf(factor)).doubleValue();
        double[] range = plausibleRange(type);
        if (stored < range[0] || stored > range[1]) {
            throw new FieldProblem(VALUE, "implausible " + type.code() + " " + plain(stored) + " " + type.unit()
                    + " (expected " + plain(range[0]) + "-" + plain(range[1]) + " " + type.unit() + ")");
        }
        return new TherapyEvent(patientId, day, type, detailText, OptionalDouble.of(stored), type.unit());
    }

    private static String unitHint(TherapyKind kind) {
        return switch (kind) {
            case FERRITIN -> " (use ug/L, or ng/mL which is the same number)";
            case HEMOGLOBIN -> " (use g/dL or g/L)";
            case IV_IRON -> " (use mg or g)";
            case MEDICATION -> "";
            default -> " (use " + kind.unit() + ")";
        };
    }

    private static LocalDate date(String text, LocalDate today) throws FieldProblem {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(DATE, "'" + text + "' is not a date YYYY-MM-DD that exists");
        }
        if (day.isAfter(today)) {
            throw new FieldProblem(DATE, day + " is in the future (today is " + today + ")");
        }
        if (day.isBefore(EARLIEST)) {
            throw new FieldProblem(DATE, day + " is before 1900");
        }
        return day;
    }

    private static double number(String text) throws FieldProblem {
        try {
            double number = new BigDecimal(text).doubleValue();
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw new FieldProblem(VALUE, "'" + text + "' is not a number");
        }
        throw new FieldProblem(VALUE, "'" + text + "' is out of range");
    }

    private static void checkText(String field, String text) throws FieldProblem {
        if (text.length() > TherapyEvent.MAX_TEXT || text.indexOf('"') >= 0 || text.indexOf(',') >= 0
                || text.chars().anyMatch(Character::isISOControl)) {
            throw new FieldProblem(field, "at most " + TherapyEvent.MAX_TEXT
                    + " characters, without commas or quotes (the therapy CSV has no quoting)");
        }
    }

    /** A number as the CSV writes it: the shortest exact decimal, no exponent. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
