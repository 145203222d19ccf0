package org.legwatch.host.store.influx;

import java.util.List;
import java.util.Map;
import org.legwatch.host.store.StoreException;

/**
 * One row of an InfluxQL result, by column name, with typed access. The v1 API's JSON turns every
 * number into a double: integers are exact up to 2^53, which covers every integer field and every
 * timestamp in microseconds (the store queries with {@code epoch=u}); the one field that may exceed
 * it (a monotonic clock in ns) is kept as text.
 */
record InfluxRow(String measurement, Map<String, Integer> columns, List<Object> values, Map<String, String> tags) {

    /** A column's value, or a GROUP BY tag's; {@code null} when absent. */
    private Object get(String column) {
        Integer index = columns.get(column);
        if (index != null) {
            return values.get(index);
        }
        return tags == null ? null : tags.get(column);
    }

    boolean has(String column) {
        return get(column) != null;
    }

    String text(String column) throws StoreException {
        Object value = get(column);
        if (!(value instanceof String text)) {
            throw missing(column, value);
        }
        return text;
    }

    /** A tag that may be absent (InfluxDB drops empty tag values). */
    String textOrEmpty(String column) throws StoreException {
        return has(column) ? text(column) : "";
    }

    long integer(String column) throws StoreException {
        Object value = get(column);
        if (!(value instanceof Number number)) {
            throw missing(column, value);
        }
        double d = number.doubleValue();
        long l = (long) d;
        if (l != d || Math.abs(d) > (1L << 53)) {
            throw new StoreException(measurement + "." + column + ": " + d + " is not an exact whole number");
        }
        return l;
    }

    int smallInteger(String column) throws StoreException {
        return Math.toIntExact(integer(column));
    }

    /** A float field; absent (the store leaves undefined numbers out) is NaN. */
    double number(String column) throws StoreException {
        Object value = get(column);
        if (value == null) {
            return Double.NaN;
        }
        if (!(value instanceof Number number)) {
            throw missing(column, value);
        }
        return number.doubleValue();
    }

    boolean bool(String column) throws StoreException {
        Object value = get(column);
        if (!(value instanceof Boolean b)) {
            throw missing(column, value);
        }
        return b;
    }

    /** The point's time in microseconds since the epoch. */
    long timeUs() throws StoreException {
        return integer("time");
    }

    private StoreException missing(String column, Object value) {
        return new StoreException("InfluxDB " + measurement + " point has " + (value == null ? "no " + column
                : "an unexpected " + column + " " + value) + ": was it written by legwatch?");
    }
}
