package dev.basalt.execution.expression;

import dev.basalt.execution.vector.DateTimes;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled strftime/strptime format with DuckDB's (C's) % codes: %a %A %w %u %d %b %h %B %m %y %Y %G %V %U %W %H
 * %I %p %M %S %f (microseconds) %g (milliseconds) %n (nanoseconds) %j %z %Z %c %x %X %%, and the unpadded forms
 * %-d %-m %-y %-H %-I %-M %-S %-j. An unknown code raises 22023; a value that does not match raises 22007.
 * Immutable after construction.
 */
final class StrfTimeFormat
{
    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};

    /** A literal (code == 0) or a specifier; {@code padded} is false for the %-x forms. */
    private record Token(char code, boolean padded, String literal) {}

    private final String text;
    private final List<Token> tokens;

    StrfTimeFormat(String text)
    {
        this.text = text;
        this.tokens = compile(text);
    }

    String text()
    {
        return text;
    }

    private static List<Token> compile(String format)
    {
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 >= format.length()) {
                throw unrecognized(format, "%");
            }
            char code = format.charAt(++i);
            boolean padded = true;
            if (code == '-') {
                if (i + 1 >= format.length()) {
                    throw unrecognized(format, "%-");
                }
                code = format.charAt(++i);
                padded = false;
                if ("dmyHIMSj".indexOf(code) < 0) {
                    throw unrecognized(format, "%-" + code);
                }
            }
            if (code == '%') {
                literal.append('%');
                continue;
            }
            if ("aAwudbhBmyYGVUWHIpMSfgnjzZcxX".indexOf(code) < 0) {
                throw unrecognized(format, "%" + code);
            }
            if (!literal.isEmpty()) {
                tokens.add(new Token((char) 0, true, literal.toString()));
                literal.setLength(0);
            }
            switch (code) {
                // composite codes expand to their parts
                case 'c' -> tokens.addAll(compile("%Y-%m-%d %H:%M:%S"));
                case 'x' -> tokens.addAll(compile("%Y-%m-%d"));
                case 'X' -> tokens.addAll(compile("%H:%M:%S"));
                default -> tokens.add(new Token(code, padded, null));
            }
        }
        if (!literal.isEmpty()) {
            tokens.add(new Token((char) 0, true, literal.toString()));
        }
        return List.copyOf(tokens);
    }

    private static BasaltException unrecognized(String format, String code)
    {
        return new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "unrecognized format specifier " + code + " in \"" + format + "\"");
    }

    // ---------------------------------------------------------------- formatting

    String format(long micros)
    {
        long epochDay = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(micros, DateTimes.MICROS_PER_DAY);
        long civil = DateTimes.civil(epochDay);
        long year = DateTimes.year(civil);
        int month = DateTimes.month(civil);
        int day = DateTimes.day(civil);
        int isoDow = (int) Math.floorMod(epochDay + 3, 7) + 1; // 1970-01-01 was a Thursday (4)
        int dayOfYear = (int) (epochDay - DateTimes.epochDay(year, 1, 1)) + 1;
        int hour = (int) (timeOfDay / 3_600_000_000L);
        int minute = (int) (timeOfDay / 60_000_000L % 60);
        int second = (int) (timeOfDay / 1_000_000L % 60);
        int fraction = (int) (timeOfDay % 1_000_000L);
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) {
            boolean p = token.padded();
            switch (token.code()) {
                case 0 -> out.append(token.literal());
                case 'a' -> out.append(DAY_NAMES[isoDow - 1], 0, 3);
                case 'A' -> out.append(DAY_NAMES[isoDow - 1]);
                case 'w' -> out.append(isoDow % 7);
                case 'u' -> out.append(isoDow);
                case 'd' -> number(out, day, p ? 2 : 1);
                case 'b', 'h' -> out.append(MONTH_NAMES[month - 1], 0, 3);
                case 'B' -> out.append(MONTH_NAMES[month - 1]);
                case 'm' -> number(out, month, p ? 2 : 1);
                case 'y' -> number(out, Math.floorMod(year, 100), p ? 2 : 1);
                case 'Y' -> number(out, year, 4);
                case 'G' -> number(out, isoYear(epochDay, year, isoDow), 4);
                case 'V' -> number(out, isoWeek(epochDay, isoDow), 2);
                case 'U' -> number(out, (dayOfYear - 1 + 7 - isoDow % 7) / 7, 2);
                case 'W' -> number(out, (dayOfYear - 1 + 7 - (isoDow - 1)) / 7, 2);
                case 'H' -> number(out, hour, p ? 2 : 1);
                case 'I' -> number(out, hour % 12 == 0 ? 12 : hour % 12, p ? 2 : 1);
                case 'p' -> out.append(hour < 12 ? "AM" : "PM");
                case 'M' -> number(out, minute, p ? 2 : 1);
                case 'S' -> number(out, second, p ? 2 : 1);
                case 'f' -> number(out, fraction, 6);
                case 'g' -> number(out, fraction / 1000, 3);
                case 'n' -> number(out, fraction * 1000L, 9);
                case 'j' -> number(out, dayOfYear, p ? 3 : 1);
                case 'z' -> out.append("+00");
                case 'Z' -> { }
                default -> throw new IllegalStateException("unexpected code " + token.code());
            }
        }
        return out.toString();
    }

    private static void number(StringBuilder out, long value, int width)
    {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** The Monday of the ISO week containing {@code epochDay}. */
    private static long isoWeekMonday(long epochDay, int isoDow)
    {
        return epochDay - (isoDow - 1);
    }

    private static long isoYear(long epochDay, long year, int isoDow)
    {
        // the ISO year is the year of the week's Thursday
        return DateTimes.year(DateTimes.civil(isoWeekMonday(epochDay, isoDow) + 3));
    }

    private static int isoWeek(long epochDay, int isoDow)
    {
        long thursday = isoWeekMonday(epochDay, isoDow) + 3;
        long year = DateTimes.year(DateTimes.civil(thursday));
        return (int) ((thursday - DateTimes.epochDay(year, 1, 1)) / 7) + 1;
    }

    // ---------------------------------------------------------------- parsing

    /** Parses {@code value} completely (surrounding white space allowed) into epoch microseconds. */
    long parse(String value)
    {
        long year = 1900;
        int month = 1;
        int day = 1;
        int dayOfYear = -1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        int pm = -1;
        boolean twelveHour = false;
        long offsetMinutes = 0;
        int[] position = {0};
        for (Token token : tokens) {
            if (token.code() == 0) {
                String literal = token.literal();
                for (int i = 0; i < literal.length(); i++) {
                    char c = literal.charAt(i);
                    if (Character.isWhitespace(c)) {
                        skipSpaces(value, position);
                    }
                    else if (position[0] < value.length() && value.charAt(position[0]) == c) {
                        position[0]++;
                    }
                    else {
                        throw mismatch(value);
                    }
                }
                continue;
            }
            switch (token.code()) {
                case 'Y', 'G' -> year = signedNumber(value, position, 1, 9);
                case 'y' -> {
                    long twoDigits = number(value, position, 1, 2);
                    year = twoDigits < 69 ? 2000 + twoDigits : 1900 + twoDigits;
                }
                case 'm' -> month = (int) number(value, position, 1, 2);
                case 'd' -> day = (int) number(value, position, 1, 2);
                case 'j' -> dayOfYear = (int) number(value, position, 1, 3);
                case 'H' -> hour = (int) number(value, position, 1, 2);
                case 'I' -> {
                    hour = (int) number(value, position, 1, 2);
                    twelveHour = true;
                    if (hour < 1 || hour > 12) {
                        throw mismatch(value);
                    }
                }
                case 'M' -> minute = (int) number(value, position, 1, 2);
                case 'S' -> second = (int) number(value, position, 1, 2);
                case 'f', 'g', 'n' -> {
                    int maxDigits = token.code() == 'f' ? 6 : token.code() == 'g' ? 3 : 9;
                    int start = position[0];
                    long fraction = number(value, position, 1, maxDigits);
                    for (int digits = position[0] - start; digits < 9; digits++) {
                        fraction *= 10;
                    }
                    micros = fraction / 1000;
                }
                case 'p' -> {
                    String word = word(value, position, 2);
                    pm = switch (word.toUpperCase(Locale.ROOT)) {
                        case "AM" -> 0;
                        case "PM" -> 1;
                        default -> throw mismatch(value);
                    };
                }
                case 'a', 'A' -> name(value, position, DAY_NAMES, token.code() == 'a');
                case 'b', 'h', 'B' -> month = name(value, position, MONTH_NAMES, token.code() != 'B') + 1;
                case 'w', 'u' -> number(value, position, 1, 1);
                case 'U', 'W', 'V' -> number(value, position, 1, 2);
                case 'z' -> offsetMinutes = offset(value, position);
                case 'Z' -> word(value, position, 64);
                default -> throw new IllegalStateException("unexpected code " + token.code());
            }
        }
        skipSpaces(value, position);
        if (position[0] != value.length()) {
            throw mismatch(value);
        }
        if (pm >= 0 || twelveHour) {
            hour = hour % 12 + (pm == 1 ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1 || day > DateTimes.lengthOfMonth(year, month)) {
            throw mismatch(value);
        }
        long epochDay;
        if (dayOfYear >= 0) {
            if (dayOfYear < 1 || dayOfYear > (DateTimes.isLeapYear(year) ? 366 : 365)) {
                throw mismatch(value);
            }
            epochDay = DateTimes.epochDay(year, 1, 1) + dayOfYear - 1;
        }
        else {
            epochDay = DateTimes.epochDay(year, month, day);
        }
        try {
            long time = ((hour * 60L + minute) * 60 + second) * DateTimes.MICROS_PER_SECOND + micros - offsetMinutes * 60 * DateTimes.MICROS_PER_SECOND;
            return Math.addExact(Math.multiplyExact(epochDay, DateTimes.MICROS_PER_DAY), time);
        }
        catch (ArithmeticException e) {
            throw mismatch(value);
        }
    }

    private BasaltException mismatch(String value)
    {
        return new BasaltException(ErrorCode.INVALID_DATETIME_FORMAT, "could not parse string \"" + value + "\" according to format specifier \"" + text + "\"");
    }

    private static void skipSpaces(String value, int[] position)
    {
        while (position[0] < value.length() && Character.isWhitespace(value.charAt(position[0]))) {
            position[0]++;
        }
    }

    private long number(String value, int[] position, int minDigits, int maxDigits)
    {
        skipSpaces(value, position);
        int start = position[0];
        long result = 0;
        while (position[0] < value.length() && position[0] - start < maxDigits && Character.isDigit(value.charAt(position[0]))) {
            result = result * 10 + (value.charAt(position[0]) - '0');
            position[0]++;
        }
        if (position[0] - start < minDigits) {
            throw mismatch(value);
        }
        return result;
    }

    private long signedNumber(String value, int[] position, int minDigits, int maxDigits)
    {
        skipSpaces(value, position);
        boolean negative = position[0] < value.length() && value.charAt(position[0]) == '-';
        if (negative || position[0] < value.length() && value.charAt(position[0]) == '+') {
            position[0]++;
        }
        long result = number(value, position, minDigits, maxDigits);
        return negative ? -result : result;
    }

    private static String word(String value, int[] position, int maxLength)
    {
        int start = position[0];
        while (position[0] < value.length() && position[0] - start < maxLength && Character.isLetter(value.charAt(position[0]))) {
            position[0]++;
        }
        return value.substring(start, position[0]);
    }

    /** Index of the (full or three-letter) name at the position, case-insensitive. */
    private int name(String value, int[] position, String[] names, boolean abbreviated)
    {
        for (int i = 0; i < names.length; i++) {
            String name = abbreviated ? names[i].substring(0, 3) : names[i];
            if (value.regionMatches(true, position[0], name, 0, name.length())) {
                position[0] += name.length();
                return i;
            }
        }
        throw mismatch(value);
    }

    /** {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM}, in minutes east of UTC. */
    private long offset(String value, int[] position)
    {
        skipSpaces(value, position);
        if (position[0] < value.length() && value.charAt(position[0]) == 'Z') {
            position[0]++;
            return 0;
        }
        if (position[0] >= value.length() || (value.charAt(position[0]) != '+' && value.charAt(position[0]) != '-')) {
            throw mismatch(value);
        }
        boolean negative = value.charAt(position[0]) == '-';
        position[0]++;
        long hours = number(value, position, 2, 2);
        long minutes = 0;
        if (position[0] < value.length() && value.charAt(position[0]) == ':') {
            position[0]++;
        }
        if (position[0] < value.length() && Character.isDigit(value.charAt(position[0]))) {
            minutes = number(value, position, 2, 2);
        }
        long total = hours * 60 + minutes;
        return negative ? -total : total;
    }

    static String dayName(long epochDay)
    {
        return DAY_NAMES[(int) Math.floorMod(epochDay + 3, 7)];
    }

    static String monthName(int month)
    {
        return MONTH_NAMES[month - 1];
    }
}
