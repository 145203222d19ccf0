package org.legwatch.host.store;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of therapy record events, with their codes in the therapy CSV and the unit values are
 * kept in.
 */
public enum TherapyKind {
    /** An IV iron infusion: detail = product, value = dose in mg. */
    IV_IRON("iv_iron", "mg", true, true),
    /** An oral iron course begins: detail = product, value = daily elemental iron in mg. */
    ORAL_IRON_START("oral_iron_start", "mg", true, true),
    /** An oral iron course ends: detail = product, value = its daily elemental mg if known. */
    ORAL_IRON_STOP("oral_iron_stop", "mg", true, false),
    /** Serum ferritin, ug/L (= ng/mL). */
    FERRITIN("ferritin", "ug/L", false, true),
    /** Transferrin saturation, %. */
    TSAT("tsat", "%", false, true),
    /** Haemoglobin, g/dL. */
    HEMOGLOBIN("hemoglobin", "g/dL", false, true),
    /** An RLS medication change: detail = drug and change (e.g. "pramipexole stop"); value and unit free. */
    MEDICATION("medication", "", true, false);

    private final String code;
    private final String unit;
    private final boolean needsDetail;
    private final boolean needsValue;

    TherapyKind(String code, String unit, boolean needsDetail, boolean needsValue) {
        this.code = code;
        this.unit = unit;
        this.needsDetail = needsDetail;
        this.needsValue = needsValue;
    }

    /** The code in the therapy CSV's {@code kind} column. */
    public String code() {
        return code;
    }

    /** The unit values are stored in; empty for {@link #MEDICATION}, whose unit is free text. */
    public String unit() {
        return unit;
    }

    public boolean needsDetail() {
        return needsDetail;
    }

    public boolean needsValue() {
        return needsValue;
    }

    public static Optional<TherapyKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The codes, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(TherapyKind::code).collect(Collectors.joining(", "));
    }
}
