package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.AllColumns;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.GroupingElement;
import dev.basalt.parser.tree.GroupingExpression;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.JoinOn;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.Node;
import dev.basalt.parser.tree.OrderItem;
import dev.basalt.parser.tree.ParenthesizedQuery;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.QuerySpecification;
import dev.basalt.parser.tree.Relation;
import dev.basalt.parser.tree.SelectItem;
import dev.basalt.parser.tree.SetOperation;
import dev.basalt.parser.tree.SingleColumn;
import dev.basalt.parser.tree.SortOrder;
import dev.basalt.parser.tree.SubqueryRelation;
import dev.basalt.parser.tree.TableFunctionRelation;
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
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
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
 * needed), LIMIT/OFFSET, VALUES and INSERT.
 */
public final class QueryAnalyzer
{
    private final AnalyzerContext context;

    public QueryAnalyzer(AnalyzerContext context)
    {
        this.context = context;
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
            throw SemanticErrors.notSupported("WITH (common table expressions)", query.with().get());
        }
        return switch (query.body()) {
            case QuerySpecification specification -> planSpecification(specification, query);
            case dev.basalt.parser.tree.Values values -> orderAndLimit(planValues(values), query);
            case ParenthesizedQuery parenthesized -> orderAndLimit(planQuery(parenthesized.query()), query);
            case SetOperation setOperation -> throw SemanticErrors.notSupported(setOperation.operator() + " (set operations)", setOperation);
        };
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
        Scope scope = from.scope();

        if (specification.where().isPresent()) {
            ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "WHERE", null, Map.of());
            plan = new Filter(plan, analyzer.analyzeBoolean(specification.where().get(), "WHERE"));
        }
        if (!specification.windows().isEmpty()) {
            throw SemanticErrors.notSupported("WINDOW clauses", specification.windows().getFirst());
        }

        AggregateCollector aggregates = new AggregateCollector(context.symbols());
        List<SelectColumn> columns = selectColumns(specification, scope, aggregates);
        Map<String, RowExpression> aliases = new HashMap<>();
        for (SelectColumn column : columns) {
            if (column.explicitAlias()) {
                aliases.putIfAbsent(column.name(), column.expression());
            }
        }

        List<RowExpression> groupKeys = groupKeys(specification, scope, columns, aggregates);
        Optional<RowExpression> having = specification.having().map(expression ->
                new ExpressionAnalyzer(context, scope, "HAVING", aggregates, aliases).analyzeBoolean(expression, "HAVING"));
        List<SortItem> sortItems = sortItems(query.orderBy(), columns, scope, aggregates, aliases);

        boolean aggregated = specification.groupBy().isPresent() || !aggregates.isEmpty() || having.isPresent();
        if (aggregated) {
            GroupedPlan grouped = planAggregation(plan, groupKeys, aggregates, scope);
            plan = grouped.plan();
            List<SelectColumn> rewritten = new ArrayList<>();
            for (SelectColumn column : columns) {
                rewritten.add(new SelectColumn(grouped.rewrite(column.expression(), "SELECT"), column.name(), column.explicitAlias()));
            }
            columns = rewritten;
            if (having.isPresent()) {
                plan = new Filter(plan, grouped.rewrite(having.get(), "HAVING"));
            }
            List<SortItem> rewrittenSort = new ArrayList<>();
            for (SortItem item : sortItems) {
                rewrittenSort.add(item.expression() == null ? item
                        : new SortItem(-1, grouped.rewrite(item.expression(), "ORDER BY"), item.ascending(), item.nullsFirst()));
            }
            sortItems = rewrittenSort;
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
        plan = new Project(plan, projected, expressions);

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

    private List<SelectColumn> selectColumns(QuerySpecification specification, Scope scope, AggregateCollector aggregates)
    {
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "SELECT", aggregates, Map.of());
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

    private List<RowExpression> groupKeys(QuerySpecification specification, Scope scope, List<SelectColumn> columns, AggregateCollector aggregates)
    {
        List<RowExpression> keys = new ArrayList<>();
        if (specification.groupBy().isEmpty()) {
            return keys;
        }
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "GROUP BY", null, Map.of());
        Set<Integer> aggregateIds = new HashSet<>();
        for (AggregateCollector.Entry entry : aggregates.entries()) {
            aggregateIds.add(entry.output().id());
        }
        for (GroupingElement element : specification.groupBy().get().elements()) {
            if (!(element instanceof GroupingExpression grouping)) {
                throw SemanticErrors.notSupported("GROUPING SETS, ROLLUP and CUBE", element);
            }
            Expression expression = grouping.expression();
            RowExpression key;
            if (expression instanceof LongLiteral ordinal) {
                if (ordinal.value() < 1 || ordinal.value() > columns.size()) {
                    throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "GROUP BY position " + ordinal.value() + " is not in select list", ordinal);
                }
                key = columns.get((int) ordinal.value() - 1).expression();
                requireNoAggregates(key, aggregateIds, ordinal);
            }
            else if (expression instanceof ColumnReference reference && reference.name().parts().size() == 1
                    && scope.resolve(reference.name(), reference).isEmpty() && selectColumnNamed(columns, reference.name().suffix()) >= 0) {
                // GROUP BY an output name, when no input column has that name (PostgreSQL)
                key = columns.get(selectColumnNamed(columns, reference.name().suffix())).expression();
                requireNoAggregates(key, aggregateIds, reference);
            }
            else {
                key = analyzer.analyze(expression);
            }
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
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
            Map<String, RowExpression> aliases)
    {
        List<SortItem> items = new ArrayList<>();
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "ORDER BY", aggregates, aliases);
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

    // ---------------------------------------------------------------- aggregation

    /** The Aggregate node and the rewrite of post-aggregation expressions onto its outputs. */
    private record GroupedPlan(LogicalPlan plan, List<RowExpression> keys, List<Symbol> keySymbols, Set<Integer> allowed, Map<Integer, String> names)
    {
        /** Replaces grouped expressions by key references; any other column left is a 42803. */
        RowExpression rewrite(RowExpression expression, String clause)
        {
            RowExpression rewritten = Expressions.rewrite(expression, node -> {
                int index = keys.indexOf(node);
                return index >= 0 && !(node instanceof Constant) ? keySymbols.get(index).reference() : null;
            });
            for (Integer id : Expressions.symbolIds(rewritten)) {
                if (!allowed.contains(id)) {
                    throw new BasaltException(ErrorCode.GROUPING_ERROR, "column \"" + names.getOrDefault(id, "?")
                            + "\" must appear in the GROUP BY clause or be used in an aggregate function (in " + clause + ")");
                }
            }
            return rewritten;
        }
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
            aggregations.add(new Aggregation(entry.output(), entry.function(), arguments, entry.distinct()));
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
        OperatorTyping typing = new OperatorTyping(context.settings().integerDivision());
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
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, Scope.empty(), "VALUES", null, Map.of());
        List<List<RowExpression>> rows = new ArrayList<>();
        int width = -1;
        for (List<Expression> row : values.rows()) {
            if (width >= 0 && row.size() != width) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "VALUES lists must all be the same length", values);
            }
            width = row.size();
            List<RowExpression> bound = new ArrayList<>();
            for (Expression expression : row) {
                bound.add(analyzer.analyze(expression));
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
                QueryPlan query = planQuery(subquery.query());
                Optional<String> alias = subquery.alias().map(Identifier::value);
                List<String> names = renamed(query.names(), subquery.columnAliases(), alias.orElse("subquery"), subquery);
                List<Field> fields = new ArrayList<>();
                for (int i = 0; i < query.outputs().size(); i++) {
                    fields.add(new Field(alias, names.get(i), query.outputs().get(i)));
                }
                yield new RelationPlan(query.plan(), new Scope(fields));
            }
            case TableFunctionRelation function -> throw SemanticErrors.notSupported("table functions", function);
            case dev.basalt.parser.tree.Join join -> planJoin(join);
        };
    }

    private RelationPlan planTable(dev.basalt.parser.tree.Table reference)
    {
        Table table = resolveTable(reference.name().names(), reference);
        TableSchema schema = table.schema();
        String relationName = reference.alias().map(Identifier::value).orElse(schema.name());
        List<String> names = renamed(schema.columns().stream().map(Column::name).toList(), reference.columnAliases(), relationName, reference);
        List<Integer> ordinals = new ArrayList<>();
        List<Symbol> symbols = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            Symbol symbol = context.symbols().newSymbol(schema.column(i).name(), schema.column(i).type());
            ordinals.add(i);
            symbols.add(symbol);
            fields.add(new Field(Optional.of(relationName), names.get(i), symbol));
        }
        Scan scan = new Scan(schema, ordinals, symbols, List.of(), table.statistics());
        return new RelationPlan(scan, new Scope(fields));
    }

    private Table resolveTable(List<String> parts, Node node)
    {
        String name = parts.getLast();
        boolean knownSchema = parts.size() == 1 || (parts.size() == 2 && (parts.getFirst().equals("main") || parts.getFirst().equals("public")));
        Optional<Table> table = knownSchema ? context.catalog().getTable(name) : Optional.empty();
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

    private RelationPlan planJoin(dev.basalt.parser.tree.Join join)
    {
        switch (join.type()) {
            case LEFT, RIGHT, FULL -> throw SemanticErrors.notSupported(join.type() + " OUTER JOIN", join);
            case INNER, CROSS -> { }
        }
        RelationPlan left = planRelation(join.left());
        RelationPlan right = planRelation(join.right());
        Scope scope = left.scope().join(right.scope());
        Optional<RowExpression> condition = Optional.empty();
        if (join.criteria().isPresent()) {
            if (!(join.criteria().get() instanceof JoinOn on)) {
                throw SemanticErrors.notSupported("JOIN ... USING and NATURAL JOIN", join.criteria().get());
            }
            ExpressionAnalyzer analyzer = new ExpressionAnalyzer(context, scope, "JOIN conditions", null, Map.of());
            condition = Optional.of(analyzer.analyzeBoolean(on.condition(), "JOIN/ON"));
        }
        return new RelationPlan(Join.inner(left.plan(), right.plan(), condition), scope);
    }

    // ---------------------------------------------------------------- INSERT

    /**
     * INSERT: a plan producing exactly the table's columns in table order and with the table's types (assignment
     * casts inserted, columns not listed are NULL).
     */
    public LogicalPlan analyzeInsert(Insert insert)
    {
        if (insert.conflictAction() != ConflictAction.ERROR) {
            throw SemanticErrors.notSupported("INSERT OR " + insert.conflictAction(), insert);
        }
        Table table = resolveTable(insert.table().names(), insert.table());
        TableSchema schema = table.schema();
        List<Integer> targets = insertTargets(insert, schema);
        List<Symbol> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column column : schema.columns()) {
            outputs.add(context.symbols().newSymbol(column.name(), column.type()));
            names.add(column.name());
        }
        Query query = insert.query();
        LogicalPlan plan;
        if (query.body() instanceof dev.basalt.parser.tree.Values values && query.with().isEmpty() && query.orderBy().isEmpty()
                && query.limit().isEmpty() && query.offset().isEmpty()) {
            // VALUES are converted straight to the column types, without first unifying the rows
            List<List<RowExpression>> rows = new ArrayList<>();
            for (List<RowExpression> row : bindValuesRows(values)) {
                checkInsertWidth(row.size(), targets.size(), values);
                rows.add(tableRow(row, targets, schema, values));
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
            plan = new Project(source.plan(), outputs, tableRow(row, targets, schema, query));
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

    /** The values for every table column, in table order: assigned ones cast to the column type, others NULL. */
    private static List<RowExpression> tableRow(List<RowExpression> values, List<Integer> targets, TableSchema schema, Node node)
    {
        List<RowExpression> row = new ArrayList<>();
        for (int i = 0; i < schema.columnCount(); i++) {
            row.add(new Constant(null, schema.column(i).type()));
        }
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
