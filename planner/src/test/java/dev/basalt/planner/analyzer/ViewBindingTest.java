package dev.basalt.planner.analyzer;

import dev.basalt.planner.Planner;
import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.planner.testing.TestingCatalog;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views: bound from their SQL at every use, named by the columns fixed at creation. */
class ViewBindingTest
{
    private final TestingCatalog catalog = TestingCatalog.simple()
            .view("totals", "SELECT a, sum(c) AS total FROM t1 GROUP BY a", "a", "total")
            .view("renamed", "SELECT k, v FROM t3", "key", "value")
            .view("stacked", "SELECT key FROM renamed WHERE value <> 'x'", "key")
            .view("loop_a", "SELECT * FROM loop_b", "k")
            .view("loop_b", "SELECT * FROM loop_a", "k")
            .view("self", "SELECT * FROM self", "k")
            .view("dangling", "SELECT * FROM gone", "k")
            .view("star", "SELECT * FROM t3", "k")
            .view("broken", "SELEC nonsense", "k");
    private final PlannerTester tester = new PlannerTester(catalog, PlannerSettings.defaults());

    @Test
    void viewIsASubqueryWithTheStoredNames()
    {
        assertEquals(List.of("a", "total"), tester.outputNames("SELECT * FROM totals"));
        assertEquals(List.of(DataTypes.INTEGER, DecimalType.of(38, 2)), tester.outputTypes("SELECT a, total FROM totals WHERE total > 5"));
        assertEquals(List.of("key", "value"), tester.outputNames("SELECT * FROM renamed"));
        assertEquals(List.of("key"), tester.outputNames("SELECT renamed.key FROM renamed"));
        // the underlying names are not visible through the view
        tester.assertFails("SELECT k FROM renamed", ErrorCode.UNDEFINED_COLUMN, "k");
    }

    @Test
    void aliasesAndJoins()
    {
        assertEquals(List.of("x", "y"), tester.outputNames("SELECT * FROM renamed AS r(x, y)"));
        assertEquals(List.of("key", "y"), tester.outputNames("SELECT r.key, t2.y FROM renamed r JOIN t2 ON r.key = t2.a"));
        tester.assertFails("SELECT renamed.key FROM renamed AS r", ErrorCode.UNDEFINED_TABLE);
        assertEquals(List.of("key"), tester.outputNames("SELECT key FROM main.renamed"));
    }

    @Test
    void viewsOfViewsAndSubqueries()
    {
        assertEquals(List.of("key"), tester.outputNames("SELECT * FROM stacked"));
        assertEquals(List.of("a"), tester.outputNames("SELECT a FROM t1 WHERE a IN (SELECT key FROM stacked)"));
        assertEquals(List.of("n"), tester.outputNames("SELECT (SELECT count(*) FROM totals t WHERE t.a = t1.a) AS n FROM t1"));
        // the same view twice gets independent symbols
        tester.plan("SELECT * FROM renamed r1 JOIN renamed r2 ON r1.key = r2.key");
    }

    @Test
    void withQueryShadowsView()
    {
        assertEquals(List.of("z"), tester.outputNames("WITH renamed AS (SELECT 1 AS z) SELECT * FROM renamed"));
    }

    @Test
    void viewDoesNotSeeTheReferencingQuerysWithNames()
    {
        TestingCatalog withCte = TestingCatalog.simple().view("v", "SELECT * FROM q", "x");
        PlannerTester local = new PlannerTester(withCte, PlannerSettings.defaults());
        local.assertFails("WITH q AS (SELECT 1 AS x) SELECT * FROM v", ErrorCode.UNDEFINED_TABLE, "view \"v\"", "\"q\"");
    }

    @Test
    void recursiveViewsAreRejected()
    {
        tester.assertFails("SELECT * FROM self", ErrorCode.WRONG_OBJECT_TYPE, "infinite recursion", "self");
        tester.assertFails("SELECT * FROM loop_a", ErrorCode.WRONG_OBJECT_TYPE, "infinite recursion", "loop_a -> loop_b -> loop_a");
    }

    @Test
    void droppedTableNamesTheView()
    {
        BasaltException e = tester.assertFails("SELECT * FROM dangling", ErrorCode.UNDEFINED_TABLE, "view \"dangling\"", "relation \"gone\" does not exist");
        assertEquals(1, e.line());
    }

    @Test
    void brokenViewSql()
    {
        tester.assertFails("SELECT * FROM broken", ErrorCode.WRONG_OBJECT_TYPE, "view \"broken\"");
    }

    @Test
    void starViewKeepsItsCreationColumns()
    {
        // created when t3 had one column in the view's list: later columns of the query are not shown
        assertEquals(List.of("k"), tester.outputNames("SELECT * FROM star"));
    }

    @Test
    void viewsAreNotWritable()
    {
        tester.assertFails("INSERT INTO renamed VALUES (1, 'a')", ErrorCode.WRONG_OBJECT_TYPE, "renamed", "view");
        Planner planner = new Planner(catalog, PlannerSettings.defaults());
        BasaltException e = assertThrows(BasaltException.class,
                () -> planner.planDelete((dev.basalt.parser.tree.Delete) PlannerTester.parse("DELETE FROM renamed")));
        assertEquals(ErrorCode.WRONG_OBJECT_TYPE, e.code());
    }

    @Test
    void viewColumnNames()
    {
        Planner planner = new Planner(catalog, PlannerSettings.defaults());
        assertEquals(List.of("a", "total"), planner.viewColumnNames(PlannerTester.query("SELECT a, sum(c) AS total FROM t1 GROUP BY a")));
        assertEquals(List.of("x", "total"), planner.viewColumnNames(PlannerTester.query("SELECT a, sum(c) AS total FROM t1 GROUP BY a"), List.of("x")));
        assertEquals(List.of("key", "value"), planner.viewColumnNames(PlannerTester.query("SELECT * FROM renamed")));
        BasaltException missing = assertThrows(BasaltException.class, () -> planner.viewColumnNames(PlannerTester.query("SELECT * FROM nope")));
        assertEquals(ErrorCode.UNDEFINED_TABLE, missing.code());
        BasaltException duplicate = assertThrows(BasaltException.class, () -> planner.viewColumnNames(PlannerTester.query("SELECT a, b AS a FROM t1")));
        assertEquals(ErrorCode.DUPLICATE_COLUMN, duplicate.code());
        BasaltException tooMany = assertThrows(BasaltException.class, () -> planner.viewColumnNames(PlannerTester.query("SELECT a FROM t1"), List.of("x", "y")));
        assertEquals(ErrorCode.INVALID_COLUMN_REFERENCE, tooMany.code());
        // CREATE OR REPLACE VIEW renamed AS ... stacked ... would read itself through stacked
        BasaltException recursive = assertThrows(BasaltException.class,
                () -> planner.viewColumnNames("renamed", PlannerTester.query("SELECT * FROM stacked"), List.of()));
        assertEquals(ErrorCode.WRONG_OBJECT_TYPE, recursive.code());
        assertEquals(List.of("key"), planner.viewColumnNames("other", PlannerTester.query("SELECT * FROM stacked"), List.of()));
        BasaltException grouping = assertThrows(BasaltException.class, () -> planner.viewColumnNames(PlannerTester.query("SELECT a, b FROM t1 GROUP BY a")));
        assertEquals(ErrorCode.GROUPING_ERROR, grouping.code());
    }

    @Test
    void viewFiltersArePushedIntoTheViewsScan()
    {
        String plan = tester.printOptimized("SELECT key FROM renamed WHERE key = 5");
        assertTrue(plan.contains("predicates=[k = 5]"), plan);
        assertFalse(plan.contains("renamed"), plan);
    }
}
