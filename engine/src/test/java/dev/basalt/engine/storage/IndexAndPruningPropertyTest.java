package dev.basalt.engine.storage;

import dev.basalt.engine.Database;
import dev.basalt.engine.Session;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.basalt.engine.storage.SqlRunner.explain;
import static dev.basalt.engine.storage.SqlRunner.scalar;
import static dev.basalt.engine.storage.SqlRunner.sortedRows;
import static dev.basalt.engine.storage.SqlRunner.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's storage properties end to end through SQL, in memory and on disk: random rows with NULLs, a random
 * (partial) index on {@code t}, random INSERT/UPDATE/DELETE batches (some in transactions, some rolled back) applied
 * to {@code t} and to an index-free mirror {@code m}, with CHECKPOINT / VACUUM and (on disk) a reopen in between; then
 * <ul>
 * <li>queries whose WHERE implies the index predicate plus a selective key predicate return the same rows as the
 * mirror read with the predicate hidden from the planner (no index lookup, no zone-map or dictionary pushdown),
 * and EXPLAIN shows the index for the selective ones;</li>
 * <li>queries with =, &lt;, BETWEEN, IN, LIKE 'p%', IS [NOT] NULL on every column return the same rows as the
 * same query with the predicate hidden: zone-map pruning never skips a matching row.</li>
 * </ul>
 * Every INSERT is a commit of its own row group, so the tables span many row groups with differing zone maps.
 * Hidden predicate: {@code CASE WHEN p THEN 1 ELSE 0 END = 1} is true exactly where p is, but no rule extracts a
 * column predicate from it.
 */
class IndexAndPruningPropertyTest
{
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    private static final String[] PREFIXES = {"p", "pa", "pb", "q", "x", "P"};
    private static final int KEYS = 300;

    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void indexAndZoneMapsAgreeWithFullScans(@ForAll long seed, @ForAll boolean onDisk)
    {
        Random random = new Random(seed);
        Path directory = onDisk ? TestDirectories.create("basalt-index-property") : null;
        try {
            Database database = onDisk ? Database.open(directory) : Database.inMemory();
            Session session = database.newSession();
            try {
                String columns = "(k INTEGER, d DECIMAL(10,2), s VARCHAR, dt DATE, g INTEGER)";
                update(session, "CREATE TABLE t " + columns);
                update(session, "CREATE TABLE m " + columns);
                IndexShape index = IndexShape.random(random);
                int indexAfterStep = random.nextInt(4);
                int steps = 4 + random.nextInt(5);
                int reopenAt = onDisk ? random.nextInt(steps) : -1;
                for (int step = 0; step < steps; step++) {
                    if (step == indexAfterStep) {
                        update(session, index.createSql());
                    }
                    if (step == reopenAt) {
                        // the index and the data persist with the table
                        session.close();
                        database.close();
                        database = Database.open(directory);
                        session = database.newSession();
                    }
                    applyBatch(session, random);
                    String context = "seed " + seed + ", onDisk " + onDisk + ", index " + index.createSql() + ", step " + step;
                    checkIndexQueries(session, random, index, step >= indexAfterStep, context);
                    checkPrunedQueries(session, random, context);
                }
                assertEquals(scalar(session, "SELECT count(*) FROM m"), scalar(session, "SELECT count(*) FROM t"));
                assertEquals(0, database.allocatedMemory());
            }
            finally {
                session.close();
                database.close();
            }
        }
        finally {
            if (directory != null) {
                TestDirectories.deleteRecursively(directory);
            }
        }
    }

    /** One random batch of changes, applied identically to t and m; in a transaction (maybe rolled back) at times. */
    private static void applyBatch(Session session, Random random)
    {
        int mode = random.nextInt(5);
        if (mode == 0) {
            update(session, "BEGIN");
        }
        int statements = 1 + random.nextInt(3);
        for (int i = 0; i < statements; i++) {
            String change = randomChange(random);
            long changedT = update(session, change.replace("%T", "t"));
            long changedM = update(session, change.replace("%T", "m"));
            assertEquals(changedM, changedT, change);
        }
        if (mode == 0) {
            update(session, random.nextInt(3) == 0 ? "ROLLBACK" : "COMMIT");
        }
        if (random.nextInt(6) == 0) {
            // compaction rewrites row groups and renumbers rows: the index must follow
            update(session, random.nextBoolean() ? "CHECKPOINT" : "VACUUM t");
        }
    }

    private static String randomChange(Random random)
    {
        int a = random.nextInt(KEYS);
        return switch (random.nextInt(10)) {
            case 0 -> "UPDATE %T SET g = g + 1 WHERE k BETWEEN " + a + " AND " + (a + 20);
            case 1 -> "UPDATE %T SET k = k + 1 WHERE g = " + random.nextInt(20);
            case 2 -> "UPDATE %T SET s = " + stringLiteral(random) + ", d = NULL WHERE k < " + a;
            case 3 -> "UPDATE %T SET dt = " + dateLiteral(random) + ", g = NULL WHERE k > " + a + " AND s LIKE 'p%'";
            case 4 -> "DELETE FROM %T WHERE k BETWEEN " + a + " AND " + (a + 10);
            case 5 -> "DELETE FROM %T WHERE g IS NULL AND k < " + a;
            case 6 -> "DELETE FROM %T WHERE s LIKE 'q%' AND k > " + a;
            default -> insert(random);
        };
    }

    private static String insert(Random random)
    {
        StringBuilder sql = new StringBuilder("INSERT INTO %T VALUES ");
        int rows = 1 + random.nextInt(random.nextBoolean() ? 8 : 80);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append('(')
                    .append(nullOr(random, Integer.toString(random.nextInt(KEYS)))).append(", ")
                    .append(nullOr(random, decimalLiteral(random))).append(", ")
                    .append(nullOr(random, stringLiteral(random))).append(", ")
                    .append(nullOr(random, dateLiteral(random))).append(", ")
                    .append(nullOr(random, Integer.toString(random.nextInt(20))))
                    .append(')');
        }
        return sql.toString();
    }

    private static void checkIndexQueries(Session session, Random random, IndexShape index, boolean indexExists, String context)
    {
        long rows = (Long) scalar(session, "SELECT count(*) FROM t");
        // keys of rows the index covers, so that most lookups find something
        List<Integer> keys = new ArrayList<>();
        String covered = index.predicate().isEmpty() ? "" : " AND " + hidden(index.predicate());
        for (List<Object> row : SqlRunner.query(session, "SELECT DISTINCT k FROM m WHERE k IS NOT NULL" + covered)) {
            keys.add((Integer) row.getFirst());
        }
        for (int q = 0; q < 3; q++) {
            int key = !keys.isEmpty() && random.nextInt(4) != 0 ? keys.get(random.nextInt(keys.size())) : random.nextInt(KEYS);
            boolean equality = random.nextBoolean();
            String keyPredicate = equality ? "k = " + key
                    : random.nextBoolean() ? "k IN (" + key + ", " + (key + 3) + ", " + (key + 11) + ")"
                    : "k BETWEEN " + key + " AND " + (key + 2);
            // now and then a predicate that does not imply the partial index's: the index must not be used
            boolean nearMiss = index.kind() != 0 && random.nextInt(4) == 0;
            String predicate = keyPredicate + (nearMiss ? index.nearMiss(random) : index.implyingPredicate(random));
            String sql = "SELECT k, d, s, dt, g FROM t WHERE " + predicate;
            List<String> expected = sortedRows(session, "SELECT k, d, s, dt, g FROM m WHERE " + hidden(predicate));
            assertEquals(expected, sortedRows(session, sql), context + ": " + sql);
            assertEquals((long) expected.size(), scalar(session, "SELECT count(*) FROM t WHERE " + predicate), context + ": count of " + sql);
            if (nearMiss) {
                String plan = explain(session, sql);
                assertFalse(plan.contains("index=i"), context + ": the index does not cover all rows of " + sql + "\n" + plan);
            }
            else if (indexExists && equality && rows >= 100) {
                String plan = explain(session, sql);
                assertTrue(plan.contains("index=i"), context + ": expected an index lookup for " + sql + "\n" + plan);
            }
        }
    }

    private static void checkPrunedQueries(Session session, Random random, String context)
    {
        List<List<Object>> rows = SqlRunner.query(session, "SELECT k, d, s, dt, g FROM m");
        for (int q = 0; q < 3; q++) {
            // constants taken from an existing row half of the time, so that many queries match something
            List<Object> sample = rows.isEmpty() ? null : rows.get(random.nextInt(rows.size()));
            String predicate = columnPredicate(random, sample);
            if (random.nextBoolean()) {
                predicate += " AND " + columnPredicate(random, sample);
            }
            String sql = "SELECT k, d, s, dt, g FROM t WHERE " + predicate;
            List<String> expected = sortedRows(session, "SELECT k, d, s, dt, g FROM t WHERE " + hidden(predicate));
            assertEquals(expected, sortedRows(session, sql), context + ": " + sql);
            assertEquals((long) expected.size(), scalar(session, "SELECT count(*) FROM t WHERE " + predicate), context + ": count of " + sql);
        }
    }

    private static String columnPredicate(Random random, List<Object> sample)
    {
        boolean fromSample = sample != null && random.nextBoolean();
        String key = fromSample && sample.get(0) != null ? sample.get(0).toString() : Integer.toString(random.nextInt(KEYS));
        String decimal = fromSample && sample.get(1) != null ? ((BigDecimal) sample.get(1)).toPlainString() : decimalLiteral(random);
        String string = fromSample && sample.get(2) != null ? "'" + sample.get(2) + "'" : stringLiteral(random);
        String date = fromSample && sample.get(3) != null ? "DATE '" + sample.get(3) + "'" : dateLiteral(random);
        String prefix = fromSample && sample.get(2) != null ? ((String) sample.get(2)).substring(0, Math.min(2, ((String) sample.get(2)).length()))
                : PREFIXES[random.nextInt(PREFIXES.length)];
        return switch (random.nextInt(20)) {
            case 0 -> "k = " + key;
            case 1 -> "k < " + key;
            case 2 -> "k BETWEEN " + key + " AND " + key + " + " + random.nextInt(30);
            case 3 -> "k IN (" + key + ", " + random.nextInt(KEYS) + ", " + random.nextInt(KEYS) + ")";
            case 4 -> "k IS NULL";
            case 5 -> "d = " + decimal;
            case 6 -> "d < " + decimal;
            case 7 -> "d BETWEEN " + decimal + " AND " + decimalLiteral(random);
            case 8 -> "d IS NULL";
            case 9 -> "s = " + string;
            case 10 -> "s LIKE '" + prefix + "%'";
            case 11 -> "s LIKE '" + PREFIXES[random.nextInt(PREFIXES.length)] + random.nextInt(5) + "%'";
            case 12 -> "s IN (" + string + ", " + stringLiteral(random) + ")";
            case 13 -> "s IS NULL";
            case 14 -> "s >= " + string;
            case 15 -> "dt = " + date;
            case 16 -> "dt BETWEEN " + date + " AND " + dateLiteral(random);
            case 17 -> "dt IN (" + date + ", " + dateLiteral(random) + ")";
            case 18 -> "g IS NOT NULL";
            default -> "g > " + random.nextInt(20);
        };
    }

    /** True exactly where the predicate is, but invisible to index choice and scan predicate extraction. */
    private static String hidden(String predicate)
    {
        return "CASE WHEN " + predicate + " THEN 1 ELSE 0 END = 1";
    }

    private static String nullOr(Random random, String literal)
    {
        return random.nextInt(8) == 0 ? "NULL" : literal;
    }

    private static String decimalLiteral(Random random)
    {
        return BigDecimal.valueOf(random.nextInt(200_001) - 100_000, 2).toPlainString();
    }

    private static String stringLiteral(Random random)
    {
        return "'" + PREFIXES[random.nextInt(PREFIXES.length)] + random.nextInt(40) + "'";
    }

    private static String dateLiteral(Random random)
    {
        return "DATE '" + EPOCH.plusDays(random.nextInt(2000)) + "'";
    }

    /** A random index on t: key columns and an optional predicate, with predicates that imply it. */
    private record IndexShape(String keyColumns, int kind, int constant)
    {
        static IndexShape random(Random random)
        {
            return new IndexShape(random.nextInt(3) == 0 ? "k, g" : "k", random.nextInt(7), random.nextInt(15));
        }

        String createSql()
        {
            String predicate = predicate();
            return "CREATE INDEX i ON t (" + keyColumns + ")" + (predicate.isEmpty() ? "" : " WHERE " + predicate);
        }

        String predicate()
        {
            return switch (kind) {
                case 0 -> "";
                case 1 -> "g > " + constant;
                case 2 -> "g IS NOT NULL";
                case 3 -> "s LIKE 'p%'";
                case 4 -> "d >= " + decimal(constant);
                case 5 -> "dt < " + date(constant);
                default -> "g > " + constant + " AND s LIKE 'p%'";
            };
        }

        /** Conjuncts (with a leading AND, or empty) that imply the index predicate. */
        String implyingPredicate(Random random)
        {
            return switch (kind) {
                case 0 -> random.nextBoolean() ? "" : " AND g IS NOT NULL";
                case 1 -> " AND " + greaterThan(random);
                case 2 -> switch (random.nextInt(3)) {
                    case 0 -> " AND g IS NOT NULL";
                    case 1 -> " AND g = " + random.nextInt(20);
                    default -> " AND g < " + random.nextInt(20);
                };
                case 3 -> " AND " + likeP(random);
                case 4 -> switch (random.nextInt(3)) {
                    case 0 -> " AND d >= " + decimal(constant);
                    case 1 -> " AND d > " + decimal(constant + random.nextInt(100));
                    default -> " AND d BETWEEN " + decimal(constant) + " AND " + decimal(constant + 500);
                };
                case 5 -> switch (random.nextInt(3)) {
                    case 0 -> " AND dt < " + date(constant);
                    case 1 -> " AND dt <= " + date(constant - 1 - random.nextInt(100));
                    default -> " AND dt BETWEEN " + date(constant - 300) + " AND " + date(constant - 1);
                };
                default -> " AND " + greaterThan(random) + " AND " + likeP(random);
            };
        }

        /** Conjuncts close to the index predicate that do not imply it. */
        String nearMiss(Random random)
        {
            return switch (kind) {
                case 1 -> " AND " + nearMissGreaterThan(random);
                case 2 -> random.nextBoolean() ? "" : " AND (g IS NOT NULL OR k > 0)";
                case 3 -> " AND " + nearMissLike(random);
                case 4 -> random.nextBoolean() ? " AND d > " + decimal(constant - 1) : " AND d >= " + BigDecimal.valueOf((constant - 7) * 10_000L - 1, 2).toPlainString();
                case 5 -> random.nextBoolean() ? " AND dt <= " + date(constant) : " AND dt BETWEEN " + date(constant - 3) + " AND " + date(constant);
                default -> random.nextBoolean()
                        ? " AND " + greaterThan(random) + " AND " + nearMissLike(random)
                        : " AND " + nearMissGreaterThan(random) + " AND " + likeP(random);
            };
        }

        private String nearMissGreaterThan(Random random)
        {
            return switch (random.nextInt(3)) {
                case 0 -> "g >= " + constant;
                case 1 -> "g > " + (constant - 1);
                default -> "g BETWEEN " + constant + " AND " + (constant + 3);
            };
        }

        private static String nearMissLike(Random random)
        {
            return switch (random.nextInt(3)) {
                case 0 -> "s LIKE 'P%'";
                case 1 -> "s >= 'p'";
                default -> "s LIKE '%p%'";
            };
        }

        private String greaterThan(Random random)
        {
            return switch (random.nextInt(4)) {
                case 0 -> "g > " + constant;
                case 1 -> "g > " + (constant + random.nextInt(3));
                case 2 -> "g = " + (constant + 1 + random.nextInt(4));
                default -> "g BETWEEN " + (constant + 1) + " AND " + (constant + 3);
            };
        }

        private static String likeP(Random random)
        {
            return random.nextBoolean() ? "s LIKE 'p%'" : "s LIKE 'pa%'";
        }

        private static String decimal(int constant)
        {
            return BigDecimal.valueOf((constant - 7) * 10_000L, 2).toPlainString();
        }

        private static String date(int constant)
        {
            return "DATE '" + EPOCH.plusDays(1000 + constant * 20L) + "'";
        }
    }
}
