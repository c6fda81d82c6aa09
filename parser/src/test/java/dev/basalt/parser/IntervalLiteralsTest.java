package dev.basalt.parser;

import dev.basalt.parser.tree.IntervalLiteral;
import dev.basalt.parser.tree.IntervalLiterals;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntervalLiteralsTest
{
    private final SqlParser parser = new SqlParser();

    private Interval interval(String sql)
    {
        return IntervalLiterals.toInterval((IntervalLiteral) parser.parseExpression(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INTERVAL '90' DAY | 0 | 90 | 0",
            "interval '90' day (3) | 0 | 90 | 0",
            "INTERVAL '3' MONTH | 3 | 0 | 0",
            "INTERVAL '1' YEAR | 12 | 0 | 0",
            "INTERVAL '2' QUARTER | 6 | 0 | 0",
            "interval 90 days | 0 | 90 | 0",
            "INTERVAL '2' WEEK | 0 | 14 | 0",
            "INTERVAL '1.5' HOUR | 0 | 0 | 5400000000",
            "INTERVAL '-5' MINUTE | 0 | 0 | -300000000",
            "INTERVAL -'5' SECOND | 0 | 0 | -5000000",
            "INTERVAL '250' MILLISECOND | 0 | 0 | 250000",
            "INTERVAL '1 year 2 days' | 12 | 2 | 0",
            "INTERVAL '1 year 2 months 3 days 4 hours 5 minutes 6.5 seconds' | 14 | 3 | 14706500000",
            "INTERVAL '1 day 02:03:04' | 0 | 1 | 7384000000",
            "INTERVAL '3 days ago' | 0 | -3 | 0",
            "INTERVAL '1.5 months' | 1 | 15 | 0",
            "INTERVAL '1.5 days' | 0 | 1 | 43200000000",
            "INTERVAL '10' | 0 | 0 | 10000000",
            "INTERVAL '2h 30m' | 0 | 0 | 9000000000",
            "INTERVAL '1-2' YEAR TO MONTH | 14 | 0 | 0",
            "INTERVAL '-1-2' YEAR TO MONTH | -14 | 0 | 0",
            "INTERVAL '3 04:05:06' DAY TO SECOND | 0 | 3 | 14706000000",
            "INTERVAL '04:05' HOUR TO MINUTE | 0 | 0 | 14700000000",
            "INTERVAL '05:06.5' MINUTE TO SECOND | 0 | 0 | 306500000",
    })
    void values(String sql, int months, int days, long micros)
    {
        assertEquals(new Interval(months, days, micros), interval(sql));
    }

    @Test
    void errors()
    {
        BasaltException invalid = assertThrows(BasaltException.class, () -> interval("INTERVAL 'three days'"));
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, invalid.code());
        assertEquals("invalid input syntax for type interval: \"three days\" at line 1, column 1", invalid.getMessage());
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, assertThrows(BasaltException.class, () -> interval("INTERVAL '1 fortnight'")).code());
        assertEquals(ErrorCode.INVALID_DATETIME_FORMAT, assertThrows(BasaltException.class, () -> interval("INTERVAL ''")).code());
        assertEquals(ErrorCode.DATETIME_FIELD_OVERFLOW,
                assertThrows(BasaltException.class, () -> interval("INTERVAL '99999999999' DAY")).code());
    }
}
