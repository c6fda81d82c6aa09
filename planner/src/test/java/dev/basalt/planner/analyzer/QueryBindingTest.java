package dev.basalt.planner.analyzer;

import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What binds, and the names and types of the result columns. */
class QueryBindingTest
{
    private final PlannerTester tester = PlannerTester.simple();

    @Test
    void starExpansion()
    {
        assertEquals(List.of("a", "b", "c", "d", "s", "x", "f", "ts", "flag"), tester.outputNames("SELECT * FROM t1"));
        assertEquals(List.of("a", "y", "z", "k", "v"), tester.outputNames("SELECT t2.*, t3.* FROM t2, t3"));
        assertEquals(List.of("k", "v", "a"), tester.outputNames("SELECT q.*, t2.a FROM t3 AS q, t2"));
        assertEquals(List.of("one", "two"), tester.outputNames("SELECT * FROM t3 AS q(one, two)"));
    }

    @Test
    void outputNames()
    {
        assertEquals(List.of("a", "total", "count_star()", "sum(c)", "(a + 1)", "1", "'x'"),
                tester.outputNames("SELECT a, sum(b) AS total, count(*), sum(c), a + 1, 1, 'x' FROM t1 GROUP BY a"));
        assertEquals(List.of("k"), tester.outputNames("SELECT t3.k FROM t3"));
    }

    @Test
    void derivedTables()
    {
        assertEquals(List.of(DataTypes.INTEGER, DecimalType.of(38, 2)),
                tester.outputTypes("SELECT g, total FROM (SELECT a AS g, sum(c) AS total FROM t1 GROUP BY a) AS per WHERE total > 10 ORDER BY g"));
        assertEquals(List.of("x", "y"), tester.outputNames("SELECT * FROM (SELECT a, s FROM t1) AS sub(x, y)"));
        tester.plan("SELECT sub.k FROM (SELECT k FROM t3 ORDER BY k LIMIT 3) sub JOIN t2 ON sub.k = t2.a");
    }

    @Test
    void derivedTableFiltersArePushedIntoTheSubquery()
    {
        String plan = tester.printOptimized("SELECT x FROM (SELECT a + 1 AS x, s FROM t1) AS sub WHERE x > 10");
        assertTrue(plan.contains("Scan[t1"), plan);
        assertTrue(plan.indexOf("Filter") > plan.indexOf("Project"), plan);
    }

    @Test
    void joinsAndCommaLists()
    {
        tester.plan("SELECT t1.a, t2.y, t3.v FROM t1 JOIN t2 ON t1.a = t2.a CROSS JOIN t3 WHERE t3.k = t1.a");
        tester.plan("SELECT * FROM t1, t2, t3 WHERE t1.a = t2.a AND t2.a = t3.k AND t1.s = t3.v");
        tester.plan("SELECT * FROM t1 AS l, t1 AS r WHERE l.a = r.b");
    }

    @Test
    void orderByVariants()
    {
        tester.plan("SELECT a AS alias FROM t1 ORDER BY alias DESC NULLS LAST");
        tester.plan("SELECT a FROM t1 ORDER BY a + b, s");
        tester.plan("SELECT a, count(*) AS n FROM t1 GROUP BY a ORDER BY n DESC, sum(b)");
        tester.plan("VALUES (3, 'c'), (1, 'a') ORDER BY 1 DESC LIMIT 1");
        tester.plan("(SELECT a FROM t1 ORDER BY a LIMIT 3) ORDER BY a DESC");
    }

    @Test
    void expressionsThatBind()
    {
        tester.plan("SELECT CASE a WHEN 1 THEN 'one' ELSE s END, coalesce(s, 'none'), nullif(a, 0), s || '!' FROM t1");
        tester.plan("SELECT * FROM t1 WHERE s LIKE 'ab%' AND s NOT LIKE '%z' AND a NOT BETWEEN 1 AND 3 AND b NOT IN (1, 2)");
        tester.plan("SELECT * FROM t1 WHERE d BETWEEN '1994-01-01' AND DATE '1994-01-01' + INTERVAL '1' YEAR");
        tester.plan("SELECT extract(year FROM d), extract(month FROM ts), substring(s, 2, 3), upper(s), lower(s), length(s), trim(LEADING 'x' FROM s) FROM t1");
        tester.plan("SELECT abs(c), round(c, 1), round(f), floor(c), ceil(f), a % 3, a // 2, -c, +a FROM t1");
        tester.plan("SELECT count(DISTINCT a), sum(DISTINCT c), avg(x), min(s), max(d) FROM t1");
        tester.plan("SELECT * FROM t1 WHERE flag AND NOT flag IS NULL AND a IS NOT NULL AND a IS DISTINCT FROM b");
        tester.plan("SELECT * FROM t1 WHERE 1");
        tester.plan("SELECT CAST(a AS VARCHAR), CAST(s AS INTEGER), TRY_CAST(s AS DATE), a::BIGINT FROM t1");
        tester.plan("SELECT * FROM t1 WHERE a = ? AND d = ? AND s = ?", 5L, "1995-03-15", "x");
    }
}
