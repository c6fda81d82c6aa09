package dev.basalt.planner;

import dev.basalt.parser.SqlParser;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.QualifiedName;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.Update;
import dev.basalt.planner.analyzer.AnalyzerContext;
import dev.basalt.planner.analyzer.ParameterCounter;
import dev.basalt.planner.analyzer.QueryAnalyzer;
import dev.basalt.planner.analyzer.QueryPlan;
import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.planner.physical.ExplainPrinter;
import dev.basalt.planner.physical.PhysicalPlanner;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.rule.ChooseIndexes;
import dev.basalt.planner.rule.Optimizer;
import dev.basalt.planner.rule.RuleContext;
import dev.basalt.planner.stats.StatsEstimator;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * and with the table's types (implicit casts inserted, missing columns their DEFAULT or NULL), ready for TableWriter.append.
     */
    public PhysicalPlan planInsert(Insert insert, List<Object> parameters)
    {
        return plan(parameters, analyzer -> analyzer.analyzeInsert(insert));
    }

    /** DELETE: the row ids of the rows to delete (see {@link DeletePlan}). */
    public DeletePlan planDelete(Delete delete, List<Object> parameters)
    {
        return new DeletePlan(tableName(delete.table()), plan(parameters, analyzer -> analyzer.analyzeDelete(delete)));
    }

    public DeletePlan planDelete(Delete delete)
    {
        return planDelete(delete, List.of());
    }

    /** UPDATE: row id then every column's new value, in table order (see {@link UpdatePlan}). */
    public UpdatePlan planUpdate(Update update, List<Object> parameters)
    {
        return new UpdatePlan(tableName(update.table()), plan(parameters, analyzer -> analyzer.analyzeUpdate(update)));
    }

    public UpdatePlan planUpdate(Update update)
    {
        return planUpdate(update, List.of());
    }

    /**
     * The output column names a view over {@code query} has: the query's names, the first ones replaced by
     * {@code columnAliases} ({@code CREATE VIEW v (a, b) AS ...}). Binds the query against the catalog as of now, so
     * CREATE VIEW fails when the query is invalid; 42P10 when there are more aliases than columns, 42701 when two
     * columns end up with the same name.
     */
    public List<String> viewColumnNames(Query query, List<String> columnAliases)
    {
        return viewColumnNames(Optional.empty(), query, columnAliases);
    }

    /**
     * As {@link #viewColumnNames(Query, List)} for view {@code viewName}: also fails (42809, "infinite recursion")
     * when the query reads the view itself, directly or through other views (CREATE OR REPLACE VIEW v AS ... v ...).
     */
    public List<String> viewColumnNames(String viewName, Query query, List<String> columnAliases)
    {
        return viewColumnNames(Optional.of(viewName), query, columnAliases);
    }

    private List<String> viewColumnNames(Optional<String> viewName, Query query, List<String> columnAliases)
    {
        return guard(() -> {
            AnalyzerContext context = new AnalyzerContext(catalog, settings, List.of(), new SymbolAllocator(), viewName.map(List::of).orElse(List.of()));
            QueryPlan plan = new QueryAnalyzer(context).planQuery(query);
            if (columnAliases.size() > plan.names().size()) {
                throw new BasaltException(ErrorCode.INVALID_COLUMN_REFERENCE, "CREATE VIEW specifies more column names (" + columnAliases.size()
                        + ") than the query has columns (" + plan.names().size() + ")");
            }
            List<String> names = new ArrayList<>(plan.names());
            for (int i = 0; i < columnAliases.size(); i++) {
                names.set(i, columnAliases.get(i));
            }
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
                }
            }
            return List.copyOf(names);
        });
    }

    public List<String> viewColumnNames(Query query)
    {
        return viewColumnNames(query, List.of());
    }

    /**
     * A row predicate (an index's WHERE) over {@code schema}'s columns: the result reads column {@code i} as input
     * channel {@code i} ({@link dev.basalt.planner.expression.InputReference} index = table ordinal). Fails with
     * 42601 on bad syntax, 42703 on an unknown column, 42804 when not boolean, 42803 on aggregates and 0A000 on
     * parameters, subqueries or window functions.
     */
    public RowExpression planRowFilter(TableSchema schema, String predicateSql)
    {
        Expression parsed = new SqlParser().parseExpression(predicateSql);
        return guard(() -> {
            SymbolAllocator symbols = new SymbolAllocator();
            List<Symbol> columns = new ArrayList<>();
            Map<Integer, RowExpression> channels = new HashMap<>();
            for (int i = 0; i < schema.columnCount(); i++) {
                Symbol symbol = symbols.newSymbol(schema.column(i).name(), schema.column(i).type());
                columns.add(symbol);
                channels.put(symbol.id(), new InputReference(i, symbol.type()));
            }
            RowExpression bound = new QueryAnalyzer(new AnalyzerContext(catalog, settings, List.of(), symbols))
                    .analyzeRowPredicate(schema, columns, parsed, "index predicates");
            // simplified as the optimizer simplifies a WHERE clause (constant folding, IN / LIKE normal forms)
            return ExpressionSimplifier.simplify(Expressions.replaceSymbols(bound, channels));
        });
    }

    /**
     * Checks the DEFAULT expression of column {@code ordinal} of {@code schema} (which need not exist yet) as INSERT
     * will bind it and returns it simplified (constants folded): no column references, parameters or subqueries
     * (0A000), no aggregates (42803) or window functions, and of a type assignable to the column (42804).
     */
    public RowExpression planColumnDefault(TableSchema schema, int ordinal, Expression expression)
    {
        return guard(() -> ExpressionSimplifier.simplify(new QueryAnalyzer(new AnalyzerContext(catalog, settings, List.of(), new SymbolAllocator()))
                .analyzeColumnDefault(schema, ordinal, expression)));
    }

    /** The optimized logical plan of a query (tests, debugging). */
    public LogicalPlan optimizedLogicalPlan(Query query, List<Object> parameters)
    {
        return guard(() -> {
            SymbolAllocator symbols = new SymbolAllocator();
            LogicalPlan logical = new QueryAnalyzer(new AnalyzerContext(catalog, settings, parameters, symbols)).analyzeQuery(query);
            StatsEstimator stats = new StatsEstimator();
            return new ChooseIndexes(catalog, settings, stats).apply(optimize(logical, symbols, stats));
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

    /** As {@link #explain(PhysicalPlan)}, with {@code annotation} of each node appended to its line (EXPLAIN ANALYZE). */
    public static String explain(PhysicalPlan plan, Function<PhysicalPlan, String> annotation)
    {
        return ExplainPrinter.explain(plan, annotation);
    }

    private PhysicalPlan plan(List<Object> parameters, Function<QueryAnalyzer, LogicalPlan> bind)
    {
        return guard(() -> {
            SymbolAllocator symbols = new SymbolAllocator();
            LogicalPlan logical = bind.apply(new QueryAnalyzer(new AnalyzerContext(catalog, settings, parameters, symbols)));
            StatsEstimator stats = new StatsEstimator();
            LogicalPlan optimized = new ChooseIndexes(catalog, settings, stats).apply(optimize(logical, symbols, stats));
            return new PhysicalPlanner(stats).plan(optimized);
        });
    }

    private LogicalPlan optimize(LogicalPlan plan, SymbolAllocator symbols, StatsEstimator stats)
    {
        return new Optimizer(Optimizer.defaultPhases(), settings).optimize(plan, new RuleContext(symbols, stats));
    }

    private static String tableName(QualifiedName name)
    {
        return name.suffix();
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
