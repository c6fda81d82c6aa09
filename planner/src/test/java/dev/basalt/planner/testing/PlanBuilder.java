package dev.basalt.planner.testing;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.planner.rule.Rule;
import dev.basalt.planner.rule.RuleContext;
import dev.basalt.planner.stats.StatsEstimator;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;

/** Builds small logical plans for rule tests. */
public final class PlanBuilder
{
    private final SymbolAllocator symbols = new SymbolAllocator();

    public Symbol symbol(String name, DataType type)
    {
        return symbols.newSymbol(name, type);
    }

    /** A scan of a table with INTEGER columns of the given names and row count. */
    public Scan scan(String table, long rows, String... columns)
    {
        List<Column> schemaColumns = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<Symbol> outputs = new ArrayList<>();
        List<TableStatistics.ColumnStatistics> statistics = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            schemaColumns.add(new Column(columns[i], DataTypes.INTEGER));
            ordinals.add(i);
            outputs.add(symbol(columns[i], DataTypes.INTEGER));
            statistics.add(new TableStatistics.ColumnStatistics(null, null, 0, -1));
        }
        return new Scan(new TableSchema(table, schemaColumns), ordinals, outputs, List.of(), new TableStatistics(rows, statistics));
    }

    public Scan scan(TableSchema schema, long rows)
    {
        List<Integer> ordinals = new ArrayList<>();
        List<Symbol> outputs = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            ordinals.add(i);
            outputs.add(symbol(schema.column(i).name(), schema.column(i).type()));
        }
        return new Scan(schema, ordinals, outputs, List.of(), new TableStatistics(rows, List.of()));
    }

    public static RowExpression ref(Symbol symbol)
    {
        return symbol.reference();
    }

    public static Constant integer(int value)
    {
        return new Constant(value, DataTypes.INTEGER);
    }

    public static RowExpression call(Function function, DataType type, RowExpression... arguments)
    {
        return new Call(function, List.of(arguments), type);
    }

    public static RowExpression compare(Function function, RowExpression left, RowExpression right)
    {
        return Expressions.booleanCall(function, left, right);
    }

    public static RowExpression eq(Symbol left, Symbol right)
    {
        return compare(Function.EQUAL, ref(left), ref(right));
    }

    public static RowExpression gt(Symbol left, int value)
    {
        return compare(Function.GREATER_THAN, ref(left), integer(value));
    }

    public RuleContext context()
    {
        return new RuleContext(symbols, new StatsEstimator());
    }

    public LogicalPlan apply(Rule rule, LogicalPlan plan)
    {
        return rule.apply(plan, context());
    }
}
