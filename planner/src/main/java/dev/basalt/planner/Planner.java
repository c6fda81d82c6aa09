package dev.basalt.planner;

import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Statement;
import dev.basalt.planner.analyzer.AnalyzerContext;
import dev.basalt.planner.analyzer.ParameterCounter;
import dev.basalt.planner.analyzer.QueryAnalyzer;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.planner.physical.ExplainPrinter;
import dev.basalt.planner.physical.PhysicalPlanner;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.rule.Optimizer;
import dev.basalt.planner.rule.RuleContext;
import dev.basalt.planner.stats.StatsEstimator;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * SQL AST to physical plan: binds ({@link QueryAnalyzer}), optimizes the logical plan ({@link Optimizer}) and
 * translates it ({@link PhysicalPlanner}). Stateless between calls and safe to share; each call reads the
 * catalog (schemas and statistics) as of now.
 */
public final class Planner
{
    private final Catalog catalog;
    private final PlannerSettings settings;

    public Planner(Catalog catalog, PlannerSettings settings)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * A query statement (SELECT / VALUES, with ORDER BY/LIMIT): output columns are the result columns, named as
     * SQL would (alias, column name, or DuckDB-like names such as {@code count_star()} or {@code sum(x)}).
     */
    public PhysicalPlan planQuery(Query query, List<Object> parameters)
    {
        return plan(parameters, analyzer -> analyzer.analyzeQuery(query));
    }

    /**
     * INSERT ... VALUES / INSERT ... SELECT: a plan producing exactly the target table's columns, in table order
     * and with the table's types (implicit casts inserted, missing columns NULL), ready for TableWriter.append.
     */
    public PhysicalPlan planInsert(Insert insert, List<Object> parameters)
    {
        return plan(parameters, analyzer -> analyzer.analyzeInsert(insert));
    }

    /** The optimized logical plan of a query (tests, debugging). */
    public LogicalPlan optimizedLogicalPlan(Query query, List<Object> parameters)
    {
        return guard(() -> {
            SymbolAllocator symbols = new SymbolAllocator();
            LogicalPlan logical = new QueryAnalyzer(new AnalyzerContext(catalog, settings, parameters, symbols)).analyzeQuery(query);
            return optimize(logical, symbols, new StatsEstimator());
        });
    }

    /** The bound, unoptimized logical plan of a query (tests, debugging). */
    public LogicalPlan logicalPlan(Query query, List<Object> parameters)
    {
        return guard(() -> new QueryAnalyzer(new AnalyzerContext(catalog, settings, parameters, new SymbolAllocator())).analyzeQuery(query));
    }

    /** Number of '?' parameters in a statement. */
    public static int parameterCount(Statement statement)
    {
        return ParameterCounter.count(statement);
    }

    /**
     * The EXPLAIN text: an indented tree, one node per line, label = node class simple name + parameters
     * (e.g. {@code HashJoin[INNER, probe=[0], build=[1]]}) and estimated rows, children indented below.
     */
    public static String explain(PhysicalPlan plan)
    {
        return ExplainPrinter.explain(plan);
    }

    private PhysicalPlan plan(List<Object> parameters, Function<QueryAnalyzer, LogicalPlan> bind)
    {
        return guard(() -> {
            SymbolAllocator symbols = new SymbolAllocator();
            LogicalPlan logical = bind.apply(new QueryAnalyzer(new AnalyzerContext(catalog, settings, parameters, symbols)));
            StatsEstimator stats = new StatsEstimator();
            return new PhysicalPlanner(stats).plan(optimize(logical, symbols, stats));
        });
    }

    private LogicalPlan optimize(LogicalPlan plan, SymbolAllocator symbols, StatsEstimator stats)
    {
        return new Optimizer(Optimizer.defaultPhases(), settings).optimize(plan, new RuleContext(symbols, stats));
    }

    /** Planner bugs surface as internal errors, never as raw runtime exceptions. */
    private static <T> T guard(Supplier<T> action)
    {
        try {
            return action.get();
        }
        catch (BasaltException e) {
            throw e;
        }
        catch (RuntimeException | StackOverflowError e) {
            throw new BasaltException(ErrorCode.INTERNAL_ERROR, "internal planner error: " + e, e);
        }
    }
}
