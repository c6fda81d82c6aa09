package dev.basalt.planner.testing;

import dev.basalt.parser.SqlParser;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Statement;
import dev.basalt.planner.Planner;
import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.LogicalPlanPrinter;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses and plans SQL against a catalog; assertion helpers for planner tests. */
public final class PlannerTester
{
    private static final SqlParser PARSER = new SqlParser();

    private final Planner planner;

    public PlannerTester(Catalog catalog, PlannerSettings settings)
    {
        this.planner = new Planner(catalog, settings);
    }

    public static PlannerTester simple()
    {
        return new PlannerTester(TestingCatalog.simple(), PlannerSettings.defaults());
    }

    public static PlannerTester tpch()
    {
        return new PlannerTester(TpchCatalog.create(), PlannerSettings.defaults());
    }

    public static Statement parse(String sql)
    {
        return PARSER.parse(sql);
    }

    public static Query query(String sql)
    {
        return (Query) parse(sql);
    }

    public PhysicalPlan plan(String sql, Object... parameters)
    {
        Statement statement = parse(sql);
        if (statement instanceof Insert insert) {
            return planner.planInsert(insert, List.of(parameters));
        }
        return planner.planQuery((Query) statement, parameters(parameters));
    }

    private static List<Object> parameters(Object... parameters)
    {
        List<Object> list = new ArrayList<>();
        for (Object parameter : parameters) {
            list.add(parameter);
        }
        return list;
    }

    public String explain(String sql, Object... parameters)
    {
        return Planner.explain(plan(sql, parameters));
    }

    public LogicalPlan logical(String sql)
    {
        return planner.logicalPlan(query(sql), List.of());
    }

    public String printLogical(String sql)
    {
        return LogicalPlanPrinter.print(logical(sql));
    }

    public String printOptimized(String sql)
    {
        return LogicalPlanPrinter.print(planner.optimizedLogicalPlan(query(sql), List.of()));
    }

    public List<DataType> outputTypes(String sql, Object... parameters)
    {
        List<DataType> types = new ArrayList<>();
        for (Column column : plan(sql, parameters).outputColumns()) {
            types.add(column.type());
        }
        return types;
    }

    public DataType outputType(String sql, Object... parameters)
    {
        List<DataType> types = outputTypes(sql, parameters);
        assertEquals(1, types.size(), "expected one output column");
        return types.getFirst();
    }

    public List<String> outputNames(String sql)
    {
        List<String> names = new ArrayList<>();
        for (Column column : plan(sql).outputColumns()) {
            names.add(column.name());
        }
        return names;
    }

    /** Planning fails with {@code code}; the message contains every fragment. */
    public BasaltException assertFails(String sql, ErrorCode code, String... fragments)
    {
        BasaltException e = assertThrows(BasaltException.class, () -> plan(sql));
        assertEquals(code, e.code(), () -> "wrong code for " + sql + ": " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message of " + sql + " lacks '" + fragment + "': " + e.getMessage());
        }
        return e;
    }
}
