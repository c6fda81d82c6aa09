package dev.basalt.planner.analyzer;

import dev.basalt.parser.SqlParser;
import dev.basalt.parser.tree.AllColumns;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.DefaultValue;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.GroupingElement;
import dev.basalt.parser.tree.GroupingExpression;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.JoinOn;
import dev.basalt.parser.tree.JoinUsing;
import dev.basalt.parser.tree.NaturalJoin;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.Node;
import dev.basalt.parser.tree.OrderItem;
import dev.basalt.parser.tree.ParenthesizedQuery;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.QuerySpecification;
import dev.basalt.parser.tree.Relation;
import dev.basalt.parser.tree.SelectItem;
import dev.basalt.parser.tree.QueryBody;
import dev.basalt.parser.tree.SetOperation;
import dev.basalt.parser.tree.SetOperator;
import dev.basalt.parser.tree.SingleColumn;
import dev.basalt.parser.tree.SortOrder;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.SubqueryRelation;
import dev.basalt.parser.tree.TableFunctionRelation;
import dev.basalt.parser.tree.With;
import dev.basalt.parser.tree.WithQuery;
import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Aggregation;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Ordering;
import dev.basalt.planner.logical.Output;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.Values;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.SetOperationType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.NullType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Binds statements to logical plans: resolves tables through the catalog and names through {@link Scope}s,
 * expands {@code *}, plans GROUP BY / aggregates / HAVING (validating that every non-aggregated column is
 * grouped), SELECT DISTINCT, ORDER BY (by ordinal, output name or expression, sorting on hidden columns when
 * needed), LIMIT/OFFSET, VALUES and INSERT; expands views (their SQL bound again at every use); binds DELETE /
 * UPDATE over a row-id scan.
 */
public final class QueryAnalyzer
{
    private final AnalyzerContext context;
    // the enclosing query's scope when this is a subquery (correlated names resolve there)
    private final Optional<Scope> outer;
    // WITH queries visible here, by name; inlined at every reference
    private final Map<String, CommonTableExpression> ctes;
    // a subquery's enclosing clause's aggregates (null if none): an aggregate of only outer columns belongs there
    private final AggregateCollector outerAggregates;

    public QueryAnalyzer(AnalyzerContext context)
    {
        this(context, Optional.empty(), Map.of());
    }

    QueryAnalyzer(AnalyzerContext context, Optional<Scope> outer, Map<String, CommonTableExpression> ctes)
    {
        this(context, outer, ctes, null);
    }

    QueryAnalyzer(AnalyzerContext context, Optional<Scope> outer, Map<String, CommonTableExpression> ctes, AggregateCollector outerAggregates)
    {
        this.context = context;
        this.outer = outer;
        this.ctes = Map.copyOf(ctes);
        this.outerAggregates = outerAggregates;
    }

    /** A query statement: the plan rooted at an {@link Output} naming the result columns. */
    public LogicalPlan analyzeQuery(Query query)
    {
        QueryPlan plan = planQuery(query);
        return new Output(plan.plan(), plan.outputs(), plan.names());
    }

    public QueryPlan planQuery(Query query)
    {
        if (query.with().isPresent()) {
            With with = query.with().get();
            Map<String, CommonTableExpression> visible = new HashMap<>(ctes);
            Set<String> defined = new HashSet<>();
            for (WithQuery withQuery : with.queries()) {
                String name = withQuery.name().value();
                if (!defined.add(name)) {
                    throw SemanticErrors.error(ErrorCode.DUPLICATE_TABLE, "WITH query name \"" + name + "\" specified more than once", withQuery);
                }
                visible.put(name, new CommonTableExpression(withQuery, visible, outer, with.recursive(), Optional.empty()));
            }
            return new QueryAnalyzer(context, outer, visible, outerAggregates).planBody(query);
        }
        return planBody(query);
    }

    private QueryPlan planBody(Query query)
    {
        return switch (query.body()) {
            case QuerySpecification specification -> planSpecification(specification, query);
            case dev.basalt.parser.tree.Values values -> orderAndLimit(planValues(values), query);
            case ParenthesizedQuery parenthesized -> orderAndLimit(planQuery(parenthesized.query()), query);
            case SetOperation setOperation -> orderAndLimit(planSetOperation(setOperation), query);
        };
    }

    // ---------------------------------------------------------------- set operations

    /** A query body on its own (a set operation's branch): no ORDER BY / LIMIT of its own unless parenthesized. */
    private QueryPlan planBranch(QueryBody body)
    {
        return planBody(new Query(body.location(), Optional.empty(), body, List.of(), Optional.empty(), Optional.empty()));
    }

    /**
     * UNION / INTERSECT / EXCEPT: branches are cast to common column types (named after the first branch);
     * chains of the same operator (UNION ALL of many branches) become one node.
     */
    private QueryPlan planSetOperation(SetOperation operation)
    {
        SetOperationType type = switch (operation.operator()) {
            case UNION -> SetOperationType.UNION;
            case INTERSECT -> SetOperationType.INTERSECT;
            case EXCEPT -> SetOperationType.EXCEPT;
        };
        List<QueryPlan> branches = new ArrayList<>();
        collectBranches(operation, type, operation.all(), branches);
        int width = branches.getFirst().outputs().size();
        for (QueryPlan branch : branches) {
            if (branch.outputs().size() != width) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "each " + operation.operator() + " query must have the same number of columns", operation);
            }
        }
        OperatorTyping typing = new OperatorTyping(context.settings().integerDivision(), context.settings().sqliteCompatibility());
        List<Symbol> outputs = new ArrayList<>();
        List<String> names = branches.getFirst().names();
        List<DataType> types = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            List<RowExpression> cells = new ArrayList<>();
            for (QueryPlan branch : branches) {
                cells.add(branch.outputs().get(column).reference());
            }
            DataType type0 = typing.unify(cells, operation.operator().toString(), operation);
            types.add(type0);
            outputs.add(context.symbols().newSymbol(names.get(column), type0 instanceof NullType ? DataTypes.INTEGER : type0));
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        List<List<Symbol>> inputSymbols = new ArrayList<>();
        for (QueryPlan branch : branches) {
            List<Symbol> symbols = new ArrayList<>();
            List<Symbol> projected = new ArrayList<>();
            List<RowExpression> expressions = new ArrayList<>();
            for (int column = 0; column < width; column++) {
                Symbol source = branch.outputs().get(column);
                DataType target = outputs.get(column).type();
                Symbol symbol = context.symbols().newSymbol(source.name(), target);
                projected.add(symbol);
                expressions.add(source.type().equals(target) ? source.reference()
                        : typing.coerceTo(source.reference(), target, operation.operator().toString(), operation));
                symbols.add(symbol);
            }
            inputs.add(new Project(branch.plan(), projected, expressions));
            inputSymbols.add(symbols);
        }
        LogicalPlan plan;
        if (type == SetOperationType.UNION && !operation.all()) {
            // UNION = DISTINCT over UNION ALL (grouping treats NULLs as equal, as UNION must)
            List<Symbol> all = new ArrayList<>();
            for (Symbol output : outputs) {
                all.add(context.symbols().newSymbol(output.name(), output.type()));
            }
            plan = new Aggregate(new dev.basalt.planner.logical.SetOperation(type, true, inputs, inputSymbols, all), all, List.of());
            outputs = all;
        }
        else {
            plan = new dev.basalt.planner.logical.SetOperation(type, operation.all(), inputs, inputSymbols, outputs);
        }
        return new QueryPlan(plan, outputs, names);
    }

    private void collectBranches(QueryBody body, SetOperationType type, boolean all, List<QueryPlan> branches)
    {
        if (body instanceof SetOperation operation && type == SetOperationType.UNION && operation.operator() == SetOperator.UNION && operation.all() == all) {
            collectBranches(operation.left(), type, all, branches);
            collectBranches(operation.right(), type, all, branches);
            return;
        }
        if (body instanceof SetOperation operation && branches.isEmpty() && operation.operator().name().equals(type.name()) && operation.all() == all
                && type != SetOperationType.UNION) {
            // INTERSECT / EXCEPT take exactly two inputs: the left operand is planned as its own set operation
            branches.add(planBranch(operation.left()));
            branches.add(planBranch(operation.right()));
            return;
        }
        branches.add(planBranch(body));
    }

    // ---------------------------------------------------------------- WITH RECURSIVE

    /**
     * A WITH RECURSIVE query {@code anchor UNION [ALL] step} whose step reads the query itself: a RecursiveUnion whose
     * step reads the previous iteration through a work table (columns typed as the anchor's). Other WITH RECURSIVE
     * queries are planned as usual.
     */
    private QueryPlan planRecursive(CommonTableExpression cte)
    {
        Query query = cte.query().query();
        QueryAnalyzer base = new QueryAnalyzer(context, cte.outer(), cte.visible());
        if (!(query.body() instanceof SetOperation operation) || operation.operator() != SetOperator.UNION || query.with().isPresent()
                || !query.orderBy().isEmpty() || query.limit().isPresent() || query.offset().isPresent()) {
            return base.planQuery(query);
        }
        String name = cte.query().name().value();
        QueryPlan anchor = base.planBranch(operation.left());
        List<String> names = renamed(anchor.names(), cte.query().columnAliases(), name, cte.query());
        List<DataType> types = new ArrayList<>();
        for (Symbol symbol : anchor.outputs()) {
            types.add(symbol.type());
        }
        String workTable = name + "#" + context.symbols().newSymbol("work_table", DataTypes.INTEGER).id();
        Map<String, CommonTableExpression> visible = new HashMap<>(cte.visible());
        visible.put(name, new CommonTableExpression(cte.query(), cte.visible(), cte.outer(), false,
                Optional.of(new CommonTableExpression.WorkTable(workTable, names, types))));
        QueryPlan step = new QueryAnalyzer(context, cte.outer(), visible).planBranch(operation.right());
        if (!readsWorkTable(step.plan(), workTable)) {
            return base.planQuery(query);
        }
        if (step.outputs().size() != anchor.outputs().size()) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "each UNION query must have the same number of columns", operation);
        }
        List<Symbol> stepSymbols = new ArrayList<>();
        List<RowExpression> stepExpressions = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Symbol source = step.outputs().get(i);
            if (!TypeCoercion.canCast(source.type(), types.get(i))) {
                throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "recursive query \"" + name + "\" column " + (i + 1) + " has type "
                        + types.get(i).sqlName() + " in its non-recursive term but type " + source.type().sqlName() + " overall", operation);
            }
            stepSymbols.add(context.symbols().newSymbol(names.get(i), types.get(i)));
            stepExpressions.add(source.type().equals(types.get(i)) ? source.reference() : OperatorTyping.cast(source.reference(), types.get(i), false, operation));
        }
        List<Symbol> outputs = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            outputs.add(context.symbols().newSymbol(names.get(i), types.get(i)));
        }
        LogicalPlan plan = new dev.basalt.planner.logical.RecursiveUnion(anchor.plan(), new Project(step.plan(), stepSymbols, stepExpressions), workTable,
                operation.all(), anchor.outputs(), stepSymbols, outputs);
        return new QueryPlan(plan, outputs, names);
    }

    private static boolean readsWorkTable(LogicalPlan plan, String workTable)
    {
        if (plan instanceof dev.basalt.planner.logical.WorkTableScan scan && scan.workTable().equals(workTable)) {
            return true;
        }
        for (LogicalPlan source : plan.sources()) {
            if (readsWorkTable(source, workTable)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- SELECT

    /** One SELECT list column: its expression (over FROM symbols and aggregate outputs) and its name. */
    private record SelectColumn(RowExpression expression, String name, boolean explicitAlias) {}

    /** One ORDER BY key: either a SELECT column index or a bound expression. */
    private record SortItem(int selectIndex, RowExpression expression, boolean ascending, boolean nullsFirst) {}

    private QueryPlan planSpecification(QuerySpecification specification, Query query)
    {
        RelationPlan from = planFrom(specification.from());
        LogicalPlan plan = from.plan();
        Scope scope = from.scope().withOuter(outer);
        Subqueries subqueries = new Subqueries(context, ctes);
        SubqueryPlanner subqueryPlanner = new SubqueryPlanner();

        if (specification.where().isPresent()) {
            ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "WHERE", null, Map.of(), subqueries).outerAggregates(outerAggregates);
            RowExpression predicate = analyzer.analyzeBoolean(specification.where().get(), "WHERE");
            if (subqueries.isEmpty()) {
                plan = new Filter(plan, predicate);
            }
            else {
                List<RowExpression> conjuncts = new ArrayList<>(Expressions.conjuncts(predicate));
                plan = subqueryPlanner.apply(plan, subqueries.take(), conjuncts);
                if (!conjuncts.isEmpty()) {
                    plan = new Filter(plan, Expressions.and(conjuncts));
                }
            }
        }
        Map<String, dev.basalt.parser.tree.WindowSpecification> definitions = new HashMap<>();
        for (dev.basalt.parser.tree.WindowDefinition definition : specification.windows()) {
            if (definitions.put(definition.name().value(), definition.specification()) != null) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "window \"" + definition.name().value() + "\" is already defined", definition);
            }
        }
        WindowCollector windows = new WindowCollector(definitions);

        AggregateCollector aggregates = new AggregateCollector(context.symbols());
        List<SelectColumn> columns = selectColumns(specification, scope, aggregates, subqueries, windows);
        Map<String, RowExpression> aliases = new HashMap<>();
        for (SelectColumn column : columns) {
            if (column.explicitAlias()) {
                aliases.putIfAbsent(column.name(), column.expression());
            }
        }

        Grouping grouping = groupKeys(specification, scope, columns, aggregates, subqueries);
        List<RowExpression> groupKeys = grouping.keys();
        Set<Integer> ungrouped = new HashSet<>();
        for (Field field : from.scope().fields()) {
            if (!groupKeys.contains(field.symbol().reference())) {
                ungrouped.add(field.symbol().id());
            }
        }
        Optional<RowExpression> having = specification.having().map(expression ->
                new ExpressionAnalyzer(context, scope, "HAVING", aggregates, aliases, subqueries)
                        .outerAggregates(outerAggregates)
                        .preferAliasesOver(ungrouped)
                        .analyzeBoolean(expression, "HAVING"));
        if (having.isPresent()) {
            // a SELECT alias of a window function call brings the window into HAVING, which runs before windows
            Set<Integer> windowOutputs = new HashSet<>();
            for (WindowCollector.Entry entry : windows.entries()) {
                windowOutputs.add(entry.output().id());
            }
            for (Integer id : Expressions.symbolIds(having.get())) {
                if (windowOutputs.contains(id)) {
                    throw SemanticErrors.error(ErrorCode.WINDOWING_ERROR, "window functions are not allowed in HAVING", specification.having().get());
                }
            }
        }
        // QUALIFY filters on window results (DuckDB): it may name SELECT aliases and window functions of its own
        Optional<RowExpression> qualify = specification.qualify().map(expression ->
                new ExpressionAnalyzer(context, scope, "QUALIFY", aggregates, aliases, subqueries, windows)
                        .outerAggregates(outerAggregates)
                        .analyzeBoolean(expression, "QUALIFY"));
        if (qualify.isPresent() && windows.entries().isEmpty()) {
            throw SemanticErrors.error(ErrorCode.WINDOWING_ERROR, "at least one window function must appear in the SELECT list or QUALIFY clause",
                    specification.qualify().get());
        }
        List<SortItem> sortItems = sortItems(query.orderBy(), columns, scope, aggregates, aliases, subqueries, windows);
        // DISTINCT ON expressions bind like ORDER BY items (output names and positions included)
        List<SortItem> distinctOnItems = sortItems(distinctOnOrderItems(specification), columns, scope, aggregates, aliases, subqueries, windows);
        // subqueries of SELECT / HAVING / ORDER BY are joined in after the aggregation (their values pass its checks)
        List<Subqueries.Entry> lateSubqueries = new ArrayList<>();
        List<Subqueries.Entry> aggregatedSubqueries = new ArrayList<>();
        Set<Integer> keyIds = new HashSet<>();
        for (RowExpression key : groupKeys) {
            keyIds.addAll(Expressions.symbolIds(key));
        }
        for (Subqueries.Entry entry : subqueries.take()) {
            // a SELECT list subquery named in GROUP BY (by alias or position) is a grouping key, computed before it
            boolean before = entry.beforeAggregation() || keyIds.contains(entry.output().id());
            (before ? aggregatedSubqueries : lateSubqueries).add(entry);
        }
        // those of aggregate arguments are joined in below the aggregation, which reads their values
        plan = subqueryPlanner.apply(plan, aggregatedSubqueries, null);

        boolean aggregated = specification.groupBy().isPresent() || !aggregates.isEmpty() || !aggregates.groupings().isEmpty() || having.isPresent();
        if (aggregated) {
            GroupedPlan grouped = grouping.sets() != null || !aggregates.groupings().isEmpty()
                    ? planGroupingSets(plan, grouping, aggregates, scope, specification)
                    : planAggregation(plan, groupKeys, aggregates, scope);
            plan = subqueryPlanner.apply(grouped.plan(), lateSubqueries, null);
            for (Subqueries.Entry entry : lateSubqueries) {
                grouped.allowed().add(entry.output().id());
            }
            for (WindowCollector.Entry entry : windows.entries()) {
                grouped.allowed().add(entry.output().id());
            }
            // an enclosing query's column is one value per evaluation of this subquery: constant within its groups
            for (Optional<Scope> enclosing = outer; enclosing.isPresent(); enclosing = enclosing.get().outer()) {
                for (Field field : enclosing.get().fields()) {
                    grouped.allowed().add(field.symbol().id());
                }
                for (Field field : enclosing.get().hidden()) {
                    grouped.allowed().add(field.symbol().id());
                }
            }
            if (outerAggregates != null) {
                for (AggregateCollector.Entry entry : outerAggregates.entries()) {
                    grouped.allowed().add(entry.output().id());
                }
            }
            List<SelectColumn> rewritten = new ArrayList<>();
            for (SelectColumn column : columns) {
                rewritten.add(new SelectColumn(grouped.rewrite(column.expression(), "SELECT"), column.name(), column.explicitAlias()));
            }
            columns = rewritten;
            if (having.isPresent()) {
                plan = new Filter(plan, grouped.rewrite(having.get(), "HAVING"));
            }
            List<WindowCollector.Entry> rewrittenWindows = new ArrayList<>();
            for (WindowCollector.Entry entry : windows.entries()) {
                rewrittenWindows.add(entry.rewrite(expression -> grouped.rewrite(expression, "window functions")));
            }
            plan = planWindows(plan, rewrittenWindows);
            if (qualify.isPresent()) {
                plan = new Filter(plan, grouped.rewrite(qualify.get(), "QUALIFY"));
            }
            List<SortItem> rewrittenSort = new ArrayList<>();
            for (SortItem item : sortItems) {
                rewrittenSort.add(item.expression() == null ? item
                        : new SortItem(-1, grouped.rewrite(item.expression(), "ORDER BY"), item.ascending(), item.nullsFirst()));
            }
            sortItems = rewrittenSort;
            List<SortItem> rewrittenDistinctOn = new ArrayList<>();
            for (SortItem item : distinctOnItems) {
                rewrittenDistinctOn.add(item.expression() == null ? item
                        : new SortItem(-1, grouped.rewrite(item.expression(), "DISTINCT ON"), item.ascending(), item.nullsFirst()));
            }
            distinctOnItems = rewrittenDistinctOn;
        }
        else {
            plan = subqueryPlanner.apply(plan, lateSubqueries, null);
            plan = planWindows(plan, windows.entries());
            if (qualify.isPresent()) {
                plan = new Filter(plan, qualify.get());
            }
        }

        // the SELECT projection, plus hidden columns for ORDER BY expressions not in the SELECT list
        List<Symbol> visible = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Symbol> projected = new ArrayList<>();
        List<RowExpression> expressions = new ArrayList<>();
        Map<Integer, Symbol> available = symbolsById(plan.outputs());
        for (SelectColumn column : columns) {
            Symbol symbol = assign(column.expression(), column.name(), available, projected, expressions);
            visible.add(symbol);
            names.add(column.name());
        }
        List<Ordering> orderings = new ArrayList<>();
        boolean hidden = false;
        for (SortItem item : sortItems) {
            Symbol symbol;
            if (item.expression() == null) {
                symbol = visible.get(item.selectIndex());
            }
            else {
                int index = indexOfExpression(columns, item.expression());
                if (index >= 0) {
                    symbol = visible.get(index);
                }
                else {
                    hidden = true;
                    symbol = assign(item.expression(), "sort_key", available, projected, expressions);
                }
            }
            orderings.add(new Ordering(symbol, item.ascending(), item.nullsFirst()));
        }
        List<Symbol> distinctOnKeys = new ArrayList<>();
        for (SortItem item : distinctOnItems) {
            Symbol symbol;
            if (item.expression() == null) {
                symbol = visible.get(item.selectIndex());
            }
            else {
                int index = indexOfExpression(columns, item.expression());
                // the same expression as an ORDER BY key is that key (ORDER BY a % 2 with DISTINCT ON (a % 2))
                int projectedIndex = expressions.indexOf(item.expression());
                symbol = index >= 0 ? visible.get(index)
                        : projectedIndex >= 0 ? projected.get(projectedIndex) : assign(item.expression(), "distinct_on_key", available, projected, expressions);
            }
            if (!distinctOnKeys.contains(symbol)) {
                distinctOnKeys.add(symbol);
            }
        }
        plan = new Project(plan, projected, expressions);
        if (!distinctOnKeys.isEmpty()) {
            plan = planDistinctOn(plan, distinctOnKeys, orderings, specification);
        }

        if (specification.distinct()) {
            if (hidden) {
                throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "for SELECT DISTINCT, ORDER BY expressions must appear in select list", query);
            }
            plan = new Aggregate(plan, distinctSymbols(visible), List.of());
        }
        if (!orderings.isEmpty()) {
            plan = new Sort(plan, orderings);
        }
        plan = limit(plan, query);
        return new QueryPlan(plan, visible, names);
    }

    /** The DISTINCT ON expressions as ascending ORDER BY items, to bind them the way ORDER BY binds. */
    private static List<OrderItem> distinctOnOrderItems(QuerySpecification specification)
    {
        List<OrderItem> items = new ArrayList<>();
        for (Expression expression : specification.distinctOn()) {
            items.add(new OrderItem(expression.location(), expression, SortOrder.ASCENDING, dev.basalt.parser.tree.NullOrdering.UNSPECIFIED));
        }
        return items;
    }

    /**
     * DISTINCT ON (keys): the first row of each group of equal keys in ORDER BY order (PostgreSQL), as row_number()
     * over (PARTITION BY keys ORDER BY orderings) = 1. ORDER BY must start with the keys (42P10), as in PostgreSQL:
     * otherwise "first" would disagree with the output order.
     */
    private LogicalPlan planDistinctOn(LogicalPlan plan, List<Symbol> keys, List<Ordering> orderings, QuerySpecification specification)
    {
        int prefix = Math.min(keys.size(), orderings.size());
        for (int i = 0; i < prefix; i++) {
            if (!keys.contains(orderings.get(i).symbol())) {
                throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "SELECT DISTINCT ON expressions must match initial ORDER BY expressions",
                        specification.distinctOn().getFirst());
            }
        }
        List<Symbol> outputs = plan.outputs();
        Symbol rowNumber = context.symbols().newSymbol("row_number", DataTypes.BIGINT);
        dev.basalt.planner.logical.Window.Function function = new dev.basalt.planner.logical.Window.Function(rowNumber,
                dev.basalt.planner.plan.WindowFunction.ROW_NUMBER, Optional.empty(), List.of(), false, false,
                dev.basalt.planner.plan.WindowFrame.defaultFrame(!orderings.isEmpty()));
        LogicalPlan window = new dev.basalt.planner.logical.Window(plan, keys, orderings, List.of(function));
        LogicalPlan first = new Filter(window, Expressions.booleanCall(dev.basalt.planner.expression.Function.EQUAL, rowNumber.reference(),
                new Constant(1L, DataTypes.BIGINT)));
        List<RowExpression> references = new ArrayList<>();
        for (Symbol symbol : outputs) {
            references.add(symbol.reference());
        }
        return new Project(first, outputs, references);
    }

    private List<SelectColumn> selectColumns(QuerySpecification specification, Scope scope, AggregateCollector aggregates, Subqueries subqueries,
            WindowCollector windows)
    {
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "SELECT", aggregates, Map.of(), subqueries, windows).outerAggregates(outerAggregates);
        List<SelectColumn> columns = new ArrayList<>();
        for (SelectItem item : specification.selectItems()) {
            switch (item) {
                case AllColumns all -> {
                    List<Field> fields;
                    if (all.qualifier().isPresent()) {
                        String relation = all.qualifier().get().suffix();
                        if (!scope.hasRelation(relation)) {
                            throw SemanticErrors.error(ErrorCode.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + relation + "\"", all);
                        }
                        fields = scope.fieldsOf(relation);
                    }
                    else {
                        if (specification.from().isEmpty()) {
                            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "SELECT * with no tables specified is not valid", all);
                        }
                        fields = scope.fields();
                    }
                    for (Field field : fields) {
                        columns.add(new SelectColumn(field.symbol().reference(), field.name(), false));
                    }
                }
                case SingleColumn single -> {
                    RowExpression expression = analyzer.analyze(single.expression());
                    String name = single.alias().map(Identifier::value).orElseGet(() -> ColumnNames.of(single.expression()));
                    columns.add(new SelectColumn(expression, name, single.alias().isPresent()));
                }
            }
        }
        return columns;
    }

    /** GROUP BY keys and, for GROUPING SETS / ROLLUP / CUBE, the sets (indexes into the keys); null sets for plain GROUP BY. */
    private record Grouping(List<RowExpression> keys, List<List<Integer>> sets) {}

    private Grouping groupKeys(QuerySpecification specification, Scope scope, List<SelectColumn> columns, AggregateCollector aggregates,
            Subqueries subqueries)
    {
        List<RowExpression> keys = new ArrayList<>();
        if (specification.groupBy().isEmpty()) {
            return new Grouping(keys, null);
        }
        // a grouping key's subqueries are joined in below the aggregation
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "GROUP BY", null, Map.of(), subqueries.beforeAggregation());
        Set<Integer> aggregateIds = new HashSet<>();
        for (AggregateCollector.Entry entry : aggregates.entries()) {
            aggregateIds.add(entry.output().id());
        }
        boolean plain = true;
        // every element contributes a list of sets; the query's sets are their cross product
        List<List<Integer>> sets = List.of(List.of());
        for (GroupingElement element : specification.groupBy().get().elements()) {
            List<List<Integer>> elementSets = new ArrayList<>();
            switch (element) {
                case GroupingExpression grouping -> elementSets.add(List.of(groupKey(grouping.expression(), keys, analyzer, scope, columns, aggregateIds)));
                case dev.basalt.parser.tree.GroupingSets groupingSets -> {
                    plain = false;
                    for (List<Expression> set : groupingSets.sets()) {
                        List<Integer> indexes = new ArrayList<>();
                        for (Expression expression : set) {
                            indexes.add(groupKey(expression, keys, analyzer, scope, columns, aggregateIds));
                        }
                        elementSets.add(indexes);
                    }
                }
                case dev.basalt.parser.tree.Rollup rollup -> {
                    plain = false;
                    List<Integer> indexes = new ArrayList<>();
                    for (Expression expression : rollup.expressions()) {
                        indexes.add(groupKey(expression, keys, analyzer, scope, columns, aggregateIds));
                    }
                    for (int length = indexes.size(); length >= 0; length--) {
                        elementSets.add(List.copyOf(indexes.subList(0, length)));
                    }
                }
                case dev.basalt.parser.tree.Cube cube -> {
                    plain = false;
                    List<Integer> indexes = new ArrayList<>();
                    for (Expression expression : cube.expressions()) {
                        indexes.add(groupKey(expression, keys, analyzer, scope, columns, aggregateIds));
                    }
                    if (indexes.size() > 12) {
                        throw SemanticErrors.notSupported("CUBE with more than 12 elements", cube);
                    }
                    for (int mask = (1 << indexes.size()) - 1; mask >= 0; mask--) {
                        List<Integer> set = new ArrayList<>();
                        for (int i = 0; i < indexes.size(); i++) {
                            if ((mask & (1 << (indexes.size() - 1 - i))) != 0) {
                                set.add(indexes.get(i));
                            }
                        }
                        elementSets.add(set);
                    }
                }
            }
            List<List<Integer>> product = new ArrayList<>();
            for (List<Integer> left : sets) {
                for (List<Integer> right : elementSets) {
                    List<Integer> combined = new ArrayList<>(left);
                    for (Integer index : right) {
                        if (!combined.contains(index)) {
                            combined.add(index);
                        }
                    }
                    product.add(combined);
                }
            }
            sets = product;
        }
        return new Grouping(keys, plain ? null : sets);
    }

    private int groupKey(Expression expression, List<RowExpression> keys, ExpressionAnalyzer analyzer, Scope scope, List<SelectColumn> columns,
            Set<Integer> aggregateIds)
    {
        RowExpression key;
        if (expression instanceof LongLiteral ordinal) {
            if (ordinal.value() < 1 || ordinal.value() > columns.size()) {
                throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "GROUP BY position " + ordinal.value() + " is not in select list", ordinal);
            }
            key = columns.get((int) ordinal.value() - 1).expression();
            requireNoAggregates(key, aggregateIds, ordinal);
        }
        else if (expression instanceof ColumnReference reference && reference.name().parts().size() == 1
                && scope.local().resolve(reference.name(), reference).isEmpty() && selectColumnNamed(columns, reference.name().suffix()) >= 0) {
            // GROUP BY an output name, when no input column has that name (PostgreSQL)
            key = columns.get(selectColumnNamed(columns, reference.name().suffix())).expression();
            requireNoAggregates(key, aggregateIds, reference);
        }
        else {
            key = analyzer.analyze(expression);
        }
        int index = keys.indexOf(key);
        if (index < 0) {
            keys.add(key);
            index = keys.size() - 1;
        }
        return index;
    }

    private static void requireNoAggregates(RowExpression key, Set<Integer> aggregateIds, Node node)
    {
        for (Integer id : Expressions.symbolIds(key)) {
            if (aggregateIds.contains(id)) {
                throw SemanticErrors.error(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed in GROUP BY", node);
            }
        }
    }

    private static int selectColumnNamed(List<SelectColumn> columns, String name)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private List<SortItem> sortItems(List<OrderItem> orderBy, List<SelectColumn> columns, Scope scope, AggregateCollector aggregates,
            Map<String, RowExpression> aliases, Subqueries subqueries, WindowCollector windows)
    {
        List<SortItem> items = new ArrayList<>();
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "ORDER BY", aggregates, aliases, subqueries, windows).outerAggregates(outerAggregates);
        for (OrderItem item : orderBy) {
            boolean ascending = item.ordering() == SortOrder.ASCENDING;
            boolean nullsFirst = nullsFirst(item);
            OptionalInt index = outputReference(item, columns.stream().map(SelectColumn::name).toList(),
                    columns.stream().map(SelectColumn::expression).toList());
            if (index.isPresent()) {
                items.add(new SortItem(index.getAsInt(), null, ascending, nullsFirst));
            }
            else {
                items.add(new SortItem(-1, analyzer.analyze(item.expression()), ascending, nullsFirst));
            }
        }
        return items;
    }

    /** NULLS LAST for ASC and NULLS FIRST for DESC unless written (PostgreSQL, DuckDB). */
    private static boolean nullsFirst(OrderItem item)
    {
        return switch (item.nullOrdering()) {
            case FIRST -> true;
            case LAST -> false;
            case UNSPECIFIED -> item.ordering() == SortOrder.DESCENDING;
        };
    }

    /** ORDER BY n, or ORDER BY an output column name: the output index; empty for other expressions. */
    private static OptionalInt outputReference(OrderItem item, List<String> names, List<RowExpression> expressions)
    {
        if (item.expression() instanceof LongLiteral ordinal) {
            if (ordinal.value() < 1 || ordinal.value() > names.size()) {
                throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "ORDER BY position " + ordinal.value() + " is not in select list", ordinal);
            }
            return OptionalInt.of((int) ordinal.value() - 1);
        }
        if (item.expression() instanceof ColumnReference reference && reference.name().parts().size() == 1) {
            int found = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(reference.name().suffix())) {
                    if (found >= 0 && !expressions.get(found).equals(expressions.get(i))) {
                        throw SemanticErrors.error(ErrorCode.AMBIGUOUS_COLUMN, "ORDER BY \"" + reference.name() + "\" is ambiguous", reference);
                    }
                    if (found < 0) {
                        found = i;
                    }
                }
            }
            if (found >= 0) {
                return OptionalInt.of(found);
            }
        }
        return OptionalInt.empty();
    }

    private static int indexOfExpression(List<SelectColumn> columns, RowExpression expression)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).expression().equals(expression)) {
                return i;
            }
        }
        return -1;
    }

    /** A symbol holding {@code expression}: the referenced symbol itself for a plain reference, else a new one. */
    private Symbol assign(RowExpression expression, String name, Map<Integer, Symbol> available, List<Symbol> outputs, List<RowExpression> expressions)
    {
        Symbol symbol;
        if (expression instanceof InputReference reference && available.containsKey(reference.index())) {
            symbol = available.get(reference.index());
            if (outputs.contains(symbol)) {
                return symbol;
            }
        }
        else {
            symbol = context.symbols().newSymbol(name, expression.type());
        }
        outputs.add(symbol);
        expressions.add(expression);
        return symbol;
    }

    private static List<Symbol> distinctSymbols(List<Symbol> symbols)
    {
        List<Symbol> result = new ArrayList<>();
        for (Symbol symbol : symbols) {
            if (!result.contains(symbol)) {
                result.add(symbol);
            }
        }
        return result;
    }

    private static Map<Integer, Symbol> symbolsById(List<Symbol> symbols)
    {
        Map<Integer, Symbol> byId = new HashMap<>();
        for (Symbol symbol : symbols) {
            byId.put(symbol.id(), symbol);
        }
        return byId;
    }

    // ---------------------------------------------------------------- window functions

    /** One Window node per distinct PARTITION BY / ORDER BY, stacked; keys and arguments projected into columns first. */
    private LogicalPlan planWindows(LogicalPlan source, List<WindowCollector.Entry> entries)
    {
        if (entries.isEmpty()) {
            return source;
        }
        Map<Integer, Symbol> available = symbolsById(source.outputs());
        List<Symbol> projected = new ArrayList<>(source.outputs());
        List<RowExpression> expressions = new ArrayList<>();
        for (Symbol symbol : projected) {
            expressions.add(symbol.reference());
        }
        Map<RowExpression, Symbol> computed = new HashMap<>();
        java.util.function.Function<RowExpression, Symbol> column = expression -> computed.computeIfAbsent(expression, e -> {
            if (e instanceof InputReference reference && available.containsKey(reference.index())) {
                return available.get(reference.index());
            }
            Symbol symbol = context.symbols().newSymbol("window_arg", e.type());
            projected.add(symbol);
            expressions.add(e);
            return symbol;
        });
        record Specification(List<Symbol> partitionBy, List<Ordering> orderBy) {}
        Map<Specification, List<dev.basalt.planner.logical.Window.Function>> groups = new LinkedHashMap<>();
        for (WindowCollector.Entry entry : entries) {
            List<Symbol> partition = new ArrayList<>();
            for (RowExpression expression : entry.partitionBy()) {
                Symbol symbol = column.apply(expression);
                if (!partition.contains(symbol)) {
                    partition.add(symbol);
                }
            }
            List<Ordering> orderings = new ArrayList<>();
            for (WindowCollector.Order order : entry.orderBy()) {
                orderings.add(new Ordering(column.apply(order.expression()), order.ascending(), order.nullsFirst()));
            }
            List<Symbol> arguments = new ArrayList<>();
            for (RowExpression argument : entry.arguments()) {
                arguments.add(column.apply(argument));
            }
            groups.computeIfAbsent(new Specification(partition, orderings), key -> new ArrayList<>())
                    .add(new dev.basalt.planner.logical.Window.Function(entry.output(), entry.function(), entry.aggregate(), arguments,
                            entry.distinct(), entry.ignoreNulls(), entry.frame()));
        }
        LogicalPlan plan = projected.size() == source.outputs().size() ? source : new Project(source, projected, expressions);
        for (Map.Entry<Specification, List<dev.basalt.planner.logical.Window.Function>> group : groups.entrySet()) {
            plan = new dev.basalt.planner.logical.Window(plan, group.getKey().partitionBy(), group.getKey().orderBy(), group.getValue());
        }
        return plan;
    }

    // ---------------------------------------------------------------- aggregation

    /** The Aggregate node and the rewrite of post-aggregation expressions onto its outputs. */
    private record GroupedPlan(LogicalPlan plan, List<RowExpression> keys, List<Symbol> keySymbols, Set<Integer> allowed, Map<Integer, String> names)
    {
        /**
         * Replaces grouped expressions by key references; any other column left is a 42803, unless it only occurs
         * where constant simplification proves it dead: {@code COALESCE(49, col)}, a CASE whose deciding operands
         * are constants, {@code col * NULL}. Unlike SQLite's bare columns this picks no arbitrary row: the
         * simplified expression (which is what runs, so the column is never read) equals the original on every row.
         */
        RowExpression rewrite(RowExpression expression, String clause)
        {
            RowExpression rewritten = Expressions.rewrite(expression, node -> {
                int index = keys.indexOf(node);
                return index >= 0 && !(node instanceof Constant) ? keySymbols.get(index).reference() : null;
            });
            Integer ungrouped = firstUngrouped(rewritten);
            if (ungrouped == null) {
                return rewritten;
            }
            RowExpression simplified = ExpressionSimplifier.simplify(rewritten);
            if (firstUngrouped(simplified) == null) {
                return simplified;
            }
            throw new BasaltException(ErrorCode.GROUPING_ERROR, "column \"" + names.getOrDefault(ungrouped, "?")
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function (in " + clause + ")");
        }

        private Integer firstUngrouped(RowExpression expression)
        {
            for (Integer id : Expressions.symbolIds(expression)) {
                if (!allowed.contains(id)) {
                    return id;
                }
            }
            return null;
        }
    }

    /**
     * GROUPING SETS / ROLLUP / CUBE (and grouping()): a UNION ALL of one aggregation per grouping set, the keys
     * outside the set NULL, grouping(...) a constant per branch (bit set = argument not grouped in that branch).
     */
    private GroupedPlan planGroupingSets(LogicalPlan source, Grouping grouping, AggregateCollector aggregates, Scope scope, Node node)
    {
        List<RowExpression> keys = grouping.keys();
        List<List<Integer>> sets = grouping.sets();
        if (sets == null) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                all.add(i);
            }
            sets = List.of(all);
        }
        List<Symbol> keySymbols = new ArrayList<>();
        for (RowExpression key : keys) {
            keySymbols.add(context.symbols().newSymbol("group_key", key.type() instanceof NullType ? DataTypes.INTEGER : key.type()));
        }
        List<Symbol> outputs = new ArrayList<>(keySymbols);
        for (AggregateCollector.Entry entry : aggregates.entries()) {
            outputs.add(entry.output());
        }
        List<List<Integer>> groupingArguments = new ArrayList<>();
        for (AggregateCollector.GroupingCall call : aggregates.groupings()) {
            outputs.add(call.output());
            List<Integer> indexes = new ArrayList<>();
            for (RowExpression argument : call.arguments()) {
                int index = keys.indexOf(argument);
                if (index < 0) {
                    throw SemanticErrors.error(ErrorCode.GROUPING_ERROR, "arguments to GROUPING must be grouping expressions of the associated query level", node);
                }
                indexes.add(index);
            }
            groupingArguments.add(indexes);
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        List<List<Symbol>> inputSymbols = new ArrayList<>();
        for (List<Integer> set : sets) {
            List<RowExpression> setKeys = new ArrayList<>();
            for (Integer index : set) {
                setKeys.add(keys.get(index));
            }
            GroupedPlan branch = planAggregation(source, setKeys, aggregates, scope);
            List<RowExpression> expressions = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                int position = set.indexOf(i);
                expressions.add(position >= 0 ? TypeCoercion.coerce(branch.keySymbols().get(position).reference(), keySymbols.get(i).type())
                        : new Constant(null, keySymbols.get(i).type()));
            }
            for (AggregateCollector.Entry entry : aggregates.entries()) {
                expressions.add(entry.output().reference());
            }
            for (List<Integer> arguments : groupingArguments) {
                int bits = 0;
                for (Integer argument : arguments) {
                    bits = (bits << 1) | (set.contains(argument) ? 0 : 1);
                }
                expressions.add(new Constant(bits, DataTypes.INTEGER));
            }
            List<Symbol> symbols = new ArrayList<>();
            for (Symbol output : outputs) {
                symbols.add(sets.size() == 1 ? output : context.symbols().newSymbol(output.name(), output.type()));
            }
            inputs.add(new Project(branch.plan(), symbols, expressions));
            inputSymbols.add(symbols);
        }
        LogicalPlan plan = inputs.size() == 1 ? inputs.getFirst()
                : new dev.basalt.planner.logical.SetOperation(SetOperationType.UNION, true, inputs, inputSymbols, outputs);
        Set<Integer> allowed = new HashSet<>(Expressions.ids(outputs));
        Map<Integer, String> names = new HashMap<>();
        for (Field field : scope.fields()) {
            names.putIfAbsent(field.symbol().id(), field.displayName());
        }
        return new GroupedPlan(plan, keys, keySymbols, allowed, names);
    }

    private GroupedPlan planAggregation(LogicalPlan source, List<RowExpression> keys, AggregateCollector aggregates, Scope scope)
    {
        Map<Integer, Symbol> available = symbolsById(source.outputs());
        List<Symbol> projected = new ArrayList<>();
        List<RowExpression> expressions = new ArrayList<>();
        Map<RowExpression, Symbol> computed = new LinkedHashMap<>();
        List<Symbol> keySymbols = new ArrayList<>();
        for (RowExpression key : keys) {
            keySymbols.add(computed.computeIfAbsent(key, k -> assign(k, "group_key", available, projected, expressions)));
        }
        List<Aggregation> aggregations = new ArrayList<>();
        for (AggregateCollector.Entry entry : aggregates.entries()) {
            List<Symbol> arguments = new ArrayList<>();
            for (RowExpression argument : entry.arguments()) {
                arguments.add(computed.computeIfAbsent(argument, a -> assign(a, "agg_arg", available, projected, expressions)));
            }
            Optional<Symbol> filter = entry.filter().map(f -> computed.computeIfAbsent(f, a -> assign(a, "agg_filter", available, projected, expressions)));
            List<Ordering> orderBy = new ArrayList<>();
            for (WindowCollector.Order order : entry.orderBy()) {
                Symbol key = computed.computeIfAbsent(order.expression(), a -> assign(a, "agg_order", available, projected, expressions));
                orderBy.add(new Ordering(key, order.ascending(), order.nullsFirst()));
            }
            aggregations.add(new Aggregation(entry.output(), entry.function(), arguments, entry.distinct(), filter, orderBy, entry.parameters()));
        }
        LogicalPlan plan = new Aggregate(new Project(source, projected, expressions), keySymbols, aggregations);
        Set<Integer> allowed = new HashSet<>();
        for (Symbol symbol : plan.outputs()) {
            allowed.add(symbol.id());
        }
        Map<Integer, String> names = new HashMap<>();
        for (Field field : scope.fields()) {
            names.putIfAbsent(field.symbol().id(), field.displayName());
        }
        return new GroupedPlan(plan, keys, keySymbols, allowed, names);
    }

    // ---------------------------------------------------------------- ORDER BY / LIMIT over a finished query

    /** ORDER BY and LIMIT of a query whose body is not a SELECT (VALUES, a parenthesized query). */
    private QueryPlan orderAndLimit(QueryPlan input, Query query)
    {
        if (query.orderBy().isEmpty() && query.limit().isEmpty() && query.offset().isEmpty()) {
            return input;
        }
        LogicalPlan plan = input.plan();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < input.outputs().size(); i++) {
            fields.add(new Field(Optional.empty(), input.names().get(i), input.outputs().get(i)));
        }
        Scope scope = new Scope(fields);
        List<RowExpression> outputExpressions = input.outputs().stream().map(symbol -> (RowExpression) symbol.reference()).toList();
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "ORDER BY", null, Map.of());
        List<Ordering> orderings = new ArrayList<>();
        List<Symbol> projected = new ArrayList<>(plan.outputs());
        List<RowExpression> expressions = new ArrayList<>();
        for (Symbol symbol : projected) {
            expressions.add(symbol.reference());
        }
        boolean extra = false;
        for (OrderItem item : query.orderBy()) {
            OptionalInt index = outputReference(item, input.names(), outputExpressions);
            Symbol symbol;
            if (index.isPresent()) {
                symbol = input.outputs().get(index.getAsInt());
            }
            else {
                RowExpression expression = analyzer.analyze(item.expression());
                if (expression instanceof InputReference reference && input.outputs().stream().anyMatch(s -> s.id() == reference.index())) {
                    symbol = input.outputs().stream().filter(s -> s.id() == reference.index()).findFirst().orElseThrow();
                }
                else {
                    symbol = context.symbols().newSymbol("sort_key", expression.type());
                    projected.add(symbol);
                    expressions.add(expression);
                    extra = true;
                }
            }
            orderings.add(new Ordering(symbol, item.ordering() == SortOrder.ASCENDING, nullsFirst(item)));
        }
        if (extra) {
            plan = new Project(plan, projected, expressions);
        }
        if (!orderings.isEmpty()) {
            plan = new Sort(plan, orderings);
        }
        plan = limit(plan, query);
        return new QueryPlan(plan, input.outputs(), input.names());
    }

    private LogicalPlan limit(LogicalPlan plan, Query query)
    {
        if (query.limit().isEmpty() && query.offset().isEmpty()) {
            return plan;
        }
        long count = query.limit().map(expression -> constantCount(expression, "LIMIT")).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(expression -> constantCount(expression, "OFFSET")).orElse(0L);
        if (count == Long.MAX_VALUE && offset == 0) {
            return plan;
        }
        return new Limit(plan, count, offset);
    }

    /** A LIMIT/OFFSET value: a constant non-negative integer; NULL means none (ALL / 0). */
    private long constantCount(Expression expression, String clause)
    {
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, Scope.empty(), clause, null, Map.of());
        RowExpression value = ExpressionSimplifier.simplify(analyzer.analyze(expression));
        if (!(value instanceof Constant constant) || !(constant.type().isNumeric() || constant.type() instanceof NullType)) {
            throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "argument of " + clause + " must be a constant integer", expression);
        }
        if (constant.value() == null) {
            return clause.equals("LIMIT") ? Long.MAX_VALUE : 0;
        }
        long count;
        try {
            count = new BigDecimal(constant.value().toString()).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        catch (ArithmeticException | NumberFormatException e) {
            throw SemanticErrors.error(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, clause + " value out of range: " + constant.value(), expression);
        }
        if (count < 0) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, clause + " must not be negative", expression);
        }
        return count;
    }

    // ---------------------------------------------------------------- VALUES

    private QueryPlan planValues(dev.basalt.parser.tree.Values values)
    {
        List<List<RowExpression>> rows = bindValuesRows(values);
        int width = rows.getFirst().size();
        List<Symbol> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        OperatorTyping typing = new OperatorTyping(context.settings().integerDivision(), context.settings().sqliteCompatibility());
        List<DataType> types = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            List<RowExpression> cells = new ArrayList<>();
            for (List<RowExpression> row : rows) {
                cells.add(row.get(column));
            }
            DataType type = typing.unify(cells, "VALUES", values);
            types.add(type);
            String name = "col" + column;
            outputs.add(context.symbols().newSymbol(name, type));
            names.add(name);
        }
        List<List<RowExpression>> typedRows = new ArrayList<>();
        for (List<RowExpression> row : rows) {
            List<RowExpression> typed = new ArrayList<>();
            for (int column = 0; column < width; column++) {
                typed.add(typing.coerceTo(row.get(column), types.get(column), "VALUES", values));
            }
            typedRows.add(typed);
        }
        return new QueryPlan(new Values(outputs, typedRows), outputs, names);
    }

    private List<List<RowExpression>> bindValuesRows(dev.basalt.parser.tree.Values values)
    {
        return bindValuesRows(values, List.of(), null);
    }

    /**
     * The rows of VALUES, bound. With a target table ({@code schema} not null), an item DEFAULT that stands for
     * target column {@code targets.get(i)} becomes that column's default (already of the column type).
     */
    private List<List<RowExpression>> bindValuesRows(dev.basalt.parser.tree.Values values, List<Integer> targets, TableSchema schema)
    {
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, Scope.empty(), "VALUES", null, Map.of());
        List<List<RowExpression>> rows = new ArrayList<>();
        int width = -1;
        for (List<Expression> row : values.rows()) {
            if (width >= 0 && row.size() != width) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "VALUES lists must all be the same length", values);
            }
            width = row.size();
            List<RowExpression> bound = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Expression expression = row.get(i);
                if (expression instanceof DefaultValue && schema != null) {
                    // past the last target the INSERT's width check reports the row as too long
                    bound.add(i < targets.size() ? columnDefault(schema, targets.get(i)) : new Constant(null, DataTypes.NULL));
                }
                else {
                    bound.add(analyzer.analyze(expression));
                }
            }
            rows.add(bound);
        }
        if (rows.isEmpty()) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "VALUES needs at least one row", values);
        }
        return rows;
    }

    // ---------------------------------------------------------------- FROM

    private RelationPlan planFrom(List<Relation> relations)
    {
        if (relations.isEmpty()) {
            // SELECT without FROM reads one row with no columns
            return new RelationPlan(new Values(List.of(), List.of(List.of())), Scope.empty());
        }
        RelationPlan result = null;
        for (Relation relation : relations) {
            RelationPlan next = planRelation(relation);
            result = result == null ? next
                    : new RelationPlan(Join.inner(result.plan(), next.plan(), Optional.empty()), result.scope().join(next.scope()));
        }
        return result;
    }

    private RelationPlan planRelation(Relation relation)
    {
        return switch (relation) {
            case dev.basalt.parser.tree.Table table -> planTable(table);
            case SubqueryRelation subquery -> {
                QueryPlan query = new QueryAnalyzer(context, outer, ctes).planQuery(subquery.query());
                Optional<String> alias = subquery.alias().map(Identifier::value);
                List<String> names = renamed(query.names(), subquery.columnAliases(), alias.orElse("subquery"), subquery);
                List<Field> fields = new ArrayList<>();
                for (int i = 0; i < query.outputs().size(); i++) {
                    fields.add(new Field(alias, names.get(i), query.outputs().get(i)));
                }
                yield new RelationPlan(query.plan(), new Scope(fields));
            }
            case TableFunctionRelation function -> new TableFunctions(context).plan(function);
            case dev.basalt.parser.tree.Join join -> planJoin(join);
        };
    }

    private RelationPlan planTable(dev.basalt.parser.tree.Table reference)
    {
        if (reference.name().names().size() == 1 && ctes.containsKey(reference.name().suffix())) {
            CommonTableExpression cte = ctes.get(reference.name().suffix());
            String relationName = reference.alias().map(Identifier::value).orElse(cte.query().name().value());
            if (cte.workTable().isPresent()) {
                CommonTableExpression.WorkTable workTable = cte.workTable().get();
                List<String> names = renamed(workTable.columnNames(), reference.columnAliases(), relationName, reference);
                List<Symbol> symbols = new ArrayList<>();
                List<Field> fields = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    Symbol symbol = context.symbols().newSymbol(workTable.columnNames().get(i), workTable.types().get(i));
                    symbols.add(symbol);
                    fields.add(new Field(Optional.of(relationName), names.get(i), symbol));
                }
                return new RelationPlan(new dev.basalt.planner.logical.WorkTableScan(workTable.name(), symbols), new Scope(fields));
            }
            QueryPlan query = cte.recursive() ? planRecursive(cte) : new QueryAnalyzer(context, cte.outer(), cte.visible()).planQuery(cte.query().query());
            List<String> names = renamed(query.names(), cte.query().columnAliases(), relationName, cte.query());
            names = renamed(names, reference.columnAliases(), relationName, reference);
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < query.outputs().size(); i++) {
                fields.add(new Field(Optional.of(relationName), names.get(i), query.outputs().get(i)));
            }
            return new RelationPlan(query.plan(), new Scope(fields));
        }
        Optional<ViewDefinition> view = resolveView(reference.name().names());
        if (view.isPresent()) {
            return planView(view.get(), reference);
        }
        Table table = resolveTable(reference.name().names(), reference);
        TableSchema schema = table.schema();
        String relationName = reference.alias().map(Identifier::value).orElse(schema.name());
        List<String> names = renamed(schema.columns().stream().map(Column::name).toList(), reference.columnAliases(), relationName, reference);
        TableColumns columns = tableColumns(schema, relationName, names);
        Scan scan = new Scan(schema, columns.ordinals(), columns.symbols(), List.of(), table.statistics());
        return new RelationPlan(scan, new Scope(columns.fields()));
    }

    /** Every column of a table, in table order: scan ordinals, fresh symbols, and fields named {@code names} under {@code relationName}. */
    private TableColumns tableColumns(TableSchema schema, String relationName, List<String> names)
    {
        List<Integer> ordinals = new ArrayList<>();
        List<Symbol> symbols = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            Symbol symbol = context.symbols().newSymbol(schema.column(i).name(), schema.column(i).type());
            ordinals.add(i);
            symbols.add(symbol);
            fields.add(new Field(Optional.of(relationName), names.get(i), symbol));
        }
        return new TableColumns(ordinals, symbols, fields);
    }

    private record TableColumns(List<Integer> ordinals, List<Symbol> symbols, List<Field> fields) {}

    /** A view named by {@code parts} (when no table has the name: tables and views share one namespace). */
    private Optional<ViewDefinition> resolveView(List<String> parts)
    {
        String name = parts.getLast();
        boolean knownSchema = parts.size() == 1 || (parts.size() == 2 && (parts.getFirst().equals("main") || parts.getFirst().equals("public")));
        if (!knownSchema || context.catalog().getTable(name).isPresent()) {
            return Optional.empty();
        }
        return context.catalog().getView(name);
    }

    /**
     * A view is its SQL bound again at every use, as a subquery named after the view: it sees the catalog as of now
     * (not the referencing query's WITH names or outer columns). Its columns get the names fixed at creation.
     */
    private RelationPlan planView(ViewDefinition view, dev.basalt.parser.tree.Table reference)
    {
        if (context.viewPath().contains(view.name())) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "infinite recursion detected in view \"" + view.name() + "\" (through "
                    + String.join(" -> ", context.viewPath()) + " -> " + view.name() + ")", reference);
        }
        Query body = parseView(view, reference);
        QueryPlan query;
        try {
            query = new QueryAnalyzer(context.enteringView(view.name()), Optional.empty(), Map.of()).planQuery(body);
        }
        catch (BasaltException e) {
            if (e.code() == ErrorCode.UNDEFINED_TABLE || e.code() == ErrorCode.UNDEFINED_COLUMN) {
                // a table or column the view reads was dropped or renamed after the view was created
                throw SemanticErrors.error(e.code(), "view \"" + view.name() + "\" cannot be used: " + e.getMessage(), reference);
            }
            throw e;
        }
        if (query.outputs().size() < view.columnNames().size()) {
            throw SemanticErrors.error(ErrorCode.UNDEFINED_COLUMN, "view \"" + view.name() + "\" has " + view.columnNames().size()
                    + " columns but its query now returns " + query.outputs().size(), reference);
        }
        String relationName = reference.alias().map(Identifier::value).orElse(view.name());
        // a SELECT * view keeps the columns it had at creation (columns added to the table later are not shown)
        List<String> names = renamed(view.columnNames(), reference.columnAliases(), relationName, reference);
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(new Field(Optional.of(relationName), names.get(i), query.outputs().get(i)));
        }
        return new RelationPlan(query.plan(), new Scope(fields));
    }

    private static Query parseView(ViewDefinition view, Node node)
    {
        Statement statement;
        try {
            statement = new SqlParser().parse(view.sql());
        }
        catch (BasaltException e) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "view \"" + view.name() + "\" has invalid SQL: " + e.getMessage(), node);
        }
        if (!(statement instanceof Query query)) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "view \"" + view.name() + "\" is not defined by a query", node);
        }
        return query;
    }

    private Table resolveTable(List<String> parts, Node node)
    {
        String name = parts.getLast();
        boolean knownSchema = parts.size() == 1 || (parts.size() == 2 && (parts.getFirst().equals("main") || parts.getFirst().equals("public")));
        Optional<Table> table = knownSchema ? context.catalog().getTable(name) : Optional.empty();
        if (table.isEmpty() && knownSchema && context.catalog().getView(name).isPresent()) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is a view, not a table", node);
        }
        return table.orElseThrow(() -> SemanticErrors.error(ErrorCode.UNDEFINED_TABLE,
                "relation \"" + String.join(".", parts) + "\" does not exist", node));
    }

    private static List<String> renamed(List<String> names, List<Identifier> aliases, String relation, Node node)
    {
        if (aliases.size() > names.size()) {
            throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "table \"" + relation + "\" has " + names.size()
                    + " columns available but " + aliases.size() + " columns specified", node);
        }
        List<String> result = new ArrayList<>(names);
        for (int i = 0; i < aliases.size(); i++) {
            result.set(i, aliases.get(i).value());
        }
        return result;
    }

    /**
     * A join whose ON condition has subqueries. Inner join: the condition filters the pairs, so the subqueries are
     * applied as in WHERE. Outer join: they are applied to the side whose rows the condition only filters (the right
     * side of a LEFT join, the left of a RIGHT join), which they may read, besides constants and outer queries.
     */
    private LogicalPlan joinWithSubqueries(JoinType type, LogicalPlan left, LogicalPlan right, RowExpression condition, List<Subqueries.Entry> entries,
            Node node)
    {
        SubqueryPlanner planner = new SubqueryPlanner();
        if (type == JoinType.INNER) {
            List<RowExpression> conjuncts = new ArrayList<>(Expressions.conjuncts(condition));
            LogicalPlan plan = planner.apply(Join.inner(left, right, Optional.empty()), entries, conjuncts);
            return conjuncts.isEmpty() ? plan : new Filter(plan, Expressions.and(conjuncts));
        }
        if (type == JoinType.LEFT && !SubqueryPlanner.reads(entries, Expressions.ids(left.outputs()))) {
            return new Join(type, left, planner.apply(right, entries, null), Optional.of(condition), Optional.empty());
        }
        if (type == JoinType.RIGHT && !SubqueryPlanner.reads(entries, Expressions.ids(right.outputs()))) {
            return new Join(type, planner.apply(left, entries, null), right, Optional.of(condition), Optional.empty());
        }
        throw SemanticErrors.notSupported("subqueries that read the preserved side of an outer join in its JOIN conditions", node);
    }

    private RelationPlan planJoin(dev.basalt.parser.tree.Join join)
    {
        JoinType type = switch (join.type()) {
            case INNER, CROSS -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
        };
        RelationPlan left = planRelation(join.left());
        RelationPlan right = planRelation(join.right());
        Scope scope = left.scope().join(right.scope());
        if (join.criteria().isEmpty()) {
            return new RelationPlan(new Join(type, left.plan(), right.plan(), Optional.empty(), Optional.empty()), scope);
        }
        return switch (join.criteria().get()) {
            case JoinOn on -> {
                Subqueries subqueries = new Subqueries(context, ctes);
                ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope.withOuter(outer), "JOIN conditions", null, Map.of(), subqueries);
                RowExpression condition = analyzer.analyzeBoolean(on.condition(), "JOIN/ON");
                if (subqueries.isEmpty()) {
                    yield new RelationPlan(new Join(type, left.plan(), right.plan(), Optional.of(condition), Optional.empty()), scope);
                }
                yield new RelationPlan(joinWithSubqueries(type, left.plan(), right.plan(), condition, subqueries.take(), on), scope);
            }
            case JoinUsing using -> {
                List<String> names = new ArrayList<>();
                for (Identifier column : using.columns()) {
                    if (names.contains(column.value())) {
                        throw SemanticErrors.error(ErrorCode.DUPLICATE_COLUMN, "column name \"" + column.value() + "\" appears more than once in USING clause", column);
                    }
                    names.add(column.value());
                }
                yield joinUsing(type, left, right, names, using);
            }
            case NaturalJoin natural -> {
                List<String> names = new ArrayList<>();
                for (Field field : left.scope().fields()) {
                    if (!names.contains(field.name()) && right.scope().fields().stream().anyMatch(f -> f.name().equals(field.name()))) {
                        names.add(field.name());
                    }
                }
                yield joinUsing(type, left, right, names, natural);
            }
        };
    }

    /**
     * JOIN ... USING / NATURAL: equality on the named columns; each appears once (first, unqualified) holding the
     * left value (INNER, LEFT), the right value (RIGHT) or COALESCE of both (FULL); the joined columns stay reachable
     * qualified.
     */
    private RelationPlan joinUsing(JoinType type, RelationPlan left, RelationPlan right, List<String> names, Node node)
    {
        OperatorTyping typing = new OperatorTyping(context.settings().integerDivision(), context.settings().sqliteCompatibility());
        List<RowExpression> conjuncts = new ArrayList<>();
        List<Field> merged = new ArrayList<>();
        List<Field> hidden = new ArrayList<>();
        List<Symbol> coalesced = new ArrayList<>();
        List<RowExpression> coalesceExpressions = new ArrayList<>();
        for (String name : names) {
            Field leftField = usingField(left.scope(), name, "left", node);
            Field rightField = usingField(right.scope(), name, "right", node);
            conjuncts.add(typing.comparison(dev.basalt.planner.expression.Function.EQUAL, leftField.symbol().reference(),
                    rightField.symbol().reference(), "=", node));
            hidden.add(leftField);
            hidden.add(rightField);
            Symbol symbol = switch (type) {
                case RIGHT -> rightField.symbol();
                case FULL -> {
                    DataType common = TypeCoercion.commonSuperType(leftField.symbol().type(), rightField.symbol().type())
                            .orElseThrow(() -> SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "JOIN/USING types "
                                    + leftField.symbol().type().sqlName() + " and " + rightField.symbol().type().sqlName() + " cannot be matched", node));
                    Symbol value = context.symbols().newSymbol(name, common);
                    coalesced.add(value);
                    coalesceExpressions.add(new dev.basalt.planner.expression.Call(dev.basalt.planner.expression.Function.COALESCE,
                            List.of(TypeCoercion.coerce(leftField.symbol().reference(), common), TypeCoercion.coerce(rightField.symbol().reference(), common)), common));
                    yield value;
                }
                default -> leftField.symbol();
            };
            merged.add(new Field(Optional.empty(), name, symbol));
        }
        List<Field> fields = new ArrayList<>(merged);
        for (Field field : left.scope().fields()) {
            if (!names.contains(field.name())) {
                fields.add(field);
            }
        }
        for (Field field : right.scope().fields()) {
            if (!names.contains(field.name())) {
                fields.add(field);
            }
        }
        hidden.addAll(left.scope().hidden());
        hidden.addAll(right.scope().hidden());
        LogicalPlan plan = new Join(type, left.plan(), right.plan(), Expressions.andOptional(conjuncts), Optional.empty());
        if (!coalesced.isEmpty()) {
            List<Symbol> outputs = new ArrayList<>(plan.outputs());
            List<RowExpression> expressions = new ArrayList<>();
            for (Symbol symbol : outputs) {
                expressions.add(symbol.reference());
            }
            outputs.addAll(coalesced);
            expressions.addAll(coalesceExpressions);
            plan = new Project(plan, outputs, expressions);
        }
        return new RelationPlan(plan, new Scope(fields, hidden));
    }

    private static Field usingField(Scope scope, String name, String side, Node node)
    {
        Field found = null;
        for (Field field : scope.fields()) {
            if (field.name().equals(name)) {
                if (found != null) {
                    throw SemanticErrors.error(ErrorCode.AMBIGUOUS_COLUMN, "common column name \"" + name + "\" appears more than once in " + side + " table", node);
                }
                found = field;
            }
        }
        if (found == null) {
            throw SemanticErrors.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" specified in USING clause does not exist in " + side + " table", node);
        }
        return found;
    }

    // ---------------------------------------------------------------- row predicates (index WHERE, CHECK-like)

    /**
     * A boolean predicate over one row of {@code schema}, whose column {@code i} is {@code columns.get(i)}: no
     * parameters (0A000), aggregates (42803), window functions or subqueries (0A000); must be BOOLEAN (42804).
     */
    public RowExpression analyzeRowPredicate(TableSchema schema, List<Symbol> columns, Expression predicate, String clause)
    {
        if (ParameterCounter.count(predicate) > 0) {
            throw SemanticErrors.error(ErrorCode.FEATURE_NOT_SUPPORTED, "parameters are not allowed in " + clause, predicate);
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            fields.add(new Field(Optional.of(schema.name()), schema.column(i).name(), columns.get(i)));
        }
        return new ExpressionAnalyzer(context, new Scope(fields), clause, null, Map.of()).analyzeBoolean(predicate, clause);
    }

    /**
     * A column's DEFAULT expression, cast to the column type as an INSERT value is. The table's columns are in scope
     * only to say clearly that they may not be used: column references, parameters and subqueries are 0A000,
     * aggregates 42803, window functions 42P20, a type that cannot be assigned to the column 42804.
     */
    public RowExpression analyzeColumnDefault(TableSchema schema, int ordinal, Expression expression)
    {
        Column column = schema.column(ordinal);
        if (ParameterCounter.count(expression) > 0) {
            throw SemanticErrors.error(ErrorCode.FEATURE_NOT_SUPPORTED, "parameters are not allowed in DEFAULT expressions", expression);
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            Column field = schema.column(i);
            fields.add(new Field(Optional.of(schema.name()), field.name(), context.symbols().newSymbol(field.name(), field.type())));
        }
        RowExpression value = new ExpressionAnalyzer(context, new Scope(fields), "DEFAULT expressions", null, Map.of()).analyze(expression);
        if (!Expressions.symbolIds(value).isEmpty()) {
            throw SemanticErrors.error(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot use column reference in DEFAULT expression of column \""
                    + column.name() + "\"", expression);
        }
        if (!TypeCoercion.canCast(value.type(), column.type())) {
            throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "column \"" + column.name() + "\" is of type " + column.type().sqlName()
                    + " but default expression is of type " + value.type().sqlName(), expression);
        }
        return OperatorTyping.cast(value, column.type(), false, expression);
    }

    // ---------------------------------------------------------------- DELETE / UPDATE

    /** The rows a DELETE / UPDATE targets: a row-id scan filtered by WHERE, and the table's columns in scope. */
    private record DmlSource(TableSchema schema, LogicalPlan plan, Scope scope, List<Symbol> columns, Symbol rowId) {}

    /** DELETE: a plan producing the row id (BIGINT) of every row to delete. */
    public LogicalPlan analyzeDelete(dev.basalt.parser.tree.Delete delete)
    {
        DmlSource source = dmlSource(delete.table(), delete.alias(), delete.where(), "DELETE");
        return new Output(source.plan(), List.of(source.rowId()), List.of("rowid"));
    }

    /**
     * UPDATE: a plan producing the row id of every row to update followed by the row's new values, every column in
     * table order and of the column's type (SET values cast as INSERT casts them, other columns unchanged).
     */
    public LogicalPlan analyzeUpdate(dev.basalt.parser.tree.Update update)
    {
        DmlSource source = dmlSource(update.table(), update.alias(), update.where(), "UPDATE");
        TableSchema schema = source.schema();
        List<RowExpression> values = new ArrayList<>();
        for (Symbol column : source.columns()) {
            values.add(column.reference());
        }
        Set<Integer> assigned = new HashSet<>();
        Subqueries subqueries = new Subqueries(context, ctes);
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, source.scope().withOuter(outer), "UPDATE ... SET", null, Map.of(), subqueries);
        for (dev.basalt.parser.tree.Assignment assignment : update.assignments()) {
            String name = assignment.column().value();
            OptionalInt index = schema.indexOf(name);
            if (index.isEmpty()) {
                throw SemanticErrors.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + schema.name() + "\" does not exist",
                        assignment.column());
            }
            // the standard forbids assigning a column twice; SQLite ignores all but the rightmost assignment
            if (!assigned.add(index.getAsInt()) && !context.settings().sqliteCompatibility()) {
                throw SemanticErrors.error(ErrorCode.DUPLICATE_COLUMN, "multiple assignments to same column \"" + name + "\"", assignment.column());
            }
            // SET c = DEFAULT: the column's default expression, or NULL
            RowExpression value = assignment.value() instanceof DefaultValue ? columnDefault(schema, index.getAsInt()) : analyzer.analyze(assignment.value());
            Column column = schema.column(index.getAsInt());
            if (!TypeCoercion.canCast(value.type(), column.type())) {
                throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "column \"" + column.name() + "\" is of type " + column.type().sqlName()
                        + " but expression is of type " + value.type().sqlName(), assignment.value());
            }
            values.set(index.getAsInt(), OperatorTyping.cast(value, column.type(), false, assignment.value()));
        }
        // scalar subqueries of SET values are joined in like those of a SELECT list
        LogicalPlan plan = new SubqueryPlanner().apply(source.plan(), subqueries.take(), null);
        List<Symbol> outputs = new ArrayList<>();
        List<RowExpression> expressions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        outputs.add(source.rowId());
        expressions.add(source.rowId().reference());
        names.add("rowid");
        for (int i = 0; i < schema.columnCount(); i++) {
            Column column = schema.column(i);
            outputs.add(context.symbols().newSymbol(column.name(), column.type()));
            expressions.add(values.get(i));
            names.add(column.name());
        }
        return new Output(new Project(plan, outputs, expressions), outputs, names);
    }

    private DmlSource dmlSource(dev.basalt.parser.tree.QualifiedName name, Optional<Identifier> alias, Optional<Expression> where, String statement)
    {
        if (resolveView(name.names()).isPresent()) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "cannot " + statement + " view \"" + name + "\"", name);
        }
        Table table = resolveTable(name.names(), name);
        TableSchema schema = table.schema();
        String relationName = alias.map(Identifier::value).orElse(schema.name());
        TableColumns columns = tableColumns(schema, relationName, schema.columns().stream().map(Column::name).toList());
        List<Symbol> symbols = columns.symbols();
        // the row id is read but not in scope: user SQL cannot name it
        Symbol rowId = context.symbols().newSymbol("$rowid", DataTypes.BIGINT);
        List<Integer> scanOrdinals = new ArrayList<>(columns.ordinals());
        scanOrdinals.add(Scan.ROW_ID);
        List<Symbol> scanSymbols = new ArrayList<>(symbols);
        scanSymbols.add(rowId);
        LogicalPlan plan = new Scan(schema, scanOrdinals, scanSymbols, List.of(), table.statistics());
        Scope scope = new Scope(columns.fields());
        if (where.isPresent()) {
            Subqueries subqueries = new Subqueries(context, ctes);
            ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope.withOuter(outer), "WHERE", null, Map.of(), subqueries);
            RowExpression predicate = analyzer.analyzeBoolean(where.get(), "WHERE");
            List<RowExpression> conjuncts = new ArrayList<>(Expressions.conjuncts(predicate));
            plan = new SubqueryPlanner().apply(plan, subqueries.take(), conjuncts);
            if (!conjuncts.isEmpty()) {
                plan = new Filter(plan, Expressions.and(conjuncts));
            }
        }
        return new DmlSource(schema, plan, scope, symbols, rowId);
    }

    // ---------------------------------------------------------------- INSERT

    /**
     * INSERT: a plan producing exactly the table's columns in table order and with the table's types (assignment
     * casts inserted, columns not listed get their DEFAULT expression, or NULL).
     */
    public LogicalPlan analyzeInsert(Insert insert)
    {
        if (insert.conflictAction() != ConflictAction.ERROR) {
            throw SemanticErrors.notSupported("INSERT OR " + insert.conflictAction(), insert);
        }
        Table table = resolveTable(insert.table().names(), insert.table());
        TableSchema schema = table.schema();
        // DEFAULT VALUES assigns no column: every one gets its default
        List<Integer> targets = insert.defaultValues() ? List.of() : insertTargets(insert, schema);
        List<Symbol> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column column : schema.columns()) {
            outputs.add(context.symbols().newSymbol(column.name(), column.type()));
            names.add(column.name());
        }
        Query query = insert.query();
        List<RowExpression> defaults = insertDefaults(schema, targets);
        LogicalPlan plan;
        if (query.body() instanceof dev.basalt.parser.tree.Values values && query.with().isEmpty() && query.orderBy().isEmpty()
                && query.limit().isEmpty() && query.offset().isEmpty()) {
            // VALUES are converted straight to the column types, without first unifying the rows
            List<List<RowExpression>> rows = new ArrayList<>();
            for (List<RowExpression> row : bindValuesRows(values, targets, schema)) {
                checkInsertWidth(row.size(), targets.size(), values);
                rows.add(tableRow(row, targets, schema, defaults, values));
            }
            plan = new Values(outputs, rows);
        }
        else {
            QueryPlan source = planQuery(query);
            checkInsertWidth(source.outputs().size(), targets.size(), query);
            List<RowExpression> row = new ArrayList<>();
            for (Symbol symbol : source.outputs()) {
                row.add(symbol.reference());
            }
            plan = new Project(source.plan(), outputs, tableRow(row, targets, schema, defaults, query));
        }
        return new Output(plan, outputs, names);
    }

    private static List<Integer> insertTargets(Insert insert, TableSchema schema)
    {
        List<Integer> targets = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int i = 0; i < schema.columnCount(); i++) {
                targets.add(i);
            }
            return targets;
        }
        for (Identifier column : insert.columns()) {
            OptionalInt index = schema.indexOf(column.value());
            if (index.isEmpty()) {
                throw SemanticErrors.error(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.value() + "\" of relation \"" + schema.name()
                        + "\" does not exist", column);
            }
            if (targets.contains(index.getAsInt())) {
                throw SemanticErrors.error(ErrorCode.DUPLICATE_COLUMN, "column \"" + column.value() + "\" specified more than once", column);
            }
            targets.add(index.getAsInt());
        }
        return targets;
    }

    private static void checkInsertWidth(int values, int targets, Node node)
    {
        if (values > targets) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns", node);
        }
        if (values < targets) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "INSERT has more target columns than expressions", node);
        }
    }

    /**
     * What each column not assigned by the INSERT gets, by ordinal (null for assigned columns): its DEFAULT (bound
     * once; immutable, so every row can share it and a volatile one is still evaluated per row) or NULL.
     */
    private List<RowExpression> insertDefaults(TableSchema schema, List<Integer> targets)
    {
        List<RowExpression> defaults = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            Column column = schema.column(i);
            if (targets.contains(i)) {
                defaults.add(null);
            }
            else {
                defaults.add(columnDefault(schema, i));
            }
        }
        return defaults;
    }

    /** Column {@code ordinal}'s DEFAULT bound and of the column type, or a NULL of that type when it has none. */
    private RowExpression columnDefault(TableSchema schema, int ordinal)
    {
        Column column = schema.column(ordinal);
        if (column.defaultExpression().isEmpty()) {
            return new Constant(null, column.type());
        }
        return analyzeColumnDefault(schema, ordinal, new SqlParser().parseExpression(column.defaultExpression().get()));
    }

    /** The values for every table column, in table order: assigned ones cast to the column type, others their default. */
    private static List<RowExpression> tableRow(List<RowExpression> values, List<Integer> targets, TableSchema schema, List<RowExpression> defaults, Node node)
    {
        List<RowExpression> row = new ArrayList<>(defaults);
        for (int i = 0; i < targets.size(); i++) {
            Column column = schema.column(targets.get(i));
            RowExpression value = values.get(i);
            if (!TypeCoercion.canCast(value.type(), column.type())) {
                throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "column \"" + column.name() + "\" is of type " + column.type().sqlName()
                        + " but expression is of type " + value.type().sqlName(), node);
            }
            row.set(targets.get(i), OperatorTyping.cast(value, column.type(), false, node));
        }
        return row;
    }
}
