package dev.basalt.spi.value;

/**
 * An INTERVAL value: months, days and microseconds kept apart, as in PostgreSQL, because a month has
 * no fixed number of days. {@code DATE '1998-12-01' - INTERVAL '90' DAY} subtracts 90 days.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval>
{
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    public static Interval ofMonths(int months)
    {
        return new Interval(months, 0, 0);
    }

    public static Interval ofDays(int days)
    {
        return new Interval(0, days, 0);
    }

    public static Interval ofMicros(long micros)
    {
        return new Interval(0, 0, micros);
    }

    public Interval negate()
    {
        return new Interval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
    }

    /** Approximate length used only for ordering (30-day months, as PostgreSQL compares intervals). */
    public double approximateMicros()
    {
        return months * 30.0 * MICROS_PER_DAY + days * (double) MICROS_PER_DAY + micros;
    }

    /**
     * Orders by length with 30-day months, as PostgreSQL does, exactly: whole days first (at most ~6.5e10, so no
     * overflow), then the remaining microseconds. A double would merge distinct intervals beyond ~290 years.
     */
    @Override
    public int compareTo(Interval other)
    {
        long leftDays = 30L * months + days + Math.floorDiv(micros, MICROS_PER_DAY);
        long rightDays = 30L * other.months + other.days + Math.floorDiv(other.micros, MICROS_PER_DAY);
        if (leftDays != rightDays) {
            return Long.compare(leftDays, rightDays);
        }
        return Long.compare(Math.floorMod(micros, MICROS_PER_DAY), Math.floorMod(other.micros, MICROS_PER_DAY));
    }

    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder();
        int years = months / 12;
        int remainingMonths = months % 12;
        if (years != 0) {
            out.append(years).append(Math.abs(years) == 1 ? " year " : " years ");
        }
        if (remainingMonths != 0) {
            out.append(remainingMonths).append(Math.abs(remainingMonths) == 1 ? " month " : " months ");
        }
        if (days != 0) {
            out.append(days).append(Math.abs(days) == 1 ? " day " : " days ");
        }
        if (micros != 0 || out.isEmpty()) {
            long total = Math.abs(micros);
            long hours = total / 3_600_000_000L;
            long minutes = (total / 60_000_000L) % 60;
            long seconds = (total / 1_000_000L) % 60;
            long fraction = total % 1_000_000L;
            out.append(micros < 0 ? "-" : "").append(String.format("%02d:%02d:%02d", hours, minutes, seconds));
            if (fraction != 0) {
                out.append(String.format(".%06d", fraction).replaceAll("0+$", ""));
            }
        }
        return out.toString().trim();
    }
}
