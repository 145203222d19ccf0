package org.legwatch.analysis.response;

/** The kinds of entries in a patient's therapy record, with their codes in the therapy CSV. */
public enum TherapyKind {
    IV_IRON("iv_iron"),
    ORAL_IRON_START("oral_iron_start"),
    ORAL_IRON_STOP("oral_iron_stop"),
    FERRITIN("ferritin"),
    TSAT("tsat"),
    HEMOGLOBIN("hemoglobin"),
    MEDICATION("medication");

    private final String code;

    TherapyKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind with this code, or {@code null}. */
    public static TherapyKind fromCode(String code) {
        for (TherapyKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }

    /** Every code, for messages. */
    public static String codes() {
        StringBuilder text = new StringBuilder();
        for (TherapyKind kind : values()) {
            text.append(text.isEmpty() ? "" : ", ").append(kind.code);
        }
        return text.toString();
    }
}
