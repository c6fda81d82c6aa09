package dev.basalt.engine.storage;

import dev.basalt.engine.Database;
import dev.basalt.engine.Session;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.basalt.engine.storage.SqlRunner.sortedRows;
import static dev.basalt.engine.storage.SqlRunner.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every encoding round-trips random data with NULLs, seen through SQL: batches shaped to make storage pick each
 * encoding (constant, runs, sequences for delta / frame of reference / ALP, few distinct values for dictionaries,
 * random values, all NULL) are stored, and on disk the database is reopened; each batch read back from the
 * table must equal the same rows computed from VALUES, which never touches storage.
 */
class EncodingRoundTripSqlTest
{
    private static final String[] COLUMNS = {"b", "sm", "x", "r", "big", "ts", "d", "f", "c", "s"};
    private static final String SCHEMA = "(batch INTEGER, b BIGINT, sm SMALLINT, x DOUBLE, r REAL, big DECIMAL(30,4), ts TIMESTAMP, "
            + "d DATE, f BOOLEAN, c CHAR(5), s VARCHAR)";
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void storedRowsEqualTheirValues(@ForAll long seed, @ForAll boolean onDisk)
    {
        Random random = new Random(seed);
        Path directory = onDisk ? TestDirectories.create("basalt-encoding-roundtrip") : null;
        try {
            List<String> batches = new ArrayList<>();
            try (Database database = onDisk ? Database.open(directory) : Database.inMemory(); Session session = database.newSession()) {
                update(session, "CREATE TABLE t " + SCHEMA);
                int commits = 2 + random.nextInt(4);
                for (int batch = 0; batch < commits; batch++) {
                    String values = values(random, batch);
                    batches.add(values);
                    update(session, "INSERT INTO t VALUES " + values);
                }
                if (!onDisk) {
                    check(session, batches, seed);
                }
            }
            if (onDisk) {
                try (Database database = Database.open(directory); Session session = database.newSession()) {
                    check(session, batches, seed);
                }
            }
        }
        finally {
            if (directory != null) {
                TestDirectories.deleteRecursively(directory);
            }
        }
    }

    private static void check(Session session, List<String> batches, long seed)
    {
        String columns = "batch, " + String.join(", ", COLUMNS);
        for (int batch = 0; batch < batches.size(); batch++) {
            List<String> expected = sortedRows(session, "SELECT " + columns + " FROM (VALUES " + batches.get(batch) + ") v(" + columns + ")");
            assertEquals(expected, sortedRows(session, "SELECT " + columns + " FROM t WHERE batch = " + batch), "seed " + seed + ", batch " + batch);
        }
    }

    /** One batch of rows; each column in a shape of its own, with its own share of NULLs. */
    private static String values(Random random, int batch)
    {
        int rows = 1 + random.nextInt(random.nextBoolean() ? 50 : 700);
        int[] shapes = new int[COLUMNS.length];
        int[] nullPercent = new int[COLUMNS.length];
        String[] constants = new String[COLUMNS.length];
        for (int column = 0; column < COLUMNS.length; column++) {
            shapes[column] = random.nextInt(5);
            nullPercent[column] = new int[] {0, 0, 10, 50, 95, 100}[random.nextInt(6)];
            constants[column] = ZoneMapEdgeTypesPropertyTest.literal(COLUMNS[column], random);
        }
        int base = random.nextInt(1000);
        StringBuilder sql = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (").append(batch);
            for (int column = 0; column < COLUMNS.length; column++) {
                sql.append(", ");
                if (random.nextInt(100) < nullPercent[column]) {
                    sql.append("NULL");
                    continue;
                }
                switch (shapes[column]) {
                    case 0 -> sql.append(constants[column]);
                    case 1 -> {
                        // runs: a new value now and then
                        if (random.nextInt(40) == 0) {
                            constants[column] = ZoneMapEdgeTypesPropertyTest.literal(COLUMNS[column], random);
                        }
                        sql.append(constants[column]);
                    }
                    case 2 -> sql.append(sequence(COLUMNS[column], base + row));
                    default -> sql.append(ZoneMapEdgeTypesPropertyTest.literal(COLUMNS[column], random));
                }
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** The n-th value of a sequence: what delta, frame-of-reference and ALP encodings are for. */
    private static String sequence(String column, int n)
    {
        return switch (column) {
            case "b" -> Long.toString(1_000_000_000_000L + n * 7L);
            case "sm" -> "CAST(" + (n % 30_000) + " AS SMALLINT)";
            case "x" -> "CAST(" + n * 0.25 + " AS DOUBLE)";
            case "r" -> "CAST(" + n * 0.5 + " AS REAL)";
            case "big" -> "CAST(" + n + ".1234 AS DECIMAL(30,4))";
            case "ts" -> "TIMESTAMP '" + EPOCH.atStartOfDay().plusSeconds(n * 61L).toString().replace('T', ' ') + (n % 60 == 0 ? ":00" : "") + "'";
            case "d" -> "DATE '" + EPOCH.plusDays(n) + "'";
            case "f" -> n % 3 == 0 ? "TRUE" : "FALSE";
            case "c" -> "CAST('k" + n % 1000 + "' AS CHAR(5))";
            default -> "'key-" + n + "'";
        };
    }
}
