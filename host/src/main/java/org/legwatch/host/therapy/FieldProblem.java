package org.legwatch.host.therapy;

/** A value that cannot be accepted, with the field (CSV column) it is in. */
public final class FieldProblem extends Exception {
    private final String field;

    public FieldProblem(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The CSV column name of the field. */
    public String field() {
        return field;
    }
}
