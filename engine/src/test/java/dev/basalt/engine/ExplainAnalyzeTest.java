package dev.basalt.engine;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXPLAIN ANALYZE: the plan with each operator's actual output rows (times are not asserted). */
class ExplainAnalyzeTest
{
    private static final Pattern NODE = Pattern.compile("^( *)(\\w+)\\[.*\\]( rows=-?\\d+)? actual_rows=(\\d+) time=\\d+\\.\\d{3} ms$");

    private Database database;
    private Session session;

    /** One plan line: depth, node label and actual rows. */
    private record Node(int depth, String name, long rows) {}

    @BeforeEach
    void setUp()
    {
        database = Database.inMemory();
        session = database.newSession();
        update(session, "CREATE TABLE t (a INTEGER, b VARCHAR)");
        update(session, "INSERT INTO t SELECT generate_series, 'v' || generate_series FROM generate_series(1, 10)");
    }

    @AfterEach
    void tearDown()
    {
        session.close();
        database.close();
    }

    @Test
    void countsRowsPerOperator()
    {
        List<String> lines = lines("EXPLAIN ANALYZE SELECT count(*) FROM t WHERE a > 3");
        assertTrue(lines.getFirst().startsWith("EXPLAIN ANALYZE:"), lines.getFirst());
        assertTrue(lines.getFirst().contains("inclusive wall time"), lines.getFirst());
        assertEquals("Total: 1 row in", lines.getLast().substring(0, "Total: 1 row in".length()), lines.getLast());
        List<Node> nodes = nodes(lines);
        assertEquals(new Node(0, "HashAggregate", 1), nodes.getFirst());
        assertEquals(10, only(nodes, "TableScan").rows());
        // the filter (in its own node or in the scan's output) leaves 7 rows for the aggregation
        assertTrue(nodes.stream().anyMatch(node -> node.depth() == 1 && node.rows() == 7), nodes.toString());
    }

    @Test
    void joinsAndTableFunctions()
    {
        List<Node> nodes = nodes(lines("EXPLAIN ANALYZE SELECT g.x, t.b FROM generate_series(1, 10000) g(x) JOIN t ON t.a = g.x WHERE g.x % 2 = 0"));
        assertEquals(5, nodes.getFirst().rows());
        assertEquals(10000, only(nodes, "SeriesScan").rows());
        assertEquals(10, only(nodes, "TableScan").rows());
        assertEquals(5, only(nodes, "HashJoin").rows());
    }

    @Test
    void topNReadsItsWholeInput()
    {
        List<Node> nodes = nodes(lines("EXPLAIN ANALYZE SELECT * FROM range(1000000) ORDER BY range DESC LIMIT 3"));
        assertEquals(3, nodes.getFirst().rows());
        assertEquals(1_000_000, only(nodes, "SeriesScan").rows());
    }

    @Test
    void parallelPipelinesAddUpTheirSplits()
    {
        update(session, "CREATE TABLE big AS SELECT generate_series AS x FROM generate_series(1, 300000)");
        update(session, "SET threads = 4");
        List<Node> nodes = nodes(lines("EXPLAIN ANALYZE SELECT count(*) FROM big WHERE x % 3 = 0"));
        assertEquals(1, nodes.getFirst().rows());
        assertEquals(300_000, only(nodes, "TableScan").rows());
        assertTrue(nodes.stream().anyMatch(node -> node.rows() == 100_000), nodes.toString());
    }

    @Test
    void plainExplainIsUnchanged()
    {
        List<String> lines = lines("EXPLAIN SELECT count(*) FROM t");
        assertFalse(String.join("\n", lines).contains("actual_rows"), lines.toString());
        assertTrue(lines.getFirst().startsWith("HashAggregate["), lines.getFirst());
    }

    @Test
    void analyzeRunsOnlyQueries()
    {
        BasaltException failure = assertThrows(BasaltException.class, () -> query(session, "EXPLAIN ANALYZE INSERT INTO t VALUES (1, 'x')"));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, failure.code());
        assertEquals(10L, ((Number) Sql.scalar(session, "SELECT count(*) FROM t")).longValue());
    }

    @Test
    void errorsOfTheQueryAreReported()
    {
        BasaltException failure = assertThrows(BasaltException.class, () -> query(session, "EXPLAIN ANALYZE SELECT 1 / (a - 5) FROM t"));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, failure.code());
    }

    private List<String> lines(String sql)
    {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : query(session, sql)) {
            lines.add((String) row.getFirst());
        }
        return lines;
    }

    private static List<Node> nodes(List<String> lines)
    {
        List<Node> nodes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Matcher matcher = NODE.matcher(line);
            assertTrue(matcher.matches(), "not a plan line with actuals: " + line);
            nodes.add(new Node(matcher.group(1).length() / 2, matcher.group(2), Long.parseLong(matcher.group(4))));
        }
        return nodes;
    }

    private static Node only(List<Node> nodes, String name)
    {
        List<Node> matching = nodes.stream().filter(node -> node.name().equals(name)).toList();
        assertEquals(1, matching.size(), nodes.toString());
        return matching.getFirst();
    }
}
