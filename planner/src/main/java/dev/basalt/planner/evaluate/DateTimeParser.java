package dev.basalt.planner.evaluate;

import dev.basalt.parser.tree.IntervalLiteral;
import dev.basalt.parser.tree.IntervalLiterals;
import dev.basalt.parser.tree.NodeLocation;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.value.Interval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses DATE, TIMESTAMP and INTERVAL text the way literals and casts from VARCHAR accept it. */
public final class DateTimeParser
{
    private static final Pattern DATE = Pattern.compile("(-?\\d{1,7})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(-?\\d{1,7})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?");

    private DateTimeParser() {}

    public static LocalDate parseDate(String text)
    {
        Matcher matcher = DATE.matcher(text.trim());
        if (!matcher.matches()) {
            // a timestamp's date part is accepted too, as in PostgreSQL ('1995-03-15 00:00:00'::date)
            Matcher timestamp = TIMESTAMP.matcher(text.trim());
            if (!timestamp.matches()) {
                throw new BasaltException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type date: \"" + text + "\"");
            }
            return parseTimestamp(text).toLocalDate();
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
        }
        catch (DateTimeException e) {
            throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    public static LocalDateTime parseTimestamp(String text)
    {
        Matcher matcher = TIMESTAMP.matcher(text.trim());
        if (!matcher.matches()) {
            throw new BasaltException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp: \"" + text + "\"");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            if (matcher.group(4) == null) {
                return date.atStartOfDay();
            }
            int nanos = 0;
            if (matcher.group(7) != null) {
                String fraction = (matcher.group(7) + "000000000").substring(0, 9);
                // TIMESTAMP keeps microseconds
                nanos = Integer.parseInt(fraction) / 1000 * 1000;
            }
            LocalTime time = LocalTime.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                    matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)), nanos);
            return date.atTime(time);
        }
        catch (DateTimeException e) {
            throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    /** Interval text with units ({@code '1 year 2 months'}, {@code '90 days'}, {@code '04:05:06'}), as a cast from VARCHAR reads it. */
    public static Interval parseInterval(String text)
    {
        try {
            return IntervalLiterals.toInterval(new IntervalLiteral(new NodeLocation(1, 1), text, Optional.empty(), Optional.empty()));
        }
        catch (BasaltException e) {
            throw new BasaltException(e.code(), "invalid input syntax for type interval: \"" + text + "\"");
        }
    }
}
