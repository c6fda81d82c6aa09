package dev.basalt.jdbc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Text for a value as the shell prints it: DECIMAL in plain notation at its scale, TIMESTAMP as
 * {@code 2024-01-02 03:04:05.123456} (trailing zero fractions dropped), doubles without exponent in the usual
 * range, booleans as true/false, BLOB as DuckDB prints it (printable ASCII, other bytes {@code \xHH}).
 */
public final class ValueFormatter
{
    private ValueFormatter() {}

    /** The text of a canonical value (see {@link dev.basalt.spi.value.Values}); null for NULL. */
    public static String format(Object value)
    {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Double d -> formatDouble(d);
            case Float f -> formatFloat(f);
            case LocalDateTime t -> formatTimestamp(t);
            case LocalDate d -> d.toString();
            case byte[] bytes -> dev.basalt.spi.value.Blobs.toText(bytes);
            default -> value.toString();
        };
    }

    static String formatDouble(double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return plain(Double.toString(value), Math.abs(value));
    }

    static String formatFloat(float value)
    {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return Float.toString(value);
        }
        return plain(Float.toString(value), Math.abs(value));
    }

    // Java's shortest round-trip digits, but written out in plain notation between 1e-4 and 1e15 (1.0E7 -> 10000000.0).
    private static String plain(String shortest, double magnitude)
    {
        if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e15)) {
            return shortest;
        }
        if (shortest.indexOf('E') < 0) {
            return shortest;
        }
        String text = new BigDecimal(shortest).toPlainString();
        return text.indexOf('.') < 0 ? text + ".0" : text;
    }

    static String formatTimestamp(LocalDateTime timestamp)
    {
        StringBuilder out = new StringBuilder(26);
        out.append(timestamp.toLocalDate()).append(' ');
        appendTwoDigits(out, timestamp.getHour()).append(':');
        appendTwoDigits(out, timestamp.getMinute()).append(':');
        appendTwoDigits(out, timestamp.getSecond());
        int micros = timestamp.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        return out.toString();
    }

    private static StringBuilder appendTwoDigits(StringBuilder out, int value)
    {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
