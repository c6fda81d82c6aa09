package dev.basalt.sqllogictest;

import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Formats one result value as sqllogictest prints it, by the column's type character:
 * <ul>
 *   <li>{@code I}: an integer ({@code %d}); decimals and floats are truncated toward zero as SQLite's
 *       {@code sqlite3_column_int64} does; booleans print 1/0 (SQLite has no booleans, its corpus expects 1/0);
 *       text that is not a number prints as text.</li>
 *   <li>{@code R}: {@code %.3f} of the exact value, rounded like C's printf (half-even on the binary value for
 *       floats, half-up for decimals); booleans 1.000/0.000.</li>
 *   <li>{@code T} (and anything else): text. Empty string as {@code (empty)}, control characters as {@code @};
 *       booleans true/false, decimals with their scale, dates ISO, timestamps {@code yyyy-MM-dd HH:mm:ss[.ffffff]}
 *       (trailing zeros of the fraction dropped, as DuckDB prints), intervals as DuckDB prints them.</li>
 * </ul>
 * NULL is {@code NULL} for every type.
 */
public final class ValueFormatter
{
    private ValueFormatter() {}

    public static String format(Object value, char type)
    {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> formatInteger(value);
            case 'R' -> formatReal(value);
            default -> formatText(value);
        };
    }

    private static String formatInteger(Object value)
    {
        return switch (value) {
            case Boolean b -> b ? "1" : "0";
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case BigInteger i -> i.toString();
            case BigDecimal d -> d.toBigInteger().toString();
            case Double d -> integerOf(d);
            case Float f -> integerOf(f.doubleValue());
            case String s -> {
                BigDecimal number = parseNumber(s);
                yield number == null ? formatText(s) : number.toBigInteger().toString();
            }
            default -> formatText(value);
        };
    }

    private static String integerOf(double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return formatText(value);
        }
        // Java's cast truncates toward zero and saturates, like SQLite's real-to-int64 conversion.
        return Long.toString((long) value);
    }

    private static String formatReal(Object value)
    {
        return switch (value) {
            case Boolean b -> b ? "1.000" : "0.000";
            case Long l -> l + ".000";
            case Integer i -> i + ".000";
            case Short s -> s + ".000";
            case Byte b -> b + ".000";
            case BigInteger i -> i + ".000";
            case BigDecimal d -> d.setScale(3, RoundingMode.HALF_UP).toPlainString();
            case Double d -> realOf(d);
            case Float f -> realOf(f.doubleValue());
            case String s -> {
                BigDecimal number = parseNumber(s);
                yield number == null ? formatText(s) : number.setScale(3, RoundingMode.HALF_UP).toPlainString();
            }
            default -> formatText(value);
        };
    }

    /** C's {@code printf("%.3f", d)}: rounds the exact binary value, keeps the sign of negative values that round to 0. */
    static String realOf(double value)
    {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN);
        String text = rounded.toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (negative && rounded.signum() == 0) {
            return "-" + text;
        }
        return text;
    }

    private static String formatText(Object value)
    {
        String text = toText(value);
        if (text.isEmpty()) {
            return "(empty)";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ') {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append('@');
            }
            else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The engine-neutral text of a value (what a T column shows before the sqllogictest substitutions). */
    public static String toText(Object value)
    {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case BigDecimal d -> d.toPlainString();
            case Double d -> d.toString();
            case Float f -> f.toString();
            case LocalDate d -> d.toString();
            case LocalDateTime t -> formatTimestamp(t);
            case Interval i -> i.toString();
            case byte[] bytes -> dev.basalt.spi.value.Blobs.toText(bytes);
            default -> value.toString();
        };
    }

    static String formatTimestamp(LocalDateTime timestamp)
    {
        StringBuilder out = new StringBuilder(timestamp.toLocalDate().toString());
        out.append(' ');
        appendTwoDigits(out, timestamp.getHour());
        out.append(':');
        appendTwoDigits(out, timestamp.getMinute());
        out.append(':');
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

    private static void appendTwoDigits(StringBuilder out, int value)
    {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    private static BigDecimal parseNumber(String text)
    {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !(Character.isDigit(trimmed.charAt(trimmed.length() - 1)))) {
            return null;
        }
        try {
            return new BigDecimal(trimmed);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
