package dev.basalt.execution.testing;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Evaluates expressions through real plans (TableScan + Project, and TableScan + Filter for predicates), with and
 * without selection vectors in the input, and checks that all paths agree.
 */
public final class ExpressionTester
{
    private ExpressionTester() {}

    public static InputReference column(int index, DataType type)
    {
        return new InputReference(index, type);
    }

    public static Constant constant(Object value, DataType type)
    {
        return new Constant(value, type);
    }

    public static Call call(Function function, DataType type, RowExpression... arguments)
    {
        return new Call(function, List.of(arguments), type);
    }

    /** One-column input rows, one per value. */
    public static List<Object[]> single(Object... values)
    {
        List<Object[]> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(new Object[] {value});
        }
        return rows;
    }

    /** The expression's value for each input row. */
    public static List<Object> evaluate(RowExpression expression, List<DataType> inputTypes, List<Object[]> rows)
    {
        List<Object> plain = evaluateOnce(expression, inputTypes, rows, false, 3);
        List<Object> selected = evaluateOnce(expression, inputTypes, rows, true, 2);
        assertEquals(plain, selected, "results differ when the input has a selection vector");
        if (expression.type() instanceof BooleanType) {
            List<Integer> expectedTrue = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                if (Boolean.TRUE.equals(plain.get(i))) {
                    expectedTrue.add(i);
                }
            }
            assertEquals(expectedTrue, filterRows(expression, inputTypes, rows, false), "filter disagrees with value");
            assertEquals(expectedTrue, filterRows(expression, inputTypes, rows, true), "filter disagrees with value (selection)");
        }
        return plain;
    }

    /** Value of an expression over a single row. */
    public static Object evaluate(RowExpression expression, List<DataType> inputTypes, Object... row)
    {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row);
        return evaluate(expression, inputTypes, rows).get(0);
    }

    /** Value of an input-free expression. */
    public static Object evaluate(RowExpression expression)
    {
        return evaluate(expression, List.of(dev.basalt.spi.type.DataTypes.INTEGER), new Object[] {1});
    }

    public static BasaltException assertFails(ErrorCode code, Runnable action)
    {
        BasaltException e = assertThrows(BasaltException.class, action::run);
        assertEquals(code, e.code(), () -> "wrong error: " + e.getMessage());
        return e;
    }

    private static TableScan scan(List<DataType> inputTypes, TestingCatalog catalog, List<Object[]> rows, boolean junk, int batchSize)
    {
        List<Column> columns = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 0; i < inputTypes.size(); i++) {
            columns.add(new Column("c" + i, inputTypes.get(i)));
            ordinals.add(i);
        }
        catalog.add("t", new TestingTable(new TableSchema("t", columns), rows, batchSize, junk));
        return new TableScan("t", ordinals, List.of(), columns, rows.size());
    }

    private static List<Object> evaluateOnce(RowExpression expression, List<DataType> inputTypes, List<Object[]> rows, boolean junk, int batchSize)
    {
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = scan(inputTypes, catalog, rows, junk, batchSize);
        PhysicalPlan plan = new Project(scan, List.of(expression), List.of(new Column("result", expression.type())));
        List<Object> values = new ArrayList<>();
        for (List<Object> row : QueryRunner.run(plan, catalog)) {
            values.add(row.get(0));
        }
        return values;
    }

    private static List<Integer> filterRows(RowExpression expression, List<DataType> inputTypes, List<Object[]> rows, boolean junk)
    {
        List<DataType> withIndex = new ArrayList<>(inputTypes);
        withIndex.add(dev.basalt.spi.type.DataTypes.INTEGER);
        List<Object[]> indexed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = java.util.Arrays.copyOf(rows.get(i), inputTypes.size() + 1);
            row[inputTypes.size()] = i;
            indexed.add(row);
        }
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = scan(withIndex, catalog, indexed, junk, 3);
        PhysicalPlan plan = new Filter(scan, expression, -1);
        List<Integer> result = new ArrayList<>();
        for (List<Object> row : QueryRunner.run(plan, catalog)) {
            result.add((Integer) row.get(inputTypes.size()));
        }
        return result;
    }
}
