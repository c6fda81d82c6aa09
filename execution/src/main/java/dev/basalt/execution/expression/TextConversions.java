package dev.basalt.execution.expression;

import dev.basalt.execution.vector.DateTimes;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.util.Locale;

/** Parsing and formatting between text and SQL values, with PostgreSQL-style error codes and messages. */
final class TextConversions
{
    private TextConversions() {}

    static BasaltException invalidText(String typeName, String text)
    {
        return new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    static BasaltException invalidDatetime(String typeName, String text)
    {
        return new BasaltException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    static BasaltException fieldOutOfRange(String text)
    {
        return new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }

    static long parseLong(String text, String typeName)
    {
        String trimmed = text.strip();
        int length = trimmed.length();
        if (length == 0) {
            throw invalidText(typeName, text);
        }
        int i = 0;
        boolean negative = false;
        char first = trimmed.charAt(0);
        if (first == '+' || first == '-') {
            negative = first == '-';
            i = 1;
            if (length == 1) {
                throw invalidText(typeName, text);
            }
        }
        long value = 0;
        for (; i < length; i++) {
            char c = trimmed.charAt(i);
            if (c == '_' && i > 0 && i + 1 < length && Character.isDigit(trimmed.charAt(i - 1)) && Character.isDigit(trimmed.charAt(i + 1))) {
                continue;
            }
            if (c < '0' || c > '9') {
                throw invalidText(typeName, text);
            }
            try {
                value = Math.subtractExact(Math.multiplyExact(value, 10), c - '0');
            }
            catch (ArithmeticException e) {
                throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type " + typeName);
            }
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type " + typeName);
            }
            value = -value;
        }
        return value;
    }

    static double parseDouble(String text, String typeName)
    {
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> { }
        }
        if (trimmed.isEmpty() || !isNumericText(trimmed)) {
            throw invalidText(typeName, text);
        }
        try {
            return Double.parseDouble(trimmed);
        }
        catch (NumberFormatException e) {
            // "1.2.3", "1e", "+-1": only the character set was checked above
            throw invalidText(typeName, text);
        }
    }

    private static boolean isNumericText(String text)
    {
        // Double.parseDouble also accepts hex, 'd'/'f' suffixes and "Infinity": SQL does not.
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            }
            else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        return digit;
    }

    static BigDecimal parseDecimal(String text, String typeName)
    {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !isNumericText(trimmed)) {
            throw invalidText(typeName, text);
        }
        try {
            return new BigDecimal(trimmed);
        }
        catch (NumberFormatException e) {
            throw invalidText(typeName, text);
        }
    }

    static boolean parseBoolean(String text)
    {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw invalidText("boolean", text);
        };
    }

    /** Days since the epoch of 'YYYY-MM-DD' (surrounding blanks allowed). */
    static long parseDate(String text)
    {
        String trimmed = text.strip();
        long[] fields = new long[3];
        int end = parseDateFields(trimmed, fields);
        if (end != trimmed.length()) {
            throw invalidDatetime("date", text);
        }
        return checkedEpochDay(fields, text);
    }

    private static long checkedEpochDay(long[] fields, String text)
    {
        long year = fields[0];
        long month = fields[1];
        long day = fields[2];
        if (month < 1 || month > 12 || day < 1 || day > DateTimes.lengthOfMonth(year, (int) month) || Math.abs(year) > 5_000_000) {
            throw fieldOutOfRange(text);
        }
        return DateTimes.epochDay(year, (int) month, (int) day);
    }

    /** Parses y-m-d at the start; returns the index after it or throws. */
    private static int parseDateFields(String text, long[] fields)
    {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && text.charAt(i) == '-') {
            negative = true;
            i++;
        }
        for (int f = 0; f < 3; f++) {
            int start = i;
            long value = 0;
            while (i < text.length() && Character.isDigit(text.charAt(i)) && i - start < 9) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                throw invalidDatetime("date", text);
            }
            fields[f] = value;
            if (f < 2) {
                if (i >= text.length() || text.charAt(i) != '-') {
                    throw invalidDatetime("date", text);
                }
                i++;
            }
        }
        if (negative) {
            fields[0] = -fields[0];
        }
        return i;
    }

    /** Epoch microseconds of 'YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]]'. */
    static long parseTimestamp(String text)
    {
        String trimmed = text.strip();
        long[] fields = new long[3];
        int i;
        try {
            i = parseDateFields(trimmed, fields);
        }
        catch (BasaltException e) {
            throw invalidDatetime("timestamp", text);
        }
        long day = checkedEpochDay(fields, text);
        long micros = 0;
        if (i < trimmed.length()) {
            char separator = trimmed.charAt(i);
            if (separator != ' ' && separator != 'T') {
                throw invalidDatetime("timestamp", text);
            }
            String time = trimmed.substring(i + 1).strip();
            micros = parseTime(time, text);
        }
        try {
            return Math.addExact(Math.multiplyExact(day, DateTimes.MICROS_PER_DAY), micros);
        }
        catch (ArithmeticException e) {
            throw fieldOutOfRange(text);
        }
    }

    private static long parseTime(String time, String original)
    {
        String[] parts = time.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw invalidDatetime("timestamp", original);
        }
        try {
            long hours = Long.parseLong(parts[0]);
            long minutes = Long.parseLong(parts[1]);
            long micros = 0;
            if (parts.length == 3) {
                String seconds = parts[2];
                int dot = seconds.indexOf('.');
                long wholeSeconds = Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot));
                if (dot >= 0) {
                    String fraction = (seconds.substring(dot + 1) + "000000").substring(0, 6);
                    if (!fraction.chars().allMatch(Character::isDigit)) {
                        throw invalidDatetime("timestamp", original);
                    }
                    micros = Long.parseLong(fraction);
                }
                if (wholeSeconds < 0 || wholeSeconds > 60) {
                    throw fieldOutOfRange(original);
                }
                micros += wholeSeconds * DateTimes.MICROS_PER_SECOND;
            }
            if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || hours == 24 && (minutes > 0 || micros > 0)) {
                throw fieldOutOfRange(original);
            }
            return (hours * 60 + minutes) * 60 * DateTimes.MICROS_PER_SECOND + micros;
        }
        catch (NumberFormatException e) {
            throw invalidDatetime("timestamp", original);
        }
    }

    /** Parses '3 days', '1 year 2 months', '10:00:00', '1 day 02:30' (ISO 8601 'P1D' is not supported). */
    static Interval parseInterval(String text)
    {
        String[] tokens = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        long months = 0;
        long days = 0;
        long micros = 0;
        boolean any = false;
        try {
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (token.isEmpty()) {
                    continue;
                }
                if (token.contains(":")) {
                    boolean negative = token.startsWith("-");
                    long value = parseTime(negative ? token.substring(1) : token, text);
                    micros += negative ? -value : value;
                    any = true;
                    continue;
                }
                if (i + 1 >= tokens.length) {
                    throw invalidText("interval", text);
                }
                BigDecimal amount = new BigDecimal(token);
                String unit = tokens[++i];
                switch (unit.endsWith("s") && unit.length() > 2 ? unit.substring(0, unit.length() - 1) : unit) {
                    case "year", "y" -> months += amount.multiply(BigDecimal.valueOf(12)).longValueExact();
                    case "month", "mon" -> months += amount.longValueExact();
                    case "week", "w" -> days += amount.multiply(BigDecimal.valueOf(7)).longValueExact();
                    case "day", "d" -> days += amount.longValueExact();
                    case "hour", "h" -> micros += amount.multiply(BigDecimal.valueOf(3_600_000_000L)).longValueExact();
                    case "minute", "min", "m" -> micros += amount.multiply(BigDecimal.valueOf(60_000_000L)).longValueExact();
                    case "second", "sec", "s" -> micros += amount.multiply(BigDecimal.valueOf(1_000_000L)).longValueExact();
                    case "millisecond", "msec", "ms" -> micros += amount.multiply(BigDecimal.valueOf(1000L)).longValueExact();
                    case "microsecond", "usec", "us" -> micros += amount.longValueExact();
                    default -> throw invalidText("interval", text);
                }
                any = true;
            }
        }
        catch (NumberFormatException | ArithmeticException e) {
            throw invalidText("interval", text);
        }
        if (!any || (int) months != months || (int) days != days) {
            throw invalidText("interval", text);
        }
        return new Interval((int) months, (int) days, micros);
    }

    static String formatDate(long epochDay)
    {
        long civil = DateTimes.civil(epochDay);
        long year = DateTimes.year(civil);
        StringBuilder out = new StringBuilder(10);
        appendYear(out, year);
        out.append('-');
        appendTwo(out, DateTimes.month(civil));
        out.append('-');
        appendTwo(out, DateTimes.day(civil));
        if (year <= 0) {
            // proleptic year 0 is 1 BC, as PostgreSQL and DuckDB print it
            return formatBc(epochDay);
        }
        return out.toString();
    }

    private static String formatBc(long epochDay)
    {
        long civil = DateTimes.civil(epochDay);
        long year = 1 - DateTimes.year(civil);
        StringBuilder out = new StringBuilder();
        appendYear(out, year);
        out.append('-');
        appendTwo(out, DateTimes.month(civil));
        out.append('-');
        appendTwo(out, DateTimes.day(civil));
        return out.append(" (BC)").toString();
    }

    private static void appendYear(StringBuilder out, long year)
    {
        String digits = Long.toString(year);
        for (int i = digits.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static void appendTwo(StringBuilder out, long value)
    {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    static String formatTimestamp(long micros)
    {
        long day = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(micros, DateTimes.MICROS_PER_DAY);
        String date = formatDate(day);
        StringBuilder out = new StringBuilder(26);
        boolean bc = date.endsWith(" (BC)");
        out.append(bc ? date.substring(0, date.length() - 5) : date).append(' ');
        long seconds = timeOfDay / DateTimes.MICROS_PER_SECOND;
        appendTwo(out, seconds / 3600);
        out.append(':');
        appendTwo(out, seconds / 60 % 60);
        out.append(':');
        appendTwo(out, seconds % 60);
        long fraction = timeOfDay % DateTimes.MICROS_PER_SECOND;
        if (fraction != 0) {
            String digits = Long.toString(fraction + 1_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        if (bc) {
            out.append(" (BC)");
        }
        return out.toString();
    }

    /** Shortest round-trip text of a double, Python/DuckDB style: 1.0, 0.1, 1e+20, 1e-05, inf, nan. */
    static String formatDouble(double value)
    {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String digits = decimal.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
        return out.toString();
    }

    static String formatFloat(float value)
    {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return formatDouble(value);
        }
        return formatDouble(Double.parseDouble(Float.toString(value)));
    }
}
