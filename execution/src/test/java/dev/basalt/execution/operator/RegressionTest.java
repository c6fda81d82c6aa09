package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.Limit;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.Values;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.basalt.execution.operator.OperatorTest.row;
import static dev.basalt.execution.operator.OperatorTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bugs found end to end (TPC-H, sqllogictest), each reduced to an operator plan. */
class RegressionTest
{
    /** TPC-H Q1: a projected column that a later projection computes with must not be moved out first. */
    @Test
    void projectedColumnStillReadableByLaterProjections()
    {
        DecimalType price = DecimalType.of(15, 2);
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            data.add(new Object[] {BigDecimal.valueOf(i, 2), BigDecimal.valueOf(i % 11, 2)});
        }
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = table(catalog, "lineitem", List.of(new Column("price", price), new Column("discount", price)), data, 1024, false);
        DecimalType product = DecimalType.of(18, 4);
        RowExpression times = new Call(Function.MULTIPLY, List.of(new InputReference(0, price), new InputReference(1, price)), product);
        Project project = new Project(scan, List.of(new InputReference(0, price), times, new InputReference(1, price), new InputReference(0, price)),
                List.of(new Column("p", price), new Column("x", product), new Column("d", price), new Column("p2", price)));
        List<List<Object>> result = QueryRunner.run(project, catalog);
        assertEquals(3000, result.size());
        for (int i = 0; i < 3000; i++) {
            BigDecimal p = BigDecimal.valueOf(i, 2);
            BigDecimal d = BigDecimal.valueOf(i % 11, 2);
            assertEquals(row(p, p.multiply(d), d, p), result.get(i));
        }
    }

    /** sqllogictest select1.test:258: WHERE a > b, then a projected and used in arithmetic after it. */
    @Test
    void filteredArithmeticAfterProjectedColumn()
    {
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            data.add(new Object[] {100 + i, 100 + (i * 7) % 30});
        }
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = table(catalog, "t1", List.of(new Column("a", DataTypes.INTEGER), new Column("b", DataTypes.INTEGER)), data, 8, true);
        InputReference a = new InputReference(0, DataTypes.INTEGER);
        InputReference b = new InputReference(1, DataTypes.INTEGER);
        Filter filter = new Filter(scan, new Call(Function.GREATER_THAN, List.of(a, b), DataTypes.BOOLEAN), -1);
        RowExpression sum = new Call(Function.ADD, List.of(a, b), DataTypes.INTEGER);
        Project project = new Project(filter, List.of(a, sum, b), List.of(new Column("a", DataTypes.INTEGER), new Column("s", DataTypes.INTEGER), new Column("b", DataTypes.INTEGER)));
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] r : data) {
            int x = (Integer) r[0];
            int y = (Integer) r[1];
            if (x > y) {
                expected.add(row(x, x + y, y));
            }
        }
        assertEquals(expected, QueryRunner.run(project, catalog));
        // no row passes: empty batches never reach the arithmetic
        Filter none = new Filter(scan, new Call(Function.GREATER_THAN, List.of(a, new Constant(1000, DataTypes.INTEGER)), DataTypes.BOOLEAN), -1);
        assertEquals(List.of(), QueryRunner.run(new Project(none, List.of(a, sum), List.of(new Column("a", DataTypes.INTEGER), new Column("s", DataTypes.INTEGER))), catalog));
    }

    /** Arithmetic over a zero-row batch whose vectors have no buffers (address 0). */
    @Test
    void arithmeticOnEmptyTable()
    {
        TestingCatalog catalog = new TestingCatalog();
        for (DataType type : List.<DataType>of(DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.DOUBLE, DecimalType.of(15, 2))) {
            TableScan scan = table(catalog, "e" + type.sqlName().replaceAll("\\W", ""), List.of(new Column("a", type), new Column("b", type)), new ArrayList<>(), 16, false);
            InputReference a = new InputReference(0, type);
            InputReference b = new InputReference(1, type);
            for (Function function : List.of(Function.ADD, Function.SUBTRACT, Function.MULTIPLY)) {
                RowExpression e = new Call(function, List.of(a, b), type instanceof DecimalType ? DecimalType.of(18, function == Function.MULTIPLY ? 4 : 2) : type);
                assertEquals(List.of(), QueryRunner.run(new Project(scan, List.of(a, e), List.of(new Column("a", type), new Column("e", e.type()))), catalog));
            }
        }
    }

    /** OFFSET without LIMIT (count = Long.MAX_VALUE) used to overflow {@code from + remaining}. */
    @Test
    void offsetWithoutLimit()
    {
        List<Object[]> data = new ArrayList<>();
        for (long i = 0; i < 10; i++) {
            data.add(new Object[] {9 - i});
        }
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = table(catalog, "t", List.of(new Column("a", DataTypes.BIGINT)), data, 3, false);
        Sort sort = new Sort(scan, List.of(new SortKey(0, true, false)));
        assertEquals(List.of(row(4L), row(5L), row(6L), row(7L), row(8L), row(9L)), QueryRunner.run(new Limit(sort, Long.MAX_VALUE, 4), catalog));
        assertEquals(List.of(row(1L), row(0L)), QueryRunner.run(new Limit(scan, Long.MAX_VALUE, 8), catalog));
        assertEquals(List.of(), QueryRunner.run(new Limit(scan, Long.MAX_VALUE, 100), catalog));
    }

    /** CAST('1.2.3' AS DOUBLE): 22P02 naming the value, and nothing leaks (QueryRunner checks the allocators). */
    @Test
    void badTextCastRaises22P02WithoutLeaking()
    {
        TestingCatalog catalog = new TestingCatalog();
        for (String text : List.of("1.2.3", "1e", "--1", "1e5e5", ".")) {
            Values values = new Values(List.of(new Column("x", DataTypes.INTEGER)), List.of(List.of(new Constant(1, DataTypes.INTEGER))));
            Project project = new Project(values, List.of(new Cast(new Constant(text, DataTypes.VARCHAR), DataTypes.DOUBLE)), List.of(new Column("d", DataTypes.DOUBLE)));
            BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(project, catalog));
            assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(text), e.getMessage());
        }
        // same from a column, mid-batch after good values
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            data.add(new Object[] {i == 4321 ? "1.2.3" : i + ".5"});
        }
        TableScan scan = table(catalog, "s", List.of(new Column("s", DataTypes.VARCHAR)), data, 1000, false);
        Project project = new Project(scan, List.of(new InputReference(0, DataTypes.VARCHAR), new Cast(new InputReference(0, DataTypes.VARCHAR), DataTypes.DOUBLE)),
                List.of(new Column("s", DataTypes.VARCHAR), new Column("d", DataTypes.DOUBLE)));
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(project, catalog));
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code());
    }
}
