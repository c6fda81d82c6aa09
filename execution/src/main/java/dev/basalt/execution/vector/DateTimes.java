package dev.basalt.execution.vector;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

/**
 * Calendar arithmetic on epoch days and epoch microseconds without allocating java.time objects (proleptic
 * Gregorian calendar, as PostgreSQL and DuckDB use).
 */
public final class DateTimes
{
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    private DateTimes() {}

    /** (year, month, day) of an epoch day packed as {@code year << 9 | month << 5 | day}. */
    public static long civil(long epochDay)
    {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long year = yearOfEra + era * 400;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        if (month <= 2) {
            year++;
        }
        return year << 9 | month << 5 | day;
    }

    public static long year(long civil)
    {
        return civil >> 9;
    }

    public static int month(long civil)
    {
        return (int) ((civil >> 5) & 0xF);
    }

    public static int day(long civil)
    {
        return (int) (civil & 0x1F);
    }

    public static long epochDay(long year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    public static boolean isLeapYear(long year)
    {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int lengthOfMonth(long year, int month)
    {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
    public static long addMonths(long epochDay, long months)
    {
        if (months == 0) {
            return epochDay;
        }
        long civil = civil(epochDay);
        long total = Math.addExact(year(civil) * 12 + month(civil) - 1, months);
        long year = Math.floorDiv(total, 12);
        int month = (int) Math.floorMod(total, 12) + 1;
        int day = Math.min(day(civil), lengthOfMonth(year, month));
        return epochDay(year, month, day);
    }

    /** Adds an interval (months, days, microseconds) to a timestamp in epoch microseconds. */
    public static long addToTimestamp(long micros, long months, long days, long intervalMicros)
    {
        try {
            long day = Math.floorDiv(micros, MICROS_PER_DAY);
            long timeOfDay = Math.floorMod(micros, MICROS_PER_DAY);
            long newDay = Math.addExact(addMonths(day, months), days);
            return Math.addExact(Math.addExact(Math.multiplyExact(newDay, MICROS_PER_DAY), timeOfDay), intervalMicros);
        }
        catch (ArithmeticException e) {
            throw timestampOutOfRange();
        }
    }

    public static BasaltException timestampOutOfRange()
    {
        return new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    }

    public static BasaltException dateOutOfRange()
    {
        return new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range");
    }
}
