package dev.basalt.planner.analyzer;

import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.planner.testing.TestingCatalog;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Result types and implicit casts (t1: a INTEGER, b BIGINT, c DECIMAL(15,2), d DATE, s VARCHAR, x SMALLINT, f DOUBLE). */
class ExpressionTypingTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private DataType type(String expression)
    {
        return tester.outputType("SELECT " + expression + " FROM t1");
    }

    private static DataType decimal(int precision, int scale)
    {
        return DecimalType.of(precision, scale);
    }

    @Test
    void literals()
    {
        assertEquals(DataTypes.INTEGER, tester.outputType("SELECT 1"));
        assertEquals(DataTypes.INTEGER, tester.outputType("SELECT -2147483648"));
        assertEquals(DataTypes.BIGINT, tester.outputType("SELECT 2147483648"));
        assertEquals(DataTypes.BIGINT, tester.outputType("SELECT -9223372036854775808"));
        assertEquals(decimal(19, 0), tester.outputType("SELECT 9223372036854775808"));
        assertEquals(decimal(3, 2), tester.outputType("SELECT 0.06"));
        assertEquals(decimal(5, 2), tester.outputType("SELECT 123.45"));
        assertEquals(DataTypes.DOUBLE, tester.outputType("SELECT 1e3"));
        assertEquals(DataTypes.VARCHAR, tester.outputType("SELECT 'x'"));
        assertEquals(DataTypes.BOOLEAN, tester.outputType("SELECT TRUE"));
        assertEquals(DataTypes.DATE, tester.outputType("SELECT DATE '1998-12-01'"));
        assertEquals(DataTypes.TIMESTAMP, tester.outputType("SELECT TIMESTAMP '1998-12-01 10:00:00'"));
        assertEquals(DataTypes.INTERVAL, tester.outputType("SELECT INTERVAL '90' DAY"));
        assertEquals(DataTypes.NULL, tester.outputType("SELECT NULL"));
    }

    @Test
    void integerArithmeticWidens()
    {
        assertEquals(DataTypes.INTEGER, type("a + 1"));
        assertEquals(DataTypes.SMALLINT, type("x + x"));
        assertEquals(DataTypes.INTEGER, type("x + a"));
        assertEquals(DataTypes.BIGINT, type("a * b"));
        assertEquals(DataTypes.INTEGER, type("a % 7"));
        assertEquals(DataTypes.INTEGER, type("-a"));
        assertEquals(DataTypes.DOUBLE, type("a + f"));
    }

    @Test
    void decimalArithmetic()
    {
        // add/subtract: max(p1-s1, p2-s2) + max(s1, s2) + 1
        assertEquals(decimal(16, 2), type("c + c"));
        assertEquals(decimal(16, 2), type("1 - c"));
        assertEquals(decimal(4, 2), type("0.06 + 0.01"));
        // integer columns count with their full width
        assertEquals(decimal(13, 2), type("a + 1.50"));
        // multiply: p1 + p2, s1 + s2; two 64-bit decimals stay 64-bit (DuckDB)
        assertEquals(decimal(18, 4), type("c * (1 - c)"));
        assertEquals(decimal(18, 6), type("c * (1 - c) * (1 + c)"));
        assertEquals(decimal(6, 4), type("0.06 * 0.01"));
        // beyond 18 digits when an operand is already 128-bit, capped at 38
        assertEquals(decimal(38, 4), type("sum(c) * 1.00"));
        assertEquals(decimal(38, 2), type("sum(c)"));
        assertEquals(decimal(38, 0), type("sum(b)"));
        assertEquals(DataTypes.BIGINT, type("sum(a)"));
        assertEquals(DataTypes.DOUBLE, type("sum(f)"));
        assertEquals(DataTypes.DOUBLE, type("avg(c)"));
        assertEquals(DataTypes.DOUBLE, type("avg(a)"));
        assertEquals(DataTypes.BIGINT, type("count(*)"));
        assertEquals(DataTypes.BIGINT, type("count(DISTINCT s)"));
        assertEquals(decimal(15, 2), type("max(c)"));
        assertEquals(decimal(15, 2), type("c % 3"));
        assertEquals(DataTypes.DOUBLE, type("c + f"));
    }

    @Test
    void decimalScaleOverflowIsAnError()
    {
        tester.assertFails("SELECT CAST(a AS DECIMAL(38,20)) * CAST(a AS DECIMAL(38,20)) FROM t1",
                dev.basalt.spi.error.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "scale");
    }

    @Test
    void division()
    {
        assertEquals(DataTypes.DOUBLE, type("a / 2"));
        assertEquals(DataTypes.DOUBLE, type("c / c"));
        assertEquals(DataTypes.DOUBLE, type("c / 2"));
        assertEquals(DataTypes.INTEGER, type("a // 2"));
        assertEquals(DataTypes.BIGINT, type("b // a"));
        assertEquals(DataTypes.DOUBLE, type("f // 2"));
        PlannerTester sqlite = new PlannerTester(TestingCatalog.simple(), PlannerSettings.defaults().withIntegerDivision(true));
        assertEquals(DataTypes.INTEGER, sqlite.outputType("SELECT a / 2 FROM t1"));
        assertEquals(DataTypes.BIGINT, sqlite.outputType("SELECT a / b FROM t1"));
        assertEquals(DataTypes.DOUBLE, sqlite.outputType("SELECT c / 2 FROM t1"));
    }

    @Test
    void dateArithmetic()
    {
        // DATE +/- INTERVAL is a TIMESTAMP (DuckDB, PostgreSQL); DATE + integer stays a DATE
        assertEquals(DataTypes.TIMESTAMP, tester.outputType("SELECT DATE '1998-12-01' - INTERVAL '90' DAY"));
        assertEquals(DataTypes.TIMESTAMP, type("d + INTERVAL '1' MONTH"));
        assertEquals(DataTypes.TIMESTAMP, type("date_trunc('month', d)"));
        assertEquals(DataTypes.TIMESTAMP, type("d + INTERVAL '1' HOUR"));
        assertEquals(DataTypes.TIMESTAMP, type("ts - INTERVAL '1' DAY"));
        assertEquals(DataTypes.BIGINT, type("d - DATE '1998-01-01'"));
        assertEquals(DataTypes.DATE, type("d + 7"));
        assertEquals(DataTypes.BIGINT, type("extract(year FROM d)"));
        assertEquals(DataTypes.DOUBLE, type("extract(epoch FROM ts)"));
        assertEquals(DataTypes.BIGINT, type("extract(second FROM ts)"));
        assertEquals(DataTypes.BIGINT, type("date_part('month', d)"));
        // the TPC-H form folds to a constant
        PhysicalPlan plan = tester.plan("SELECT DATE '1998-12-01' - INTERVAL '90' DAY (3)");
        Project project = assertInstanceOf(Project.class, plan);
        assertEquals(new Constant(LocalDate.parse("1998-09-02").atStartOfDay(), DataTypes.TIMESTAMP), project.projections().getFirst());
    }

    @Test
    void castsAndFunctions()
    {
        assertEquals(DataTypes.DATE, tester.outputType("SELECT CAST('1995-03-15' AS date)"));
        assertEquals(decimal(10, 2), type("CAST(a AS DECIMAL(10,2))"));
        assertEquals(DataTypes.INTEGER, type("TRY_CAST(s AS INTEGER)"));
        assertEquals(DataTypes.VARCHAR, type("upper(s)"));
        assertEquals(DataTypes.BIGINT, type("length(s)"));
        assertEquals(DataTypes.VARCHAR, type("substring(s FROM 1 FOR 2)"));
        assertEquals(DataTypes.VARCHAR, type("trim(s)"));
        assertEquals(DataTypes.VARCHAR, type("s || a"));
        assertEquals(decimal(15, 2), type("abs(c)"));
        assertEquals(decimal(15, 1), type("round(c, 1)"));
        assertEquals(decimal(15, 0), type("round(c)"));
        assertEquals(decimal(15, 2), type("round(c, 5)"));
        assertEquals(DataTypes.DOUBLE, type("round(f, 2)"));
        assertEquals(decimal(15, 0), type("floor(c)"));
        assertEquals(DataTypes.INTEGER, type("ceil(a)"));
        assertEquals(DataTypes.BIGINT, type("coalesce(a, b)"));
        assertEquals(DataTypes.INTEGER, type("coalesce(a, 0)"));
        assertEquals(DataTypes.INTEGER, type("nullif(a, 0)"));
        assertEquals(decimal(15, 2), type("CASE WHEN a > 0 THEN c ELSE 0 END"));
        assertEquals(DataTypes.VARCHAR, type("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END"));
        assertEquals(DataTypes.INTEGER, type("CASE WHEN a > 0 THEN NULL END"));
        assertEquals(DataTypes.BOOLEAN, type("s LIKE 'a%'"));
        assertEquals(DataTypes.BOOLEAN, type("a BETWEEN 1 AND 10"));
        assertEquals(DataTypes.BOOLEAN, type("a IN (1, 2, 3)"));
    }

    @Test
    void constantsAdaptToTheColumnInsteadOfWideningIt()
    {
        assertNoCastOnColumn("SELECT * FROM t1 WHERE x = 5");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE c < 24");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE c BETWEEN 0.05 AND 0.07");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE d >= '1994-01-01'");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE x IN (1, 2, 3)");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE c > 1 + 10");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE d = ?", "1995-03-15");
        assertNoCastOnColumn("SELECT * FROM t1 WHERE f > 1");
        // a constant that does not fit widens the comparison instead
        String filter = filterOf("SELECT * FROM t1 WHERE a < 2.5");
        assertTrue(filter.contains("CAST(#0 AS DECIMAL(10,0))"), filter);
        filter = filterOf("SELECT * FROM t1 WHERE a = 5000000000");
        assertTrue(filter.contains("CAST(#0 AS BIGINT)"), filter);
    }

    private void assertNoCastOnColumn(String sql, Object... parameters)
    {
        String filter = filterOf(sql, parameters);
        assertFalse(filter.contains("CAST"), () -> sql + " -> " + filter);
    }

    private String filterOf(String sql, Object... parameters)
    {
        PhysicalPlan plan = tester.plan(sql, parameters);
        while (!(plan instanceof Filter)) {
            plan = plan.children().getFirst();
        }
        return dev.basalt.planner.logical.ExpressionPrinter.format(((Filter) plan).predicate(), i -> "#" + i);
    }

    @Test
    void nullAdoptsTheOtherType()
    {
        assertEquals(DataTypes.INTEGER, type("a + NULL"));
        assertEquals(decimal(16, 2), type("c + NULL"));
        assertEquals(DataTypes.DATE, type("coalesce(NULL, d)"));
        assertEquals(List.of(DataTypes.INTEGER, DataTypes.VARCHAR), tester.outputTypes("VALUES (1, NULL), (NULL, 'x')"));
    }

    @Test
    void parametersAreTypedConstants()
    {
        assertEquals(DataTypes.BIGINT, tester.outputType("SELECT ?", 5L));
        assertEquals(DataTypes.VARCHAR, tester.outputType("SELECT ?", "x"));
        assertEquals(decimal(4, 2), tester.outputType("SELECT ?", new BigDecimal("12.50")));
        assertEquals(DataTypes.DATE, tester.outputType("SELECT ?", LocalDate.parse("2020-01-01")));
        assertEquals(DataTypes.NULL, tester.outputType("SELECT ?", (Object) null));
        assertEquals(DataTypes.INTEGER, tester.outputType("SELECT a + ? FROM t1", (Object) null));
    }

    @Test
    void valuesUnifyColumnTypes()
    {
        assertEquals(List.of(decimal(2, 1), DataTypes.VARCHAR), tester.outputTypes("VALUES (1, 'a'), (2.5, 'bc')"));
        assertEquals(List.of(DataTypes.BIGINT), tester.outputTypes("VALUES (1), (5000000000)"));
        assertEquals(List.of("col0", "col1"), tester.outputNames("VALUES (1, 2)"));
    }
}
