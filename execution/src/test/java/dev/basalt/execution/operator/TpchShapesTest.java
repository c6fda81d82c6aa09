package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TPC-H Q1 and Q6 plan shapes on generated lineitem rows, checked against BigDecimal arithmetic. */
class TpchShapesTest
{
    private static final DecimalType D152 = DecimalType.of(15, 2);
    private static final DataType CHAR1 = VarcharType.character(1);
    private static final List<Column> LINEITEM = List.of(new Column("l_returnflag", CHAR1), new Column("l_linestatus", CHAR1), new Column("l_quantity", D152),
            new Column("l_extendedprice", D152), new Column("l_discount", D152), new Column("l_tax", D152), new Column("l_shipdate", DataTypes.DATE));

    private static List<Object[]> lineitem(int count)
    {
        Random random = new Random(1);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate ship = LocalDate.of(1992, 1, 2).plusDays(random.nextInt(2526));
            rows.add(new Object[] {
                    String.valueOf("ANR".charAt(random.nextInt(3))), ship.isAfter(LocalDate.of(1995, 6, 17)) ? "O" : "F",
                    BigDecimal.valueOf(1 + random.nextInt(50)).setScale(2), BigDecimal.valueOf(90_000 + random.nextInt(10_000_000), 2),
                    BigDecimal.valueOf(random.nextInt(11), 2), BigDecimal.valueOf(random.nextInt(9), 2), ship});
        }
        return rows;
    }

    private static RowExpression ref(int index, DataType type)
    {
        return new InputReference(index, type);
    }

    private static RowExpression call(Function function, DataType type, RowExpression... arguments)
    {
        return new Call(function, List.of(arguments), type);
    }

    @Test
    void q1()
    {
        List<Object[]> rows = lineitem(30_000);
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = OperatorTest.table(catalog, "lineitem", LINEITEM, rows, 4096, false);
        LocalDate cutoff = LocalDate.of(1998, 9, 2);
        Filter filter = new Filter(scan, call(Function.LESS_THAN_OR_EQUAL, DataTypes.BOOLEAN, ref(6, DataTypes.DATE), new Constant(cutoff, DataTypes.DATE)), -1);
        RowExpression discPrice = call(Function.MULTIPLY, DecimalType.of(31, 4), ref(3, D152),
                call(Function.SUBTRACT, DecimalType.of(16, 2), new Constant(BigDecimal.ONE, DecimalType.of(1, 0)), ref(4, D152)));
        RowExpression charge = call(Function.MULTIPLY, DecimalType.of(38, 6), discPrice,
                call(Function.ADD, DecimalType.of(16, 2), new Constant(BigDecimal.ONE, DecimalType.of(1, 0)), ref(5, D152)));
        Project project = new Project(filter, List.of(ref(0, CHAR1), ref(1, CHAR1), ref(2, D152), ref(3, D152), discPrice, charge, ref(4, D152)),
                List.of(LINEITEM.get(0), LINEITEM.get(1), LINEITEM.get(2), LINEITEM.get(3), new Column("disc_price", DecimalType.of(31, 4)),
                        new Column("charge", DecimalType.of(38, 6)), LINEITEM.get(4)));
        List<AggregateCall> aggregates = List.of(
                new AggregateCall(AggregateFunction.SUM, List.of(2), false, DecimalType.of(38, 2)),
                new AggregateCall(AggregateFunction.SUM, List.of(3), false, DecimalType.of(38, 2)),
                new AggregateCall(AggregateFunction.SUM, List.of(4), false, DecimalType.of(38, 4)),
                new AggregateCall(AggregateFunction.SUM, List.of(5), false, DecimalType.of(38, 6)),
                new AggregateCall(AggregateFunction.AVG, List.of(2), false, DataTypes.DOUBLE),
                new AggregateCall(AggregateFunction.AVG, List.of(6), false, DataTypes.DOUBLE),
                new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataTypes.BIGINT));
        List<Column> output = new ArrayList<>(List.of(LINEITEM.get(0), LINEITEM.get(1)));
        for (int i = 0; i < aggregates.size(); i++) {
            output.add(new Column("a" + i, aggregates.get(i).type()));
        }
        Sort plan = new Sort(new HashAggregate(project, List.of(0, 1), aggregates, output, 4), List.of(new SortKey(0, true, false), new SortKey(1, true, false)));

        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (Object[] row : rows) {
            if (((LocalDate) row[6]).isAfter(cutoff)) {
                continue;
            }
            BigDecimal[] sums = expected.computeIfAbsent(row[0] + "|" + row[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal price = (BigDecimal) row[3];
            BigDecimal disc = price.multiply(BigDecimal.ONE.subtract((BigDecimal) row[4]));
            sums[0] = sums[0].add((BigDecimal) row[2]);
            sums[1] = sums[1].add(price);
            sums[2] = sums[2].add(disc);
            sums[3] = sums[3].add(disc.multiply(BigDecimal.ONE.add((BigDecimal) row[5])));
            sums[4] = sums[4].add((BigDecimal) row[4]);
            sums[5] = sums[5].add(BigDecimal.ONE);
        }
        List<List<Object>> actual = QueryRunner.run(plan, catalog);
        assertEquals(expected.size(), actual.size());
        int i = 0;
        for (Map.Entry<String, BigDecimal[]> group : expected.entrySet()) {
            List<Object> row = actual.get(i++);
            BigDecimal[] sums = group.getValue();
            assertEquals(group.getKey(), row.get(0) + "|" + row.get(1));
            assertEquals(sums[0].setScale(2), row.get(2));
            assertEquals(sums[1].setScale(2), row.get(3));
            assertEquals(sums[2].setScale(4), row.get(4));
            assertEquals(sums[3].setScale(6), row.get(5));
            assertEquals(sums[0].divide(sums[5], MathContext.DECIMAL128).doubleValue(), (Double) row.get(6), 1e-12);
            assertEquals(sums[4].divide(sums[5], MathContext.DECIMAL128).doubleValue(), (Double) row.get(7), 1e-12);
            assertEquals(sums[5].longValue(), row.get(8));
        }
    }

    @Test
    void q6()
    {
        List<Object[]> rows = lineitem(30_000);
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = OperatorTest.table(catalog, "lineitem", LINEITEM, rows, 4096, true);
        DataType date = DataTypes.DATE;
        RowExpression predicate = call(Function.AND, DataTypes.BOOLEAN,
                call(Function.GREATER_THAN_OR_EQUAL, DataTypes.BOOLEAN, ref(6, date), new Constant(LocalDate.of(1994, 1, 1), date)),
                call(Function.LESS_THAN, DataTypes.BOOLEAN, ref(6, date), new Constant(LocalDate.of(1995, 1, 1), date)),
                call(Function.GREATER_THAN_OR_EQUAL, DataTypes.BOOLEAN, ref(4, D152), new Constant(new BigDecimal("0.05"), DecimalType.of(3, 2))),
                call(Function.LESS_THAN_OR_EQUAL, DataTypes.BOOLEAN, ref(4, D152), new Constant(new BigDecimal("0.07"), DecimalType.of(3, 2))),
                call(Function.LESS_THAN, DataTypes.BOOLEAN, ref(2, D152), new Constant(new BigDecimal("24"), DecimalType.of(2, 0))));
        Project revenue = new Project(new Filter(scan, predicate, -1), List.of(call(Function.MULTIPLY, DecimalType.of(30, 4), ref(3, D152), ref(4, D152))),
                List.of(new Column("r", DecimalType.of(30, 4))));
        HashAggregate plan = new HashAggregate(revenue, List.of(), List.of(new AggregateCall(AggregateFunction.SUM, List.of(0), false, DecimalType.of(38, 4))),
                List.of(new Column("revenue", DecimalType.of(38, 4))), 1);
        BigDecimal expected = BigDecimal.ZERO;
        for (Object[] row : rows) {
            LocalDate ship = (LocalDate) row[6];
            BigDecimal discount = (BigDecimal) row[4];
            if (!ship.isBefore(LocalDate.of(1994, 1, 1)) && ship.isBefore(LocalDate.of(1995, 1, 1))
                    && discount.compareTo(new BigDecimal("0.05")) >= 0 && discount.compareTo(new BigDecimal("0.07")) <= 0
                    && ((BigDecimal) row[2]).compareTo(new BigDecimal("24")) < 0) {
                expected = expected.add(((BigDecimal) row[3]).multiply(discount));
            }
        }
        assertEquals(List.of(List.of(expected.setScale(4))), QueryRunner.run(plan, catalog));
    }
}
