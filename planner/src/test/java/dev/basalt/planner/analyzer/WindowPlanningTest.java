package dev.basalt.planner.analyzer;

import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Window;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFunction;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Window functions: one Window node per distinct specification, frames and result types. */
class WindowPlanningTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private static List<Window> windows(PhysicalPlan plan)
    {
        List<Window> found = new ArrayList<>();
        if (plan instanceof Window window) {
            found.add(window);
        }
        for (PhysicalPlan child : plan.children()) {
            found.addAll(windows(child));
        }
        return found;
    }

    @Test
    void oneWindowNodePerSpecification()
    {
        List<Window> nodes = windows(tester.plan("SELECT a, row_number() OVER (PARTITION BY b ORDER BY a), sum(c) OVER (PARTITION BY b ORDER BY a), "
                + "rank() OVER (ORDER BY c) FROM t1"));
        assertEquals(2, nodes.size());
        assertEquals(3, nodes.stream().mapToInt(window -> window.functions().size()).sum());
    }

    @Test
    void resultTypes()
    {
        assertEquals(List.of(DataTypes.BIGINT, DataTypes.DOUBLE, DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.BIGINT),
                tester.outputTypes("SELECT row_number() OVER (), percent_rank() OVER (ORDER BY a), lag(a, 2, 0) OVER (ORDER BY a), "
                        + "count(*) OVER (), ntile(3) OVER (ORDER BY a) FROM t1"));
    }

    @Test
    void framesAndDefaults()
    {
        Window window = windows(tester.plan("SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING), "
                + "sum(a) OVER (ORDER BY b) FROM t1")).getFirst();
        WindowFrame rows = window.functions().get(0).frame();
        assertEquals(WindowFrame.FrameType.ROWS, rows.type());
        assertEquals(2L, rows.start().offset());
        assertEquals(1L, rows.end().offset());
        assertEquals(WindowFrame.defaultFrame(true), window.functions().get(1).frame());
        Window range = windows(tester.plan("SELECT count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '3' DAY PRECEDING AND CURRENT ROW) FROM t1")).getFirst();
        assertEquals(WindowFrame.BoundType.PRECEDING, range.functions().getFirst().frame().start().type());
        tester.assertFails("SELECT sum(a) OVER (ORDER BY a, b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t1", ErrorCode.SYNTAX_ERROR, "RANGE");
    }

    @Test
    void windowsOverAggregatesAndNamedWindows()
    {
        Window window = windows(tester.plan("SELECT b, sum(a), rank() OVER (ORDER BY sum(a) DESC) FROM t1 GROUP BY b")).getFirst();
        assertEquals(WindowFunction.RANK, window.functions().getFirst().function());
        assertEquals(1, windows(tester.plan("SELECT sum(a) OVER w, max(a) OVER w FROM t1 WINDOW w AS (PARTITION BY b)")).size());
        tester.assertFails("SELECT b FROM t1 GROUP BY b HAVING rank() OVER () > 1", ErrorCode.WINDOWING_ERROR, "window");
        // through a SELECT alias too (it used to reach the physical planner as an unknown symbol)
        tester.assertFails("SELECT b, rank() OVER () AS r FROM t1 GROUP BY b HAVING r > 1", ErrorCode.WINDOWING_ERROR, "HAVING");
    }
}
