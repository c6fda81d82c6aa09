package dev.basalt.planner.physical;

import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.planner.testing.TpchCatalog;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans the 22 TPC-H queries of the shared corpus ({@code ../shared/corpus} from the repository root, or
 * {@code -Dbasalt.shared=...}): all must plan sanely (every scan reads only some columns, multi-table queries use
 * hash joins; subqueries decorrelated into joins).
 */
class TpchPlanningTest
{
    private static final Set<Integer> SUPPORTED = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22);

    private static Path queries()
    {
        String shared = System.getProperty("basalt.shared");
        Path root = shared != null ? Path.of(shared) : Path.of("..", "..", "shared", "corpus");
        if (shared == null && !Files.isDirectory(root)) {
            root = Path.of("..", "shared", "corpus");
        }
        return root.resolve("tpch").resolve("queries");
    }

    @Test
    void planAllQueries() throws IOException
    {
        Path directory = queries();
        Assumptions.assumeTrue(Files.isDirectory(directory), "TPC-H corpus not found at " + directory.toAbsolutePath() + "; skipping");
        PlannerTester tester = PlannerTester.tpch();
        List<Integer> planned = new ArrayList<>();
        for (int number = 1; number <= 22; number++) {
            String sql = Files.readString(directory.resolve("q%02d.sql".formatted(number)));
            try {
                PhysicalPlan plan = tester.plan(sql);
                planned.add(number);
                List<TableScan> scans = new ArrayList<>();
                collect(plan, TableScan.class, scans);
                for (TableScan scan : scans) {
                    int width = TpchCatalog.create().getTable(scan.table()).orElseThrow().schema().columnCount();
                    // Q2 returns every supplier column
                    assertTrue(scan.columns().size() < width || (number == 2 && scan.table().equals("supplier")),
                            "Q" + number + " reads every column of " + scan.table());
                }
                List<HashJoin> joins = new ArrayList<>();
                collect(plan, HashJoin.class, joins);
                assertTrue(scans.size() == 1 || !joins.isEmpty(), "Q" + number + " joins without hashing");
            }
            catch (BasaltException e) {
                assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code(), () -> "Q" + e.getMessage());
            }
        }
        assertEquals(SUPPORTED.stream().sorted().toList(), planned);
    }

    private static <T extends PhysicalPlan> void collect(PhysicalPlan plan, Class<T> type, List<T> found)
    {
        if (type.isInstance(plan)) {
            found.add(type.cast(plan));
        }
        for (PhysicalPlan child : plan.children()) {
            collect(child, type, found);
        }
    }
}
