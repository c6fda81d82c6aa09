package dev.basalt.engine.storage;

import dev.basalt.engine.Database;
import dev.basalt.engine.Session;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.basalt.engine.storage.SqlRunner.explain;
import static dev.basalt.engine.storage.SqlRunner.query;
import static dev.basalt.engine.storage.SqlRunner.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged database file, seen through SQL: flipping bytes in a row-group file, a deletion vector, an index file
 * or the manifest must make the statements that read it fail with XX001 naming the file (and the table, for table
 * files), never return wrong answers or crash the JVM. Statements that do not read the damaged bytes may answer,
 * but then correctly. Each file is damaged at its first and last byte (magic numbers, which may never be read), at
 * six places inside (which some query must notice), cut in half, and deleted.
 */
class CorruptionEndToEndTest
{
    private static final String TABLE = "corrupt_me";
    private static final String DIGITS = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";

    /** Queries and their answers on the undamaged database; each reads different files. */
    private static final Map<String, List<List<Object>>> EXPECTED = new LinkedHashMap<>();
    private static final List<String> WRITES = List.of(
            "DELETE FROM " + TABLE + " WHERE k % 5 = 0 AND k < 3000",
            "INSERT INTO " + TABLE + " VALUES (-1, 'new', 1.00), (4321, 'second', 2.00)",
            "UPDATE " + TABLE + " SET d = d + 1 WHERE k BETWEEN 4300 AND 4330",
            "CHECKPOINT",
            "VACUUM " + TABLE);
    private static final List<String> QUERIES = List.of(
            "SELECT count(*), sum(k), min(s), max(s), sum(d) FROM " + TABLE,
            "SELECT k, s, d FROM " + TABLE + " WHERE k = 4321",
            "SELECT k, s, d FROM " + TABLE + " WHERE k BETWEEN 100 AND 102 ORDER BY k",
            "SELECT k, s, d FROM " + TABLE + " ORDER BY k");

    @TempDir
    static Path root;

    private static Path pristine;

    @BeforeAll
    static void createDatabase()
    {
        pristine = root.resolve("pristine");
        try (Database database = Database.open(pristine); Session session = database.newSession()) {
            update(session, "CREATE TABLE " + TABLE + " (k INTEGER, s VARCHAR, d DECIMAL(12,2))");
            update(session, "CREATE INDEX i ON " + TABLE + " (k)");
            // five commits: five row groups, compressed, of 2000 rows each
            for (int part = 0; part < 5; part++) {
                update(session, "INSERT INTO " + TABLE + " SELECT " + part * 2000 + " + a.x * 1000 + b.x * 100 + c.x * 10 + e.x, "
                        + "'row ' || CAST(a.x * 1000 + b.x * 100 + c.x * 10 + e.x AS VARCHAR), (b.x * 10 + e.x) * 1.25 "
                        + "FROM " + DIGITS + " a(x), " + DIGITS + " b(x), " + DIGITS + " c(x), " + DIGITS + " e(x) WHERE a.x < 2");
            }
            // deletion vectors
            update(session, "DELETE FROM " + TABLE + " WHERE k % 7 = 3");
            assertTrue(explain(session, QUERIES.get(1)).contains("index=i"), "the key lookup must use the index");
            for (String sql : QUERIES) {
                EXPECTED.put(sql, query(session, sql));
            }
        }
        // 10000 rows less the 1429 with k % 7 = 3
        assertEquals(8571L, EXPECTED.get(QUERIES.get(0)).getFirst().getFirst());
    }

    @Test
    void damagedRowGroupFile()
    {
        checkDamage("rg-", ".bsc", true);
    }

    @Test
    void damagedDeletionVector()
    {
        checkDamage("del-", ".bsd", true);
    }

    @Test
    void damagedIndexFile()
    {
        checkDamage("idx-", ".bsi", true);
    }

    @Test
    void damagedManifest()
    {
        List<Path> manifests = files(pristine, "manifest-", ".bin");
        assertFalse(manifests.isEmpty(), "no manifest in " + listing(pristine));
        // the newest manifest is the current one
        String current = manifests.getLast().getFileName().toString();
        checkDamage("manifest-", ".bin", false, current);
        checkDamage("MANIFEST", "", false, "MANIFEST");
    }

    /**
     * Writes on a damaged table (deletes, inserts, updates, compaction) either fail with XX001 or succeed without
     * losing anything: afterwards, and after a reopen, every query answers XX001 or exactly what an undamaged copy
     * answers after the same successful writes (e.g. compaction must not drop a damaged deletion vector and bring
     * deleted rows back, nor index maintenance keep a damaged index).
     */
    @ParameterizedTest
    @CsvSource({"rg-,.bsc", "del-,.bsd", "idx-,.bsi"})
    void writesOnDamagedFilesNeverLoseData(String prefix, String suffix)
    {
        Path original = files(pristine, prefix, suffix).getFirst();
        String fileName = original.getFileName().toString();
        long size = size(original);
        for (long offset : new long[] {size / 2, -1}) {
            String context = fileName + (offset < 0 ? " truncated" : " damaged at byte " + offset) + ", then written";
            Path directory = root.resolve(fileName + "-written-" + offset);
            copyRecursively(pristine, directory);
            Path damaged = directory.resolve(pristine.relativize(original));
            if (offset < 0) {
                truncate(damaged, size / 2);
            }
            else {
                flipByte(damaged, offset);
            }
            List<String> applied = new ArrayList<>();
            List<List<List<Object>>> answers = new ArrayList<>();
            try (Database database = Database.open(directory); Session session = database.newSession()) {
                for (String write : WRITES) {
                    try {
                        update(session, write);
                        applied.add(write);
                    }
                    catch (BasaltException e) {
                        checkError(e, fileName, true, context + ", " + write);
                    }
                }
                answers.addAll(answers(session, context));
            }
            try (Database database = Database.open(directory); Session session = database.newSession()) {
                answers.addAll(answers(session, context + ", reopened"));
            }
            List<List<List<Object>>> expected = new ArrayList<>();
            Path reference = root.resolve(fileName + "-reference-" + offset);
            copyRecursively(pristine, reference);
            try (Database database = Database.open(reference); Session session = database.newSession()) {
                for (String write : applied) {
                    update(session, write);
                }
                for (String sql : QUERIES) {
                    expected.add(query(session, sql));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i) != null) {
                    String sql = QUERIES.get(i % QUERIES.size());
                    assertEquals(expected.get(i % QUERIES.size()), answers.get(i), context + " (" + applied + "): wrong answer to " + sql);
                }
            }
            TestDirectories.deleteRecursively(directory);
            TestDirectories.deleteRecursively(reference);
        }
    }

    /** The answer to each query, or null where it failed with XX001. */
    private static List<List<List<Object>>> answers(Session session, String context)
    {
        List<List<List<Object>>> answers = new ArrayList<>();
        for (String sql : QUERIES) {
            try {
                answers.add(query(session, sql));
            }
            catch (BasaltException e) {
                if (e.code() != ErrorCode.DATA_CORRUPTED) {
                    throw new AssertionError(context + ": expected XX001, got " + e.code() + ": " + e.getMessage(), e);
                }
                answers.add(null);
            }
        }
        return answers;
    }

    private static void checkDamage(String prefix, String suffix, boolean tableFile)
    {
        List<Path> candidates = files(pristine, prefix, suffix);
        assertFalse(candidates.isEmpty(), "no " + prefix + "*" + suffix + " file in " + listing(pristine));
        checkDamage(prefix, suffix, tableFile, candidates.getFirst().getFileName().toString());
    }

    /** Damages the named file at several places (each in a fresh copy) and checks every query. */
    private static void checkDamage(String prefix, String suffix, boolean tableFile, String fileName)
    {
        Path original = files(pristine, prefix, suffix).stream()
                .filter(path -> path.getFileName().toString().equals(fileName))
                .findFirst().orElseThrow();
        long size = size(original);
        List<Long> offsets = new ArrayList<>(List.of(0L, Math.min(9, size - 1), size - 1));
        for (int i = 1; i <= 6; i++) {
            offsets.add(size * i / 7);
        }
        // then two more kinds of damage: the file cut in half, and the file gone
        offsets.add(-1L);
        offsets.add(-2L);
        int copy = 0;
        for (long offset : offsets) {
            Path directory = root.resolve(fileName + "-" + copy++);
            copyRecursively(pristine, directory);
            Path damaged = directory.resolve(pristine.relativize(original));
            String context;
            if (offset == -1) {
                truncate(damaged, size / 2);
                context = fileName + " truncated to " + size / 2 + " of " + size + " bytes";
            }
            else if (offset == -2) {
                delete(damaged);
                context = fileName + " deleted";
            }
            else {
                flipByte(damaged, offset);
                context = fileName + " damaged at byte " + offset + " of " + size;
            }
            int failures = 0;
            Database database;
            try {
                database = Database.open(directory);
            }
            catch (BasaltException e) {
                checkError(e, fileName, tableFile, context + ", on open");
                TestDirectories.deleteRecursively(directory);
                continue;
            }
            try (database; Session session = database.newSession()) {
                for (String sql : QUERIES) {
                    try {
                        List<List<Object>> rows = query(session, sql);
                        assertEquals(EXPECTED.get(sql), rows, context + ": wrong answer to " + sql);
                    }
                    catch (BasaltException e) {
                        checkError(e, fileName, tableFile, context + ", " + sql);
                        failures++;
                    }
                }
            }
            // a row-group file's magic and footer are never read by scans (the manifest has the offsets): damage
            // there may go unnoticed, as long as answers stay right; damage to data must be noticed
            if (offset != 0 && offset != size - 1) {
                assertTrue(failures > 0, context + ": no query noticed the damage");
            }
            TestDirectories.deleteRecursively(directory);
        }
    }

    private static void checkError(BasaltException e, String fileName, boolean tableFile, String context)
    {
        if (e.code() != ErrorCode.DATA_CORRUPTED) {
            throw new AssertionError(context + ": expected XX001, got " + e.code() + ": " + e.getMessage(), e);
        }
        assertTrue(e.getMessage().contains(fileName), context + ": message does not name the file: " + e.getMessage());
        if (tableFile) {
            assertTrue(e.getMessage().contains(TABLE), context + ": message does not name the table: " + e.getMessage());
        }
    }

    private static void truncate(Path file, long length)
    {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, (int) length));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file)
    {
        try {
            Files.delete(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flipByte(Path file, long offset)
    {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[(int) offset] ^= (byte) 0x5A;
            Files.write(file, bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path directory, String prefix, String suffix)
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> found = new ArrayList<>();
            // shorter names first: manifest-9.bin before manifest-10.bin
            Comparator<Path> byNumber = Comparator.comparing((Path path) -> path.toString().length()).thenComparing(Path::toString);
            for (Path path : paths.sorted(byNumber).toList()) {
                String name = path.getFileName().toString();
                if (Files.isRegularFile(path) && name.startsWith(prefix) && name.endsWith(suffix) && !name.endsWith(".tmp")) {
                    found.add(path);
                }
            }
            return found;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String listing(Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.map(path -> directory.relativize(path).toString()).toList().toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRecursively(Path from, Path to)
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path));
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
