package dev.basalt.parser.tree;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the value of an {@link IntervalLiteral} (PostgreSQL semantics). Accepted forms:
 * <ul>
 * <li>a number and a unit field: {@code INTERVAL '90' DAY}, {@code INTERVAL '1.5' HOUR};</li>
 * <li>SQL ranges: {@code '1-2' YEAR TO MONTH}, {@code '3 04:05:06' DAY TO SECOND}, {@code '04:05' HOUR TO MINUTE};</li>
 * <li>unit text: {@code '1 year 2 months 3 days'}, {@code '2 hours 30 minutes'}, {@code '1 day 02:03:04'},
 * {@code '3 days ago'}; abbreviations y, mon, w, d, h, m/min, s/sec, ms, us and plurals are understood.
 * A bare number means seconds.</li>
 * </ul>
 * Fractions cascade down as in PostgreSQL: half a month is 15 days, half a day is 12 hours.
 */
public final class IntervalLiterals
{
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal MICROS_PER_DAY = BigDecimal.valueOf(Interval.MICROS_PER_DAY);
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
    private static final Pattern YEAR_MONTH = Pattern.compile("([+-])?(\\d+)-(\\d+)");
    private static final Pattern TIME = Pattern.compile("([+-])?(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");
    private static final Pattern TOKEN = Pattern.compile(
            "\\G\\s*(?:(?<time>[+-]?\\d+:\\d+(?::\\d+(?:\\.\\d*)?)?)|(?<number>[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(?<unit>[a-z]+)?|(?<ago>ago))\\s*");

    private IntervalLiterals() {}

    public static Interval toInterval(IntervalLiteral literal)
    {
        String text = literal.value().strip().toLowerCase(Locale.ROOT);
        Accumulator accumulator = new Accumulator(literal);
        if (literal.from().isPresent() && literal.to().isPresent()) {
            if (!range(text, literal.from().get(), literal.to().get(), accumulator)) {
                units(text, accumulator);
            }
        }
        else if (literal.from().isPresent() && NUMBER.matcher(text).matches()) {
            accumulator.add(literal.from().get(), new BigDecimal(text));
        }
        else {
            units(text, accumulator);
        }
        return accumulator.toInterval();
    }

    private static boolean range(String text, IntervalField from, IntervalField to, Accumulator accumulator)
    {
        if (from == IntervalField.YEAR && to == IntervalField.MONTH) {
            Matcher matcher = YEAR_MONTH.matcher(text);
            if (!matcher.matches()) {
                return false;
            }
            BigDecimal months = new BigDecimal(matcher.group(2)).multiply(BigDecimal.valueOf(12)).add(new BigDecimal(matcher.group(3)));
            accumulator.add(IntervalField.MONTH, "-".equals(matcher.group(1)) ? months.negate() : months);
            return true;
        }
        boolean negative = text.startsWith("-");
        String rest = negative || text.startsWith("+") ? text.substring(1).strip() : text;
        BigDecimal sign = negative ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        IntervalField first = from;
        if (from == IntervalField.DAY) {
            String[] parts = rest.split("\\s+", 2);
            if (!parts[0].matches("\\d+")) {
                return false;
            }
            accumulator.add(IntervalField.DAY, new BigDecimal(parts[0]).multiply(sign));
            if (parts.length == 1) {
                return true;
            }
            rest = parts[1];
            first = IntervalField.HOUR;
        }
        if (!rest.matches("\\d+(?::\\d+){0,2}(?:\\.\\d*)?")) {
            return false;
        }
        String[] pieces = rest.split(":");
        IntervalField[] order = {IntervalField.HOUR, IntervalField.MINUTE, IntervalField.SECOND};
        int start = first == IntervalField.HOUR ? 0 : first == IntervalField.MINUTE ? 1 : first == IntervalField.SECOND ? 2 : -1;
        if (start < 0 || start + pieces.length > order.length) {
            return false;
        }
        for (int i = 0; i < pieces.length; i++) {
            if (i < pieces.length - 1 && pieces[i].contains(".")) {
                return false;
            }
            accumulator.add(order[start + i], new BigDecimal(pieces[i]).multiply(sign));
        }
        return true;
    }

    private static void units(String text, Accumulator accumulator)
    {
        if (text.isEmpty()) {
            throw accumulator.invalid();
        }
        Matcher matcher = TOKEN.matcher(text);
        int position = 0;
        boolean ago = false;
        boolean sawSomething = false;
        while (position < text.length()) {
            if (!matcher.find(position) || matcher.start() != position || matcher.end() == position || ago) {
                throw accumulator.invalid();
            }
            if (matcher.group("time") != null) {
                Matcher time = TIME.matcher(matcher.group("time"));
                if (!time.matches()) {
                    throw accumulator.invalid();
                }
                BigDecimal sign = "-".equals(time.group(1)) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
                accumulator.add(IntervalField.HOUR, new BigDecimal(time.group(2)).multiply(sign));
                accumulator.add(IntervalField.MINUTE, new BigDecimal(time.group(3)).multiply(sign));
                if (time.group(4) != null) {
                    accumulator.add(IntervalField.SECOND, new BigDecimal(time.group(4)).multiply(sign));
                }
            }
            else if (matcher.group("number") != null) {
                BigDecimal number = new BigDecimal(matcher.group("number"));
                String unit = matcher.group("unit");
                if (unit == null) {
                    if (matcher.end() != text.length()) {
                        throw accumulator.invalid();
                    }
                    accumulator.add(IntervalField.SECOND, number);
                }
                else {
                    addUnit(unit, number, accumulator);
                }
            }
            else {
                if (!sawSomething) {
                    throw accumulator.invalid();
                }
                ago = true;
            }
            sawSomething = true;
            position = matcher.end();
        }
        if (ago) {
            accumulator.negate();
        }
    }

    private static void addUnit(String unit, BigDecimal number, Accumulator accumulator)
    {
        switch (unit) {
            case "y", "yr", "yrs", "year", "years" -> accumulator.add(IntervalField.YEAR, number);
            case "decade", "decades" -> accumulator.add(IntervalField.YEAR, number.multiply(BigDecimal.TEN));
            case "century", "centuries" -> accumulator.add(IntervalField.YEAR, number.multiply(BigDecimal.valueOf(100)));
            case "millennium", "millennia", "millenniums" -> accumulator.add(IntervalField.YEAR, number.multiply(BigDecimal.valueOf(1000)));
            case "quarter", "quarters" -> accumulator.add(IntervalField.QUARTER, number);
            case "mon", "mons", "month", "months" -> accumulator.add(IntervalField.MONTH, number);
            case "w", "week", "weeks" -> accumulator.add(IntervalField.WEEK, number);
            case "d", "day", "days" -> accumulator.add(IntervalField.DAY, number);
            case "h", "hr", "hrs", "hour", "hours" -> accumulator.add(IntervalField.HOUR, number);
            case "m", "min", "mins", "minute", "minutes" -> accumulator.add(IntervalField.MINUTE, number);
            case "s", "sec", "secs", "second", "seconds" -> accumulator.add(IntervalField.SECOND, number);
            case "ms", "msec", "msecs", "millisecond", "milliseconds" -> accumulator.add(IntervalField.MILLISECOND, number);
            case "us", "usec", "usecs", "microsecond", "microseconds" -> accumulator.add(IntervalField.MICROSECOND, number);
            default -> throw accumulator.invalid();
        }
    }

    /** Sums the parts exactly, then checks that months and days fit an int and microseconds a long. */
    private static final class Accumulator
    {
        private final IntervalLiteral literal;
        private BigDecimal months = BigDecimal.ZERO;
        private BigDecimal days = BigDecimal.ZERO;
        private BigDecimal micros = BigDecimal.ZERO;

        Accumulator(IntervalLiteral literal)
        {
            this.literal = literal;
        }

        void add(IntervalField field, BigDecimal value)
        {
            switch (field) {
                case YEAR -> addMonths(value.multiply(BigDecimal.valueOf(12)));
                case QUARTER -> addMonths(value.multiply(BigDecimal.valueOf(3)));
                case MONTH -> addMonths(value);
                case WEEK -> addDays(value.multiply(BigDecimal.valueOf(7)));
                case DAY -> addDays(value);
                case HOUR -> addMicros(value.multiply(BigDecimal.valueOf(3_600_000_000L)));
                case MINUTE -> addMicros(value.multiply(BigDecimal.valueOf(60_000_000L)));
                case SECOND -> addMicros(value.multiply(MICROS_PER_SECOND));
                case MILLISECOND -> addMicros(value.multiply(BigDecimal.valueOf(1_000L)));
                case MICROSECOND -> addMicros(value);
            }
        }

        private void addMonths(BigDecimal value)
        {
            BigDecimal whole = value.setScale(0, RoundingMode.DOWN);
            months = months.add(whole);
            addDays(value.subtract(whole).multiply(BigDecimal.valueOf(30)));
        }

        private void addDays(BigDecimal value)
        {
            BigDecimal whole = value.setScale(0, RoundingMode.DOWN);
            days = days.add(whole);
            addMicros(value.subtract(whole).multiply(MICROS_PER_DAY));
        }

        private void addMicros(BigDecimal value)
        {
            micros = micros.add(value.setScale(0, RoundingMode.HALF_UP));
        }

        void negate()
        {
            months = months.negate();
            days = days.negate();
            micros = micros.negate();
        }

        Interval toInterval()
        {
            try {
                return new Interval(months.intValueExact(), days.intValueExact(), micros.longValueExact());
            }
            catch (ArithmeticException e) {
                throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                        "interval out of range: \"" + literal.value() + "\"" + at(), literal.location().line(), literal.location().column(), null);
            }
        }

        BasaltException invalid()
        {
            return new BasaltException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type interval: \"" + literal.value() + "\"" + at(),
                    literal.location().line(), literal.location().column(), null);
        }

        private String at()
        {
            return " at line " + literal.location().line() + ", column " + literal.location().column();
        }
    }
}
