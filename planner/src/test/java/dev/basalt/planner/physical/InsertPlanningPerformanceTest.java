package dev.basalt.planner.physical;

import dev.basalt.planner.plan.Values;
import dev.basalt.planner.testing.PlannerTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class InsertPlanningPerformanceTest
{
    /** A bulk INSERT ... VALUES stays one Values node with every row typed. */
    @Test
    void largeValuesList()
    {
        StringBuilder sql = new StringBuilder("INSERT INTO t2 VALUES ");
        int rows = 5_000;
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'name").append(i).append("', ").append(i).append(".5)");
        }
        Values values = assertInstanceOf(Values.class, PlannerTester.simple().plan(sql.toString()));
        assertEquals(rows, values.rows().size());
        assertEquals(3, values.rows().getLast().size());
    }
}
