package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.execution.testing.TestingTable;
import dev.basalt.planner.plan.EnforceSingleRow;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.SetOperation;
import dev.basalt.planner.plan.SetOperationType;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SetOperationTest
{
    private static final List<Column> COLUMNS = List.of(new Column("a", DataTypes.BIGINT), new Column("b", DataTypes.VARCHAR));

    private int tables;

    private TableScan table(TestingCatalog catalog, List<Column> columns, Object[]... rows)
    {
        String name = "t" + tables++;
        catalog.add(name, new TestingTable(new TableSchema(name, columns), new ArrayList<>(Arrays.asList(rows)), 2, true));
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ordinals.add(i);
        }
        return new TableScan(name, ordinals, List.of(), columns, rows.length);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows)
    {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    private static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }

    private List<List<Object>> run(SetOperationType type, boolean all, Object[][] left, Object[][] right)
    {
        TestingCatalog catalog = new TestingCatalog();
        PhysicalPlan plan = new SetOperation(type, all, List.of(table(catalog, COLUMNS, left), table(catalog, COLUMNS, right)), COLUMNS);
        return sorted(QueryRunner.run(plan, catalog));
    }

    private static final Object[][] LEFT = {
            {1L, "x"}, {1L, "x"}, {1L, "x"}, {2L, null}, {2L, null}, {null, null}, {3L, "z"}};
    private static final Object[][] RIGHT = {
            {1L, "x"}, {2L, null}, {2L, null}, {2L, null}, {null, null}, {4L, "w"}};

    @Test
    void union()
    {
        assertEquals(sorted(List.of(row(1L, "x"), row(2L, null), row(null, null), row(3L, "z"), row(4L, "w"))),
                run(SetOperationType.UNION, false, LEFT, RIGHT));
        assertEquals(13, run(SetOperationType.UNION, true, LEFT, RIGHT).size());
    }

    @Test
    void unionOfThreeInputsAndEmptyInputs()
    {
        TestingCatalog catalog = new TestingCatalog();
        List<PhysicalPlan> inputs = List.of(table(catalog, COLUMNS), table(catalog, COLUMNS, new Object[] {5L, "a"}), table(catalog, COLUMNS),
                table(catalog, COLUMNS, new Object[] {5L, "a"}, new Object[] {6L, "b"}));
        assertEquals(sorted(List.of(row(5L, "a"), row(5L, "a"), row(6L, "b"))),
                sorted(QueryRunner.run(new SetOperation(SetOperationType.UNION, true, inputs, COLUMNS), catalog)));
        assertEquals(sorted(List.of(row(5L, "a"), row(6L, "b"))),
                sorted(QueryRunner.run(new SetOperation(SetOperationType.UNION, false, inputs, COLUMNS), catalog)));
        assertEquals(List.of(), run(SetOperationType.UNION, false, new Object[0][], new Object[0][]));
    }

    @Test
    void intersect()
    {
        assertEquals(sorted(List.of(row(1L, "x"), row(2L, null), row(null, null))), run(SetOperationType.INTERSECT, false, LEFT, RIGHT));
        // min(3, 1) x (1, x), min(2, 3) x (2, NULL), min(1, 1) x (NULL, NULL)
        assertEquals(sorted(List.of(row(1L, "x"), row(2L, null), row(2L, null), row(null, null))), run(SetOperationType.INTERSECT, true, LEFT, RIGHT));
        assertEquals(List.of(), run(SetOperationType.INTERSECT, true, LEFT, new Object[0][]));
    }

    @Test
    void except()
    {
        assertEquals(List.of(row(3L, "z")), run(SetOperationType.EXCEPT, false, LEFT, RIGHT));
        // max(3 - 1, 0) x (1, x), max(2 - 3, 0) x (2, NULL), (3, z)
        assertEquals(sorted(List.of(row(1L, "x"), row(1L, "x"), row(3L, "z"))), run(SetOperationType.EXCEPT, true, LEFT, RIGHT));
        assertEquals(sorted(List.of(row(1L, "x"), row(2L, null), row(null, null), row(3L, "z"))), run(SetOperationType.EXCEPT, false, LEFT, new Object[0][]));
        assertEquals(List.of(), run(SetOperationType.EXCEPT, true, new Object[0][], RIGHT));
    }

    @Test
    void manyRowsAndTypes()
    {
        List<Column> columns = List.of(new Column("d", DataTypes.DOUBLE), new Column("m", DataTypes.parse("DECIMAL(30,2)")), new Column("i", DataTypes.INTEGER));
        List<Object[]> left = new ArrayList<>();
        List<Object[]> right = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            left.add(new Object[] {i % 7 == 0 ? null : (double) (i % 100), new BigDecimal(i % 50 + ".25"), i % 3});
            right.add(new Object[] {(double) (i % 10), new BigDecimal(i % 5 + ".25"), i % 3});
        }
        TestingCatalog catalog = new TestingCatalog();
        PhysicalPlan l = table(catalog, columns, left.toArray(new Object[0][]));
        PhysicalPlan r = table(catalog, columns, right.toArray(new Object[0][]));
        List<List<Object>> union = QueryRunner.run(new SetOperation(SetOperationType.UNION, false, List.of(l, r), columns), catalog);
        assertEquals(union.size(), union.stream().distinct().count());
        java.util.Set<List<Object>> expected = new java.util.HashSet<>();
        for (Object[] row : left) {
            expected.add(Arrays.asList(row));
        }
        for (Object[] row : right) {
            expected.add(Arrays.asList(row));
        }
        assertEquals(expected, new java.util.HashSet<>(union));
    }

    @Test
    void enforceSingleRow()
    {
        List<Column> columns = List.of(new Column("a", DataTypes.BIGINT), new Column("b", DataTypes.VARCHAR), new Column("n", DataTypes.NULL));
        TestingCatalog catalog = new TestingCatalog();
        assertEquals(List.of(row(7L, "x", null)), QueryRunner.run(new EnforceSingleRow(table(catalog, columns, new Object[] {7L, "x", null})), catalog));
        assertEquals(List.of(row(null, null, null)), QueryRunner.run(new EnforceSingleRow(table(catalog, columns)), catalog));
        PhysicalPlan two = new EnforceSingleRow(table(catalog, columns, new Object[] {1L, "x", null}, new Object[] {2L, "y", null}));
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(two, catalog));
        assertEquals(ErrorCode.CARDINALITY_VIOLATION, e.code());
        // the second row arrives in a later batch (batch size 2, junk rows)
        PhysicalPlan three = new EnforceSingleRow(table(catalog, columns, new Object[] {1L, "x", null}, new Object[] {2L, "y", null}, new Object[] {3L, "z", null}));
        assertEquals(ErrorCode.CARDINALITY_VIOLATION, assertThrows(BasaltException.class, () -> QueryRunner.run(three, catalog)).code());
    }

}
