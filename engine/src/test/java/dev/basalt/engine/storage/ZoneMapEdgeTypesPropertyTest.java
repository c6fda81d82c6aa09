package dev.basalt.engine.storage;

import dev.basalt.engine.Database;
import dev.basalt.engine.Session;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

import static dev.basalt.engine.storage.SqlRunner.query;
import static dev.basalt.engine.storage.SqlRunner.scalar;
import static dev.basalt.engine.storage.SqlRunner.sortedRows;
import static dev.basalt.engine.storage.SqlRunner.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zone-map (and dictionary) pruning never skips a matching row, for the types and values where bounds are easy to
 * get wrong: BIGINT and SMALLINT extremes, DOUBLE/REAL with -0.0, NaN and infinities, DECIMAL(30,4) (128-bit),
 * TIMESTAMP against DATE constants and back, BOOLEAN, CHAR(n), and long strings sharing a long prefix (truncated
 * bounds) or holding non-ASCII text; constants of another type than the column (integer columns against
 * fractional or out-of-range constants). Each INSERT commits a row group of its own; in half the tries every
 * column also has an index, so that selective predicates become index lookups. The answer of every query must
 * equal the answer with the predicate hidden from the planner.
 */
class ZoneMapEdgeTypesPropertyTest
{
    private static final String[] COLUMNS = {"b", "sm", "x", "r", "big", "ts", "d", "f", "c", "s"};
    private static final String[] STRINGS = {
            "", "a", "ab", "abc", "b", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz{",
            "é", "éa", "日本", "日本語", "\uD83D\uDE00", "Z", "a b", "ab%", "a_c"};
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void pruningNeverSkipsAMatchingRow(@ForAll long seed, @ForAll boolean withIndexes)
    {
        Random random = new Random(seed);
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE w (b BIGINT, sm SMALLINT, x DOUBLE, r REAL, big DECIMAL(30,4), ts TIMESTAMP, d DATE, "
                    + "f BOOLEAN, c CHAR(5), s VARCHAR)");
            int commits = 3 + random.nextInt(5);
            int indexAt = withIndexes ? random.nextInt(commits) : -1;
            for (int i = 0; i < commits; i++) {
                if (i == indexAt) {
                    // an index on every column: selective predicates then read through index lookups, whose keys
                    // are the same constants converted to the column's type
                    for (String column : COLUMNS) {
                        update(session, "CREATE INDEX w_" + column + " ON w (" + column + ")");
                    }
                }
                StringBuilder sql = new StringBuilder("INSERT INTO w VALUES ");
                int rows = 1 + random.nextInt(30);
                for (int row = 0; row < rows; row++) {
                    sql.append(row == 0 ? "" : ", ").append('(');
                    for (int column = 0; column < COLUMNS.length; column++) {
                        sql.append(column == 0 ? "" : ", ").append(random.nextInt(6) == 0 ? "NULL" : literal(COLUMNS[column], random));
                    }
                    sql.append(')');
                }
                update(session, sql.toString());
                if (random.nextInt(4) == 0) {
                    update(session, "DELETE FROM w WHERE " + predicate(random, null));
                }
            }
            List<List<Object>> rows = query(session, "SELECT " + String.join(", ", COLUMNS) + " FROM w");
            String select = "SELECT " + String.join(", ", COLUMNS) + " FROM w WHERE ";
            for (int q = 0; q < 15; q++) {
                List<Object> sample = rows.isEmpty() ? null : rows.get(random.nextInt(rows.size()));
                String predicate = predicate(random, sample);
                if (random.nextInt(3) == 0) {
                    predicate += " AND " + predicate(random, sample);
                }
                List<String> expected = sortedRows(session, select + "CASE WHEN " + predicate + " THEN 1 ELSE 0 END = 1");
                assertEquals(expected, sortedRows(session, select + predicate), "seed " + seed + ": " + predicate);
                assertEquals((long) expected.size(), scalar(session, "SELECT count(*) FROM w WHERE " + predicate), "seed " + seed + ": count where " + predicate);
            }
            assertEquals(0, database.allocatedMemory());
        }
    }

    /** A predicate on a random column; its constant from the sample row half of the time. */
    private static String predicate(Random random, List<Object> sample)
    {
        int column = random.nextInt(COLUMNS.length);
        String name = COLUMNS[column];
        Object sampled = sample == null ? null : sample.get(column);
        String constant = sampled != null && random.nextBoolean() ? fromValue(name, sampled) : literal(name, random);
        return switch (random.nextInt(12)) {
            case 0, 1 -> name + " = " + constant;
            case 2 -> name + " < " + constant;
            case 3 -> name + " <= " + constant;
            case 4 -> name + " > " + constant;
            case 5 -> name + " >= " + constant;
            case 6 -> name + " BETWEEN " + constant + " AND " + literal(name, random);
            case 7 -> name + " IN (" + constant + ", " + literal(name, random) + ")";
            case 8 -> name + " IS NULL";
            case 9 -> name + " IS NOT NULL";
            case 10 -> name + " <> " + constant;
            default -> crossType(name, random, sampled);
        };
    }

    /** A comparison with a constant of another type than the column's (rounding of bounds). */
    private static String crossType(String name, Random random, Object sampled)
    {
        String op = new String[] {"=", "<", "<=", ">", ">="}[random.nextInt(5)];
        return switch (name) {
            case "b" -> "b " + op + " " + (sampled != null ? sampled + ".5" : random.nextInt(2001) - 1000 + ".5");
            case "sm" -> "sm " + op + " " + (random.nextBoolean() ? (random.nextBoolean() ? "40000" : "-40000") : (random.nextInt(201) - 100) + ".25");
            case "x" -> "x " + op + " " + (random.nextInt(201) - 100);
            case "r" -> "r " + op + " CAST(" + (random.nextInt(201) - 100) / 4.0 + " AS DOUBLE)";
            case "big" -> "big " + op + " " + (random.nextInt(2001) - 1000);
            case "ts" -> "ts " + op + " " + dateLiteral(random);
            case "d" -> "d " + op + " TIMESTAMP '" + EPOCH.plusDays(random.nextInt(60)) + " 12:00:00'";
            case "f" -> "f " + op + " TRUE";
            case "c" -> "c " + op + " 'ab'";
            default -> "s LIKE '" + STRINGS[random.nextInt(STRINGS.length)].replace("%", "").replace("_", "") + "%'";
        };
    }

    static String literal(String column, Random random)
    {
        return switch (column) {
            case "b" -> switch (random.nextInt(6)) {
                case 0 -> Long.toString(Long.MAX_VALUE);
                case 1 -> "-" + Long.MAX_VALUE;
                default -> Long.toString(random.nextInt(2001) - 1000);
            };
            case "sm" -> switch (random.nextInt(6)) {
                case 0 -> "CAST(32767 AS SMALLINT)";
                case 1 -> "CAST(-32768 AS SMALLINT)";
                default -> "CAST(" + (random.nextInt(201) - 100) + " AS SMALLINT)";
            };
            case "x" -> "CAST('" + new String[] {"NaN", "Infinity", "-Infinity", "-0.0", "0.0", "1e300", "-1e-300",
                    Double.toString((random.nextInt(2001) - 1000) / 8.0), Double.toString((random.nextInt(2001) - 1000) / 8.0)}[random.nextInt(9)] + "' AS DOUBLE)";
            case "r" -> "CAST('" + new String[] {"NaN", "-0.0", "0.0", "3.4e38", Float.toString((random.nextInt(2001) - 1000) / 4.0f),
                    Float.toString((random.nextInt(2001) - 1000) / 4.0f)}[random.nextInt(6)] + "' AS REAL)";
            case "big" -> "CAST('" + new BigDecimal(new BigInteger(random.nextInt(3) == 0 ? 96 : 20, random)
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), 4).toPlainString() + "' AS DECIMAL(30,4))";
            case "ts" -> "TIMESTAMP '" + LocalDateTime.of(EPOCH.plusDays(random.nextInt(60)), LocalTime.ofSecondOfDay(random.nextInt(4) * 21_600L))
                    .plusNanos(random.nextInt(3) * 1000L).toString().replace('T', ' ') + "'";
            case "d" -> dateLiteral(random);
            case "f" -> random.nextBoolean() ? "TRUE" : "FALSE";
            case "c" -> "CAST(" + quote(new String[] {"ab", "abc", "ab  ", "b", "zzzzz", "é"}[random.nextInt(6)]) + " AS CHAR(5))";
            default -> quote(STRINGS[random.nextInt(STRINGS.length)]);
        };
    }

    private static String fromValue(String column, Object value)
    {
        return switch (column) {
            case "x" -> "CAST('" + value + "' AS DOUBLE)";
            case "r" -> "CAST('" + value + "' AS REAL)";
            case "big" -> "CAST('" + ((BigDecimal) value).toPlainString() + "' AS DECIMAL(30,4))";
            case "sm" -> "CAST(" + value + " AS SMALLINT)";
            case "ts" -> "TIMESTAMP '" + value.toString().replace('T', ' ') + "'";
            case "d" -> "DATE '" + value + "'";
            case "c", "s" -> quote((String) value);
            default -> value.toString();
        };
    }

    private static String dateLiteral(Random random)
    {
        return "DATE '" + EPOCH.plusDays(random.nextInt(60)) + "'";
    }

    private static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
