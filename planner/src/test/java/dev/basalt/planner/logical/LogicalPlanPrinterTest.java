package dev.basalt.planner.logical;

import dev.basalt.planner.testing.PlannerTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogicalPlanPrinterTest
{
    @Test
    void printsTheBoundPlan()
    {
        String printed = PlannerTester.simple().printLogical("SELECT a + 1 AS n FROM t3, t2 WHERE k = a ORDER BY n LIMIT 2");
        assertEquals("""
                Output[n := n#5]
                  Limit[2]
                    Sort[n#5 ASC NULLS LAST]
                      Project[n#5 := (a#2 + 1)]
                        Filter[(k#0 = a#2)]
                          Join[INNER]
                            Scan[t3, [k#0, v#1]]
                            Scan[t2, [a#2, y#3, z#4]]
                """, printed);
    }

    @Test
    void printsTheOptimizedPlan()
    {
        String printed = PlannerTester.simple().printOptimized("SELECT a + 1 AS n FROM t3, t2 WHERE k = a AND k > 5 ORDER BY n LIMIT 2");
        assertEquals("""
                Output[n := n#5]
                  TopN[2, n#5 ASC NULLS LAST]
                    Project[n#5 := (a#2 + 1)]
                      Join[INNER, (k#0 = a#2)]
                        Filter[(k#0 > 5)]
                          Scan[t3, [k#0], predicates=[5 < k]]
                        Scan[t2, [a#2]]
                """, printed);
    }
}
