package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Node;
import dev.basalt.parser.tree.Query;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The subqueries of one query block's expressions, collected while binding them. Each is planned right away (with
 * the current scope as its outer scope, so correlated names bind to the enclosing query's symbols) and the
 * expression gets a symbol standing for its value: the scalar subquery's output, or a BOOLEAN mark for EXISTS / IN /
 * ANY. {@link SubqueryPlanner} later joins the decorrelated subqueries into the plan, producing those symbols.
 */
final class Subqueries
{
    enum Kind { EXISTS, ANY, SCALAR }

    /**
     * One subquery: for ANY, {@code comparison} is {@code value op output} (true for a matching row); {@code output}
     * is the mark (EXISTS, ANY) or the scalar value symbol. {@code beforeAggregation}: it occurs in an aggregate's
     * argument, so it is joined in below the aggregation (its value is aggregated, not grouped).
     */
    record Entry(Kind kind, QueryPlan query, Optional<RowExpression> comparison, Symbol output, Node node, boolean beforeAggregation)
    {
        Entry
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(query, "query is null");
            requireNonNull(comparison, "comparison is null");
            requireNonNull(output, "output is null");
            requireNonNull(node, "node is null");
        }
    }

    private final AnalyzerContext context;
    private final Map<String, CommonTableExpression> ctes;
    private final List<Entry> entries;
    private final boolean beforeAggregation;
    // the clause's aggregates (null if it allows none): a subquery's aggregates of only this query's columns go there
    private final AggregateCollector aggregates;

    Subqueries(AnalyzerContext context, Map<String, CommonTableExpression> ctes)
    {
        this(context, Map.copyOf(requireNonNull(ctes, "ctes is null")), new ArrayList<>(), false, null);
    }

    private Subqueries(AnalyzerContext context, Map<String, CommonTableExpression> ctes, List<Entry> entries, boolean beforeAggregation,
            AggregateCollector aggregates)
    {
        this.context = requireNonNull(context, "context is null");
        this.ctes = ctes;
        this.entries = entries;
        this.beforeAggregation = beforeAggregation;
        this.aggregates = aggregates;
    }

    /** The same collection, for the subqueries of aggregate arguments (joined in below the aggregation). */
    Subqueries beforeAggregation()
    {
        return new Subqueries(context, ctes, entries, true, null);
    }

    /** The same collection, for a clause whose aggregates go to {@code collector} (null: none allowed). */
    Subqueries withAggregates(AggregateCollector collector)
    {
        return collector == aggregates ? this : new Subqueries(context, ctes, entries, beforeAggregation, collector);
    }

    private QueryPlan plan(Query query, Scope scope)
    {
        return new QueryAnalyzer(context, Optional.of(scope), ctes, aggregates).planQuery(query);
    }

    /** EXISTS: {@code COALESCE(mark, FALSE)} (a NULL join condition never makes EXISTS unknown). */
    RowExpression exists(Query query, Scope scope, Node node)
    {
        QueryPlan plan = plan(query, scope);
        Symbol mark = context.symbols().newSymbol("exists", DataTypes.BOOLEAN);
        entries.add(new Entry(Kind.EXISTS, plan, Optional.empty(), mark, node, beforeAggregation));
        return existsValue(mark);
    }

    static RowExpression existsValue(Symbol mark)
    {
        return new Call(Function.COALESCE, List.of(mark.reference(), Expressions.FALSE), DataTypes.BOOLEAN);
    }

    /** {@code value op ANY (query)}: the mark (TRUE / FALSE / NULL as SQL's ANY). */
    RowExpression any(RowExpression value, Function comparison, String operator, Query query, Scope scope, OperatorTyping typing, Node node)
    {
        QueryPlan plan = plan(query, scope);
        Symbol column = singleColumn(plan, node);
        RowExpression condition = typing.comparison(comparison, value, column.reference(), operator, node);
        Symbol mark = context.symbols().newSymbol("any", DataTypes.BOOLEAN);
        entries.add(new Entry(Kind.ANY, plan, Optional.of(condition), mark, node, beforeAggregation));
        return mark.reference();
    }

    RowExpression scalar(Query query, Scope scope, Node node)
    {
        QueryPlan plan = plan(query, scope);
        Symbol column = singleColumn(plan, node);
        entries.add(new Entry(Kind.SCALAR, plan, Optional.empty(), column, node, beforeAggregation));
        return column.reference();
    }

    private static Symbol singleColumn(QueryPlan plan, Node node)
    {
        if (plan.outputs().size() != 1) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "subquery must return only one column", node);
        }
        return plan.outputs().getFirst();
    }

    /** The subqueries collected so far, which are then forgotten (each is joined in once). */
    List<Entry> take()
    {
        List<Entry> taken = List.copyOf(entries);
        entries.clear();
        return taken;
    }

    boolean isEmpty()
    {
        return entries.isEmpty();
    }
}
