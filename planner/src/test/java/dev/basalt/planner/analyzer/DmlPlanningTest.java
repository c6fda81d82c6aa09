package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Update;
import dev.basalt.planner.DeletePlan;
import dev.basalt.planner.Planner;
import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.UpdatePlan;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.planner.testing.TestingCatalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELETE / UPDATE plans (row ids and new rows) and row filters for index predicates. */
class DmlPlanningTest
{
    private final TestingCatalog catalog = TestingCatalog.simple().view("v3", "SELECT k FROM t3", "k");
    private final Planner planner = new Planner(catalog, PlannerSettings.defaults());

    private DeletePlan delete(String sql, Object... parameters)
    {
        return planner.planDelete((Delete) PlannerTester.parse(sql), List.of(parameters));
    }

    private UpdatePlan update(String sql, Object... parameters)
    {
        return planner.planUpdate((Update) PlannerTester.parse(sql), List.of(parameters));
    }

    private static List<DataType> types(PhysicalPlan plan)
    {
        List<DataType> types = new ArrayList<>();
        for (Column column : plan.outputColumns()) {
            types.add(column.type());
        }
        return types;
    }

    private static TableScan scan(PhysicalPlan plan)
    {
        if (plan instanceof TableScan scan) {
            return scan;
        }
        for (PhysicalPlan child : plan.children()) {
            TableScan found = scan(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void deleteProducesRowIds()
    {
        DeletePlan plan = delete("DELETE FROM t3 WHERE k > 5");
        assertEquals("t3", plan.table());
        assertEquals(List.of(DataTypes.BIGINT), types(plan.plan()));
        TableScan scan = scan(plan.plan());
        assertTrue(scan.rowIds(), Planner.explain(plan.plan()));
        assertTrue(scan.spec().rowIds());
        // the WHERE column is read, the row id is last, and the zone-map hint is there
        assertEquals(List.of(0), scan.columns());
        assertEquals(DataTypes.BIGINT, scan.outputColumns().getLast().type());
        assertTrue(Planner.explain(plan.plan()).contains("predicates=[5 < k]"), Planner.explain(plan.plan()));
    }

    @Test
    void deleteWithoutWhereReadsOnlyRowIds()
    {
        DeletePlan plan = delete("DELETE FROM t1");
        TableScan scan = scan(plan.plan());
        assertTrue(scan.rowIds());
        assertEquals(List.of(DataTypes.BIGINT), types(plan.plan()));
    }

    @Test
    void deleteWithSubqueriesAndAlias()
    {
        DeletePlan plan = delete("DELETE FROM t1 AS x WHERE x.a IN (SELECT k FROM t3) AND EXISTS (SELECT 1 FROM t2 WHERE t2.a = x.a) AND x.b > (SELECT max(k) FROM v3)");
        assertEquals(List.of(DataTypes.BIGINT), types(plan.plan()));
        assertTrue(scan(plan.plan()) != null);
        DeletePlan parameterized = delete("DELETE FROM t3 WHERE k = ?", 4);
        assertTrue(Planner.explain(parameterized.plan()).contains("k = 4"), Planner.explain(parameterized.plan()));
    }

    @Test
    void rowIdIsHiddenFromUsers()
    {
        assertFails(() -> delete("DELETE FROM t3 WHERE \"$rowid\" = 1"), ErrorCode.UNDEFINED_COLUMN);
        new PlannerTester(catalog, PlannerSettings.defaults()).assertFails("SELECT \"$rowid\" FROM t3", ErrorCode.UNDEFINED_COLUMN);
    }

    @Test
    void updateProducesRowIdAndNewRow()
    {
        UpdatePlan plan = update("UPDATE t2 SET z = z + 1, y = 'abc' WHERE a = 3");
        assertEquals("t2", plan.table());
        assertEquals(List.of(DataTypes.BIGINT, DataTypes.INTEGER, DataTypes.parse("VARCHAR(10)"), DataTypes.parse("DECIMAL(12,4)")), types(plan.plan()));
        List<String> names = new ArrayList<>();
        for (Column column : plan.plan().outputColumns()) {
            names.add(column.name());
        }
        assertEquals(List.of("rowid", "a", "y", "z"), names);
        assertTrue(scan(plan.plan()).rowIds());
        String explain = Planner.explain(plan.plan());
        assertTrue(explain.contains("a = 3"), explain);
    }

    @Test
    void updateCastsLikeInsert()
    {
        // an INTEGER into BIGINT, a string into a DATE, NULL into anything
        UpdatePlan plan = update("UPDATE t1 SET b = a, d = '2024-01-02', s = NULL");
        assertEquals(DataTypes.BIGINT, plan.plan().outputColumns().get(2).type());
        assertEquals(DataTypes.DATE, plan.plan().outputColumns().get(4).type());
        assertEquals(10, plan.plan().outputColumns().size());
        assertFails(() -> update("UPDATE t1 SET d = a"), ErrorCode.DATATYPE_MISMATCH);
    }

    @Test
    void updateWithSubqueries()
    {
        UpdatePlan plan = update("UPDATE t3 SET v = (SELECT max(y) FROM t2 WHERE t2.a = t3.k) WHERE k IN (SELECT a FROM t2)");
        assertEquals(List.of(DataTypes.BIGINT, DataTypes.INTEGER, DataTypes.VARCHAR), types(plan.plan()));
    }

    @Test
    void updateErrors()
    {
        assertFails(() -> update("UPDATE t3 SET nope = 1"), ErrorCode.UNDEFINED_COLUMN);
        assertFails(() -> update("UPDATE t3 SET k = 1, k = 2"), ErrorCode.DUPLICATE_COLUMN);
        assertFails(() -> update("UPDATE t3 SET k = sum(k)"), ErrorCode.GROUPING_ERROR);
        assertFails(() -> update("UPDATE missing SET k = 1"), ErrorCode.UNDEFINED_TABLE);
        assertFails(() -> update("UPDATE v3 SET k = 1"), ErrorCode.WRONG_OBJECT_TYPE);
        assertFails(() -> update("UPDATE t3 SET k = 1 WHERE v"), ErrorCode.DATATYPE_MISMATCH);
    }

    @Test
    void rowFilterReadsColumnsByOrdinal()
    {
        TableSchema schema = catalog.getTable("t3").orElseThrow().schema();
        RowExpression filter = planner.planRowFilter(schema, "v = 'x' AND k > 3");
        assertEquals(DataTypes.BOOLEAN, filter.type());
        Call and = assertInstanceOf(Call.class, filter);
        assertEquals(Function.AND, and.function());
        Call equal = assertInstanceOf(Call.class, and.argument(0));
        assertEquals(new InputReference(1, DataTypes.VARCHAR), equal.argument(0));
        Call greater = assertInstanceOf(Call.class, and.argument(1));
        assertEquals(new InputReference(0, DataTypes.INTEGER), greater.argument(0));
        assertEquals(new Constant(3, DataTypes.INTEGER), greater.argument(1));
    }

    @Test
    void rowFilterErrors()
    {
        TableSchema schema = catalog.getTable("t3").orElseThrow().schema();
        assertFails(() -> planner.planRowFilter(schema, "v"), ErrorCode.DATATYPE_MISMATCH);
        assertFails(() -> planner.planRowFilter(schema, "count(*) > 1"), ErrorCode.GROUPING_ERROR);
        assertFails(() -> planner.planRowFilter(schema, "k IN (SELECT a FROM t2)"), ErrorCode.FEATURE_NOT_SUPPORTED);
        assertFails(() -> planner.planRowFilter(schema, "k = ?"), ErrorCode.FEATURE_NOT_SUPPORTED);
        assertFails(() -> planner.planRowFilter(schema, "nope > 1"), ErrorCode.UNDEFINED_COLUMN);
        assertFails(() -> planner.planRowFilter(schema, "k >"), ErrorCode.SYNTAX_ERROR);
    }

    private static void assertFails(Executable action, ErrorCode code)
    {
        BasaltException e = assertThrows(BasaltException.class, action);
        assertEquals(code, e.code(), e::getMessage);
        assertFalse(e.getMessage().isEmpty());
    }
}
