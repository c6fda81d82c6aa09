package dev.basalt.parser;

import dev.basalt.parser.tree.Statement;
import dev.basalt.spi.error.BasaltException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parses every statement of the shared corpus: the 22 TPC-H queries and the SQL of SQLite's sqllogictest files
 * select1-5 and evidence/. Skips (with a message) when the corpus is not checked out next to the repository.
 */
class CorpusParseTest
{
    /** SQLite-only statements we do not intend to support; failures on them are reported, not fatal. */
    private static final Pattern SQLITE_ONLY = Pattern.compile("(?is)^\\s*(CREATE\\s+TRIGGER|DROP\\s+TRIGGER|REINDEX)\\b.*|.*<<.*");

    private static Path corpus;
    private final SqlParser parser = new SqlParser();

    @BeforeAll
    static void findCorpus()
    {
        List<Path> candidates = new ArrayList<>();
        String shared = System.getProperty("basalt.shared");
        if (shared != null) {
            candidates.add(Path.of(shared, "corpus"));
        }
        candidates.add(Path.of("../shared/corpus"));
        candidates.add(Path.of("../../shared/corpus"));
        corpus = candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
        if (corpus == null) {
            System.out.println("CorpusParseTest skipped: no shared corpus at " + candidates);
        }
        Assumptions.assumeTrue(corpus != null, "shared corpus not found");
    }

    @Test
    void tpchQueries()
            throws IOException
    {
        Path queries = corpus.resolve("tpch/queries");
        Assumptions.assumeTrue(Files.isDirectory(queries), "no TPC-H queries in the corpus");
        List<Path> files;
        try (Stream<Path> list = Files.list(queries)) {
            files = list.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                assertRoundTrips(parser.parse(Files.readString(file)));
            }
            catch (BasaltException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        System.out.printf("TPC-H: %d of %d queries parse%n", files.size() - failures.size(), files.size());
        assertEquals(22, files.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void sqllogictestSelectFiles()
            throws IOException
    {
        Path directory = corpus.resolve("sqllogictest/test");
        Assumptions.assumeTrue(Files.isDirectory(directory), "no sqllogictest files in the corpus");
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Path file = directory.resolve("select" + i + ".test");
            Tally tally = parseFile(file);
            System.out.printf("%s: %d of %d records parse%n", file.getFileName(), tally.parsed, tally.total);
            total += tally.total;
            failures.addAll(tally.failures);
        }
        assertTrue(total > 10_000, "expected more than 10000 records, found " + total);
        assertEquals(List.of(), failures);
    }

    @Test
    void sqllogictestEvidenceFiles()
            throws IOException
    {
        Path directory = corpus.resolve("sqllogictest/test/evidence");
        Assumptions.assumeTrue(Files.isDirectory(directory), "no evidence files in the corpus");
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(path -> path.toString().endsWith(".test")).sorted().toList();
        }
        int total = 0;
        int parsed = 0;
        List<String> unexpected = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Path file : files) {
            Tally tally = parseFile(file);
            total += tally.total;
            parsed += tally.parsed;
            for (Failure failure : tally.failureRecords) {
                boolean allowed = failure.expectsError || failure.otherDialect || SQLITE_ONLY.matcher(failure.sql).matches();
                (allowed ? expected : unexpected).add(failure.describe());
            }
        }
        System.out.printf("evidence/: %d of %d records parse; %d fail as expected (SQLite-only syntax, other dialects, "
                + "'statement error' records):%n", parsed, total, expected.size());
        expected.forEach(line -> System.out.println("  " + line));
        assertTrue(total > 400, "expected more than 400 records, found " + total);
        assertEquals(List.of(), unexpected);
    }

    private void assertRoundTrips(Statement statement)
    {
        // formatting is stable: format -> parse -> format gives the same text
        String formatted = SqlFormatter.format(statement);
        assertEquals(formatted, SqlFormatter.format(parser.parse(formatted)));
    }

    private Tally parseFile(Path file)
            throws IOException
    {
        Tally tally = new Tally();
        List<String> lines = Files.readString(file, StandardCharsets.UTF_8).replace("\r", "").lines().toList();
        String condition = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("onlyif ") || line.startsWith("skipif ")) {
                condition = line;
                continue;
            }
            if (!line.startsWith("statement") && !line.startsWith("query")) {
                if (line.isBlank()) {
                    condition = null;
                }
                continue;
            }
            StringBuilder sql = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).isBlank() && !lines.get(j).equals("----")) {
                sql.append(lines.get(j)).append('\n');
                j++;
            }
            tally.total++;
            try {
                for (Statement statement : parser.parseAll(sql.toString())) {
                    assertRoundTrips(statement);
                }
                tally.parsed++;
            }
            catch (BasaltException e) {
                boolean otherDialect = condition != null && condition.startsWith("onlyif ") && !condition.startsWith("onlyif sqlite");
                Failure failure = new Failure(file.getFileName() + ":" + (i + 2), sql.toString().strip(), e.getMessage(),
                        line.startsWith("statement error"), otherDialect);
                tally.failureRecords.add(failure);
                tally.failures.add(failure.describe());
            }
            condition = null;
            i = j;
        }
        return tally;
    }

    private static final class Tally
    {
        int total;
        int parsed;
        final List<String> failures = new ArrayList<>();
        final List<Failure> failureRecords = new ArrayList<>();
    }

    private record Failure(String where, String sql, String message, boolean expectsError, boolean otherDialect)
    {
        String describe()
        {
            String firstLine = sql.lines().findFirst().orElse("");
            return where + ": " + firstLine + " -> " + message;
        }
    }
}
