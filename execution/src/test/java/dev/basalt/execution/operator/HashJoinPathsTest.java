package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.basalt.execution.operator.OperatorTest.row;
import static dev.basalt.execution.operator.OperatorTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unique-key join paths: sparse matches as a compact batch, dense ones aligned with the probe batch, a build
 * large enough for the probe Bloom filter, and build/probe columns the projection above does not read.
 */
class HashJoinPathsTest
{
    private static final int BUILD_ROWS = 100_000;

    @Test
    void uniqueJoinsWithProjectionAbove()
    {
        List<Object[]> buildRows = new ArrayList<>();
        for (int k = 0; k < BUILD_ROWS; k++) {
            // keys 0, 3, 6, ...; every 7th name NULL
            buildRows.add(new Object[] {3L * k, k % 7 == 0 ? null : "name" + k, (long) k * 10});
        }
        for (int matchEvery : new int[] {1, 2, 40}) {
            List<Object[]> probeRows = new ArrayList<>();
            List<List<Object>> expected = new ArrayList<>();
            List<List<Object>> expectedLeft = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                long key = i % matchEvery == 0 ? 3L * ((i * 7L) % BUILD_ROWS) : 3L * ((i * 7L) % BUILD_ROWS) + 1;
                Long value = i % 11 == 0 ? null : (long) i;
                probeRows.add(new Object[] {key, value, "p" + i});
                int k = (int) (key / 3);
                boolean match = key % 3 == 0;
                if (match) {
                    expected.add(row(value, k % 7 == 0 ? null : "name" + k));
                }
                expectedLeft.add(row(value, match ? (k % 7 == 0 ? null : "name" + k) : null));
            }
            TestingCatalog catalog = new TestingCatalog();
            TableScan probe = table(catalog, "probe", List.of(new Column("pk", DataTypes.BIGINT), new Column("v", DataTypes.BIGINT), new Column("s", DataTypes.VARCHAR)),
                    probeRows, 4096, true);
            TableScan build = table(catalog, "build", List.of(new Column("bk", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR), new Column("w", DataTypes.BIGINT)),
                    buildRows, 4096, false);
            List<Column> output = new ArrayList<>(probe.outputColumns());
            output.addAll(build.outputColumns());
            for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT)) {
                HashJoin join = new HashJoin(type, probe, build, List.of(0), List.of(0), Optional.empty(), output, -1);
                List<RowExpression> projections = List.of(new InputReference(1, DataTypes.BIGINT), new InputReference(4, DataTypes.VARCHAR));
                Project project = new Project(join, projections, List.of(new Column("v", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR)));
                List<List<Object>> want = type == JoinType.INNER ? expected : expectedLeft;
                assertEquals(want, QueryRunner.run(project, catalog), type + " every " + matchEvery);
                // computing over a build column after the join (reads w, not name)
                RowExpression sum = new Call(Function.ADD, List.of(new InputReference(0, DataTypes.BIGINT), new InputReference(5, DataTypes.BIGINT)), DataTypes.BIGINT);
                List<List<Object>> sums = QueryRunner.run(new Project(join, List.of(sum), List.of(new Column("x", DataTypes.BIGINT))), catalog);
                assertEquals(want.size(), sums.size());
                // the join alone outputs every column
                assertEquals(want.size(), QueryRunner.run(join, catalog).size());
            }
        }
    }
}
