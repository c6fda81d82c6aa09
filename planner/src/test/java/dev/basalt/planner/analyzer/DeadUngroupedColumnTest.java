package dev.basalt.planner.analyzer;

import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column that is neither grouped nor aggregated is accepted only where constant simplification proves it dead
 * (SQLite's random/groupby corpus); anything whose value could depend on it stays PostgreSQL's 42803.
 */
class DeadUngroupedColumnTest
{
    private final PlannerTester tester = PlannerTester.simple();

    @Test
    void deadReferencesAreAcceptedAndNeverRead()
    {
        for (String sql : new String[] {
                "SELECT COALESCE(49, b, a + b) FROM t1 GROUP BY a",
                "SELECT - COALESCE(+ 19, b) FROM t1 GROUP BY a",
                "SELECT COALESCE(a, 80, - b) FROM t1 GROUP BY a",
                "SELECT COALESCE(NULL, 7, b) FROM t1 GROUP BY a",
                "SELECT a * COALESCE(- 65, b * (- b * x) + a) FROM t1 GROUP BY a",
                "SELECT CASE + 19 WHEN 5 THEN - b * - x ELSE NULL END FROM t1 GROUP BY a",
                "SELECT CASE 16 WHEN a THEN NULL WHEN 67 THEN b END FROM t1 GROUP BY a",
                "SELECT CASE WHEN 1 = 1 THEN a WHEN a > 0 THEN b END FROM t1 GROUP BY a",
                "SELECT CASE WHEN 1 > 2 THEN b ELSE 3 END FROM t1 GROUP BY a",
                "SELECT NULLIF(b, NULL) IS NULL OR TRUE FROM t1 GROUP BY a",
                "SELECT a FROM t1 GROUP BY a HAVING COALESCE(1, b) > 0",
                "SELECT a FROM t1 GROUP BY a ORDER BY COALESCE(2, b)",
                "SELECT COALESCE(3, b), count(*) FROM t1",
        }) {
            String plan = tester.printOptimized(sql);
            assertFalse(plan.contains("b#"), sql + " still reads b:\n" + plan);
        }
    }

    @Test
    void liveReferencesStillFail()
    {
        for (String sql : new String[] {
                "SELECT COALESCE(b, 49) FROM t1 GROUP BY a",
                "SELECT COALESCE(a, b) FROM t1 GROUP BY a",
                "SELECT COALESCE(NULL, b, 1) FROM t1 GROUP BY a",
                "SELECT NULLIF(1, b) FROM t1 GROUP BY a",
                "SELECT NULLIF(b, 1) FROM t1 GROUP BY a",
                "SELECT NULLIF(a, b) FROM t1 GROUP BY a",
                "SELECT CASE b WHEN 1 THEN 2 END FROM t1 GROUP BY a",
                "SELECT CASE 1 WHEN b THEN 2 END FROM t1 GROUP BY a",
                "SELECT CASE 1 WHEN 1 THEN b END FROM t1 GROUP BY a",
                "SELECT CASE WHEN a > 0 THEN b END FROM t1 GROUP BY a",
                "SELECT CASE WHEN a > 0 THEN 1 ELSE b END FROM t1 GROUP BY a",
                "SELECT b - b FROM t1 GROUP BY a",
                "SELECT b * 0 FROM t1 GROUP BY a",
                "SELECT a FROM t1 GROUP BY a HAVING COALESCE(b, 1) > 0",
                "SELECT a FROM t1 GROUP BY a ORDER BY COALESCE(b, 2)",
                "SELECT COALESCE(b, 3), count(*) FROM t1",
        }) {
            tester.assertFails(sql, ErrorCode.GROUPING_ERROR, "must appear in the GROUP BY clause or be used in an aggregate function");
        }
        // the message names the first ungrouped column, as before
        String message = tester.assertFails("SELECT COALESCE(x, 1, b) FROM t1 GROUP BY a", ErrorCode.GROUPING_ERROR).getMessage();
        assertTrue(message.contains("x\"") && !message.contains("b\""), message);
    }
}
