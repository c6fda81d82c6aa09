package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.ArithmeticBinary;
import dev.basalt.parser.tree.ArithmeticUnary;
import dev.basalt.parser.tree.Between;
import dev.basalt.parser.tree.BinaryLiteral;
import dev.basalt.parser.tree.BooleanLiteral;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.Comparison;
import dev.basalt.parser.tree.ComparisonOperator;
import dev.basalt.parser.tree.Concat;
import dev.basalt.parser.tree.DateLiteral;
import dev.basalt.parser.tree.DecimalLiteral;
import dev.basalt.parser.tree.DefaultValue;
import dev.basalt.parser.tree.DoubleLiteral;
import dev.basalt.parser.tree.Exists;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Extract;
import dev.basalt.parser.tree.FunctionCall;
import dev.basalt.parser.tree.InList;
import dev.basalt.parser.tree.InSubquery;
import dev.basalt.parser.tree.IntervalLiteral;
import dev.basalt.parser.tree.IntervalLiterals;
import dev.basalt.parser.tree.IsNotNull;
import dev.basalt.parser.tree.IsNull;
import dev.basalt.parser.tree.Like;
import dev.basalt.parser.tree.Literal;
import dev.basalt.parser.tree.Logical;
import dev.basalt.parser.tree.LogicalOperator;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.Node;
import dev.basalt.parser.tree.Not;
import dev.basalt.parser.tree.NullLiteral;
import dev.basalt.parser.tree.Parameter;
import dev.basalt.parser.tree.Position;
import dev.basalt.parser.tree.QuantifiedComparison;
import dev.basalt.parser.tree.ScalarSubquery;
import dev.basalt.parser.tree.SearchedCase;
import dev.basalt.parser.tree.Sign;
import dev.basalt.parser.tree.SimpleCase;
import dev.basalt.parser.tree.StringLiteral;
import dev.basalt.parser.tree.Substring;
import dev.basalt.parser.tree.TimestampLiteral;
import dev.basalt.parser.tree.Trim;
import dev.basalt.parser.tree.WhenClause;
import dev.basalt.planner.evaluate.DateTimeParser;
import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFunction;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.parser.tree.OrderItem;
import dev.basalt.parser.tree.WindowSpecification;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import static dev.basalt.planner.analyzer.ArgumentCoercion.requireArguments;
import static dev.basalt.planner.analyzer.ArgumentCoercion.undefinedFunction;

/**
 * Binds one AST expression to a typed {@link RowExpression} over the symbols of a {@link Scope}: resolves names,
 * types every operator and inserts implicit casts (see {@link OperatorTyping}). Aggregate calls are allowed only
 * when an {@link AggregateCollector} is given; each becomes a reference to the aggregate's output symbol.
 */
final class ExpressionAnalyzer
{
    private final AnalyzerContext context;
    private final Scope scope;
    private final String clause;
    private final AggregateCollector aggregates;
    private final Map<String, RowExpression> aliases;
    private final boolean insideAggregate;
    private final OperatorTyping typing;
    // where subqueries go, or null when they are not allowed here
    private final Subqueries subqueries;
    // where window function calls go, or null when they are not allowed here
    private final WindowCollector windows;
    // HAVING (DuckDB): columns that are not grouped; a bare name of one of them binds to a SELECT alias if there is one
    private Set<Integer> ungroupedColumns = Set.of();
    // in a subquery: the enclosing query's aggregates, where an aggregate of only its columns belongs (SQL standard)
    private AggregateCollector outerAggregates;
    // binds an aggregate call of the enclosing query (for that query's collector)
    private boolean enclosingAggregate;

    /**
     * @param clause where the expression is, for error messages ("WHERE", "JOIN conditions", ...)
     * @param aggregates where aggregate calls go, or null when aggregates are not allowed here
     * @param aliases SELECT aliases usable where a name does not resolve in the scope (ORDER BY, HAVING), or empty
     */
    ExpressionAnalyzer(AnalyzerContext context, Scope scope, String clause, AggregateCollector aggregates, Map<String, RowExpression> aliases)
    {
        this(context, scope, clause, aggregates, aliases, false, null, null);
    }

    ExpressionAnalyzer(AnalyzerContext context, Scope scope, String clause, AggregateCollector aggregates, Map<String, RowExpression> aliases,
            Subqueries subqueries)
    {
        this(context, scope, clause, aggregates, aliases, false, subqueries, null);
    }

    ExpressionAnalyzer(AnalyzerContext context, Scope scope, String clause, AggregateCollector aggregates, Map<String, RowExpression> aliases,
            Subqueries subqueries, WindowCollector windows)
    {
        this(context, scope, clause, aggregates, aliases, false, subqueries, windows);
    }

    private ExpressionAnalyzer(AnalyzerContext context, Scope scope, String clause, AggregateCollector aggregates,
            Map<String, RowExpression> aliases, boolean insideAggregate, Subqueries subqueries, WindowCollector windows)
    {
        this.subqueries = subqueries;
        this.windows = windows;
        this.context = context;
        this.scope = scope;
        this.clause = clause;
        this.aggregates = aggregates;
        this.aliases = aliases;
        this.insideAggregate = insideAggregate;
        this.typing = new OperatorTyping(context.settings().integerDivision(), context.settings().sqliteCompatibility());
    }

    /**
     * DuckDB's HAVING rule: a bare name that resolves to a column in {@code ungrouped} (a FROM column that is not a
     * GROUP BY key) binds to the SELECT alias of that name instead, if there is one. Outside aggregate arguments
     * such a column could only be a grouping error, so no valid query changes meaning.
     */
    /** An aggregate call whose arguments read only the enclosing query's columns goes to {@code collector} (may be null). */
    ExpressionAnalyzer outerAggregates(AggregateCollector collector)
    {
        this.outerAggregates = collector;
        return this;
    }

    ExpressionAnalyzer preferAliasesOver(Set<Integer> ungrouped)
    {
        this.ungroupedColumns = Set.copyOf(ungrouped);
        return this;
    }

    OperatorTyping typing()
    {
        return typing;
    }

    RowExpression analyzeBoolean(Expression expression, String context)
    {
        return typing.toBoolean(analyze(expression), context, expression);
    }

    RowExpression analyze(Expression expression)
    {
        return foldConstant(bind(expression));
    }

    /**
     * A node whose operands are all constants is computed now (when that cannot fail), so operators above see a
     * constant: {@code l_quantity < 1 + 10} compares with the DECIMAL 11.00 and a date minus an interval is a
     * DATE constant a zone map can use.
     */
    private static RowExpression foldConstant(RowExpression expression)
    {
        if (expression instanceof Constant || expression instanceof dev.basalt.planner.expression.InputReference) {
            return expression;
        }
        for (RowExpression child : Expressions.children(expression)) {
            if (!(child instanceof Constant)) {
                return expression;
            }
        }
        return ExpressionSimplifier.simplify(expression);
    }

    private RowExpression bind(Expression expression)
    {
        return switch (expression) {
            case Literal literal -> literal(literal);
            case ColumnReference reference -> columnReference(reference);
            case Parameter parameter -> parameter(parameter);
            case ArithmeticBinary binary -> typing.arithmetic(binary.operator(), analyze(binary.left()), analyze(binary.right()), binary);
            case ArithmeticUnary unary -> unary(unary);
            case Comparison comparison -> typing.comparison(comparisonFunction(comparison.operator()), analyze(comparison.left()),
                    analyze(comparison.right()), comparison.operator().symbol(), comparison);
            case Logical logical -> {
                String name = logical.operator().name();
                RowExpression left = analyzeBoolean(logical.left(), name);
                RowExpression right = analyzeBoolean(logical.right(), name);
                Function function = logical.operator() == LogicalOperator.AND ? Function.AND : Function.OR;
                List<RowExpression> operands = new ArrayList<>();
                flatten(function, left, operands);
                flatten(function, right, operands);
                yield new Call(function, operands, BooleanType.BOOLEAN);
            }
            case Not not -> Expressions.booleanCall(Function.NOT, analyzeBoolean(not.value(), "NOT"));
            case IsNull isNull -> Expressions.booleanCall(Function.IS_NULL, analyze(isNull.value()));
            case IsNotNull isNotNull -> Expressions.booleanCall(Function.IS_NOT_NULL, analyze(isNotNull.value()));
            case Between between -> between(between);
            case InList inList -> inList(inList);
            case InSubquery inSubquery -> {
                RowExpression mark = subqueries(inSubquery).any(analyze(inSubquery.value()), Function.EQUAL, "=", inSubquery.subquery(), scope, typing, inSubquery);
                yield inSubquery.negated() ? Expressions.booleanCall(Function.NOT, mark) : mark;
            }
            case Exists exists -> subqueries(exists).exists(exists.subquery(), scope, exists);
            case ScalarSubquery subquery -> subqueries(subquery).scalar(subquery.query(), scope, subquery);
            case QuantifiedComparison quantified -> quantified(quantified);
            case Like like -> like(like);
            case Concat concat -> concat(concat);
            case SimpleCase simpleCase -> simpleCase(simpleCase);
            case SearchedCase searchedCase -> searchedCase(searchedCase);
            case dev.basalt.parser.tree.Cast cast -> cast(cast);
            case Extract extract -> datePart(extract.field(), analyze(extract.value()), extract);
            case FunctionCall call -> functionCall(call);
            case Substring substring -> substring(analyze(substring.value()), analyze(substring.start()),
                    substring.length().map(this::analyze), substring);
            case Position position -> new Call(Function.STRPOS, List.of(stringArgument(analyze(position.haystack()), Function.STRPOS, position),
                    stringArgument(analyze(position.needle()), Function.STRPOS, position)), DataTypes.BIGINT);
            case Trim trim -> trim(trim);
            case DefaultValue defaultValue -> throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR,
                    "DEFAULT is only allowed as a value of INSERT ... VALUES", defaultValue);
        };
    }

    // ---------------------------------------------------------------- literals, names, parameters

    private Subqueries subqueries(Node node)
    {
        if (subqueries == null) {
            throw SemanticErrors.notSupported("subqueries in " + (insideAggregate ? "these arguments" : clause), node);
        }
        return insideAggregate ? subqueries : subqueries.withAggregates(aggregates);
    }

    /** {@code x op ANY (s)} is a mark join on {@code x op s}; {@code x op ALL (s)} is {@code NOT (x negated-op ANY (s))}. */
    private RowExpression quantified(QuantifiedComparison quantified)
    {
        Function function = comparisonFunction(quantified.operator());
        if (function == Function.IS_DISTINCT_FROM || function == Function.IS_NOT_DISTINCT_FROM) {
            throw SemanticErrors.notSupported("IS [NOT] DISTINCT FROM with ANY/ALL", quantified);
        }
        RowExpression value = analyze(quantified.value());
        if (quantified.quantifier() == dev.basalt.parser.tree.Quantifier.ANY) {
            return subqueries(quantified).any(value, function, function.name(), quantified.subquery(), scope, typing, quantified);
        }
        Function negated = switch (function) {
            case EQUAL -> Function.NOT_EQUAL;
            case NOT_EQUAL -> Function.EQUAL;
            case LESS_THAN -> Function.GREATER_THAN_OR_EQUAL;
            case LESS_THAN_OR_EQUAL -> Function.GREATER_THAN;
            case GREATER_THAN -> Function.LESS_THAN_OR_EQUAL;
            case GREATER_THAN_OR_EQUAL -> Function.LESS_THAN;
            default -> throw new IllegalStateException("not a comparison: " + function);
        };
        RowExpression mark = subqueries(quantified).any(value, negated, negated.name(), quantified.subquery(), scope, typing, quantified);
        return Expressions.booleanCall(Function.NOT, mark);
    }

    private RowExpression literal(Literal literal)
    {
        try {
            return switch (literal) {
                case LongLiteral l -> integerConstant(l.value());
                case DecimalLiteral d -> decimalConstant(d.value());
                case DoubleLiteral d -> new Constant(d.value(), DataTypes.DOUBLE);
                case StringLiteral s -> new Constant(s.value(), DataTypes.VARCHAR);
                case BinaryLiteral b -> new Constant(b.bytes(), DataTypes.BLOB);
                case BooleanLiteral b -> new Constant(b.value(), DataTypes.BOOLEAN);
                case NullLiteral n -> new Constant(null, DataTypes.NULL);
                case DateLiteral d -> new Constant(DateTimeParser.parseDate(d.value()), DataTypes.DATE);
                case TimestampLiteral t -> new Constant(DateTimeParser.parseTimestamp(t.value()), DataTypes.TIMESTAMP);
                case IntervalLiteral i -> new Constant(IntervalLiterals.toInterval(i), DataTypes.INTERVAL);
            };
        }
        catch (BasaltException e) {
            throw SemanticErrors.at(e, literal);
        }
    }

    /** Integer literals are INTEGER when they fit, else BIGINT. */
    static Constant integerConstant(long value)
    {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return new Constant((int) value, DataTypes.INTEGER);
        }
        return new Constant(value, DataTypes.BIGINT);
    }

    /** Exact DECIMAL(p,s) of the literal; integral values beyond BIGINT are DECIMAL(p,0); over 38 digits DOUBLE. */
    static Constant decimalConstant(BigDecimal value)
    {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        if (normalized.scale() == 0 && normalized.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return integerConstant(normalized.longValueExact());
        }
        DataType type = TypeCoercion.decimalLiteralType(normalized);
        if (type instanceof DecimalType decimal) {
            return new Constant(normalized.setScale(decimal.scale()), type);
        }
        return new Constant(normalized.doubleValue(), DataTypes.DOUBLE);
    }

    private RowExpression columnReference(ColumnReference reference)
    {
        Optional<Field> field = scope.resolve(reference.name(), reference);
        if (field.isPresent()) {
            if (!insideAggregate && reference.name().parts().size() == 1 && ungroupedColumns.contains(field.get().symbol().id())
                    && aliases.containsKey(reference.name().suffix())) {
                return aliases.get(reference.name().suffix());
            }
            return field.get().symbol().reference();
        }
        if (reference.name().parts().size() == 1 && aliases.containsKey(reference.name().suffix())) {
            return aliases.get(reference.name().suffix());
        }
        String name = reference.name().parts().size() == 1 ? "\"" + reference.name() + "\"" : reference.name().toString();
        throw SemanticErrors.error(ErrorCode.UNDEFINED_COLUMN, "column " + name + " does not exist", reference);
    }

    private RowExpression parameter(Parameter parameter)
    {
        List<Object> values = context.parameters();
        if (parameter.position() < 1 || parameter.position() > values.size()) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "no value for parameter $" + parameter.position()
                    + " (" + values.size() + " given)", parameter);
        }
        try {
            return ParameterValues.toConstant(values.get(parameter.position() - 1));
        }
        catch (BasaltException e) {
            throw SemanticErrors.at(e, parameter);
        }
    }

    // ---------------------------------------------------------------- operators

    private RowExpression unary(ArithmeticUnary unary)
    {
        if (unary.sign() == Sign.PLUS) {
            RowExpression value = analyze(unary.value());
            if (!value.type().isNumeric() && !(value.type() instanceof NullType)) {
                throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: + " + value.type().sqlName(), unary);
            }
            return value;
        }
        // a negative literal is a literal, so -2147483648 is an INTEGER
        switch (unary.value()) {
            case LongLiteral l:
                return integerConstant(-l.value());
            case DecimalLiteral d:
                return decimalConstant(d.value().negate());
            case DoubleLiteral d:
                return new Constant(-d.value(), DataTypes.DOUBLE);
            default:
                return typing.negate(analyze(unary.value()), unary);
        }
    }

    private static Function comparisonFunction(ComparisonOperator operator)
    {
        return switch (operator) {
            case EQUAL -> Function.EQUAL;
            case NOT_EQUAL -> Function.NOT_EQUAL;
            case LESS_THAN -> Function.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> Function.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> Function.GREATER_THAN_OR_EQUAL;
            case IS_DISTINCT_FROM -> Function.IS_DISTINCT_FROM;
            case IS_NOT_DISTINCT_FROM -> Function.IS_NOT_DISTINCT_FROM;
        };
    }

    private static void flatten(Function function, RowExpression expression, List<RowExpression> operands)
    {
        if (expression instanceof Call call && call.function() == function) {
            operands.addAll(call.arguments());
        }
        else {
            operands.add(expression);
        }
    }

    private RowExpression between(Between between)
    {
        RowExpression value = analyze(between.value());
        RowExpression min = analyze(between.min());
        RowExpression max = analyze(between.max());
        if (between.negated()) {
            return new Call(Function.OR, List.of(
                    typing.comparison(Function.LESS_THAN, value, min, "NOT BETWEEN", between),
                    typing.comparison(Function.GREATER_THAN, value, max, "NOT BETWEEN", between)), BooleanType.BOOLEAN);
        }
        return new Call(Function.AND, List.of(
                typing.comparison(Function.GREATER_THAN_OR_EQUAL, value, min, "BETWEEN", between),
                typing.comparison(Function.LESS_THAN_OR_EQUAL, value, max, "BETWEEN", between)), BooleanType.BOOLEAN);
    }

    private RowExpression inList(InList inList)
    {
        RowExpression value = analyze(inList.value());
        if (inList.list().isEmpty()) {
            // SQLite: x IN () is false, even for NULL x
            return inList.negated() ? Expressions.TRUE : Expressions.FALSE;
        }
        List<RowExpression> elements = new ArrayList<>();
        for (Expression element : inList.list()) {
            elements.add(analyze(element));
        }
        RowExpression result;
        if (elements.size() == 1) {
            result = typing.comparison(Function.EQUAL, value, elements.getFirst(), "IN", inList);
        }
        else if (mixesBlob(value, elements)) {
            // no common type: each element is compared on its own (42883, or SQLite's storage-class order)
            List<RowExpression> equalities = new ArrayList<>();
            for (RowExpression element : elements) {
                equalities.add(typing.comparison(Function.EQUAL, value, element, "IN", inList));
            }
            result = new Call(Function.OR, equalities, BooleanType.BOOLEAN);
        }
        else {
            List<RowExpression> all = new ArrayList<>();
            all.add(value);
            all.addAll(elements);
            DataType type = typing.unify(all, "IN", inList);
            if (type instanceof NullType) {
                return new Constant(null, DataTypes.BOOLEAN);
            }
            List<RowExpression> coerced = typing.coerceAll(all, type, "IN", inList);
            result = new InListExpression(coerced.getFirst(), coerced.subList(1, coerced.size()));
        }
        return inList.negated() ? Expressions.booleanCall(Function.NOT, result) : result;
    }

    private static boolean mixesBlob(RowExpression value, List<RowExpression> elements)
    {
        for (RowExpression element : elements) {
            if (OperatorTyping.mixesBlob(value.type(), element.type())) {
                return true;
            }
            for (RowExpression other : elements) {
                if (OperatorTyping.mixesBlob(element.type(), other.type())) {
                    return true;
                }
            }
        }
        return false;
    }

    private RowExpression like(Like like)
    {
        RowExpression value = stringOperand(analyze(like.value()), "LIKE", like);
        RowExpression pattern = stringOperand(analyze(like.pattern()), "LIKE", like);
        Optional<RowExpression> escape = like.escape().map(e -> stringOperand(analyze(e), "ESCAPE", like));
        RowExpression result = new LikeExpression(value, pattern, escape, like.caseInsensitive());
        return like.negated() ? Expressions.booleanCall(Function.NOT, result) : result;
    }

    private static RowExpression stringOperand(RowExpression expression, String operator, Node node)
    {
        if (expression.type() instanceof VarcharType) {
            return expression;
        }
        if (expression.type() instanceof NullType) {
            return TypeCoercion.coerce(expression, DataTypes.VARCHAR);
        }
        throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "operator does not exist: " + expression.type().sqlName() + " " + operator + " VARCHAR", node);
    }

    private RowExpression concat(Concat concat)
    {
        RowExpression left = analyze(concat.left());
        RowExpression right = analyze(concat.right());
        if (left.type() instanceof BlobType && (right.type() instanceof BlobType || right.type() instanceof NullType)
                || left.type() instanceof NullType && right.type() instanceof BlobType) {
            // BLOB || BLOB is the bytes of both (DuckDB); with text the BLOB is printed instead
            List<RowExpression> blobs = new ArrayList<>();
            flatten(Function.CONCAT, TypeCoercion.coerce(left, DataTypes.BLOB), blobs);
            flatten(Function.CONCAT, TypeCoercion.coerce(right, DataTypes.BLOB), blobs);
            return new Call(Function.CONCAT, blobs, DataTypes.BLOB);
        }
        List<RowExpression> operands = new ArrayList<>();
        for (RowExpression operand : List.of(left, right)) {
            RowExpression text = operand.type() instanceof VarcharType ? operand : TypeCoercion.coerce(operand, DataTypes.VARCHAR);
            flatten(Function.CONCAT, text, operands);
        }
        return new Call(Function.CONCAT, operands, DataTypes.VARCHAR);
    }

    private RowExpression simpleCase(SimpleCase simpleCase)
    {
        RowExpression operand = analyze(simpleCase.operand());
        List<RowExpression> conditions = new ArrayList<>();
        for (WhenClause clause : simpleCase.whenClauses()) {
            conditions.add(typing.comparison(Function.EQUAL, operand, analyze(clause.operand()), "CASE/WHEN", clause));
        }
        return caseExpression(conditions, simpleCase.whenClauses(), simpleCase.defaultValue(), simpleCase);
    }

    private RowExpression searchedCase(SearchedCase searchedCase)
    {
        List<RowExpression> conditions = new ArrayList<>();
        for (WhenClause clause : searchedCase.whenClauses()) {
            conditions.add(analyzeBoolean(clause.operand(), "CASE/WHEN"));
        }
        return caseExpression(conditions, searchedCase.whenClauses(), searchedCase.defaultValue(), searchedCase);
    }

    private RowExpression caseExpression(List<RowExpression> conditions, List<WhenClause> clauses, Optional<Expression> defaultValue, Node node)
    {
        List<RowExpression> results = new ArrayList<>();
        for (WhenClause clause : clauses) {
            results.add(analyze(clause.result()));
        }
        RowExpression elseValue = defaultValue.map(this::analyze).orElse(new Constant(null, DataTypes.NULL));
        List<RowExpression> all = new ArrayList<>(results);
        all.add(elseValue);
        DataType type = nonNull(typing.unify(all, "CASE", node));
        List<RowExpression> coerced = typing.coerceAll(all, type, "CASE", node);
        List<CaseExpression.WhenClause> whenClauses = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            whenClauses.add(new CaseExpression.WhenClause(conditions.get(i), coerced.get(i)));
        }
        return new CaseExpression(whenClauses, coerced.getLast(), type);
    }

    /** An all-NULL CASE/COALESCE gets a concrete type, as in DuckDB (whose NULL literal defaults to INTEGER). */
    private static DataType nonNull(DataType type)
    {
        return type instanceof NullType ? DataTypes.INTEGER : type;
    }

    private RowExpression cast(dev.basalt.parser.tree.Cast cast)
    {
        DataType type;
        try {
            type = cast.type().toDataType();
        }
        catch (BasaltException e) {
            throw SemanticErrors.at(e, cast);
        }
        return OperatorTyping.cast(analyze(cast.value()), type, cast.safe(), cast);
    }

    private RowExpression trim(Trim trim)
    {
        Function function = switch (trim.specification()) {
            case BOTH -> Function.TRIM;
            case LEADING -> Function.LTRIM;
            case TRAILING -> Function.RTRIM;
        };
        List<RowExpression> arguments = new ArrayList<>();
        arguments.add(stringArgument(analyze(trim.value()), function, trim));
        trim.characters().ifPresent(characters -> arguments.add(stringArgument(analyze(characters), function, trim)));
        return new Call(function, arguments, DataTypes.VARCHAR);
    }

    private RowExpression substring(RowExpression value, RowExpression start, Optional<RowExpression> length, Node node)
    {
        List<RowExpression> arguments = new ArrayList<>();
        arguments.add(stringArgument(value, Function.SUBSTRING, node));
        arguments.add(integerArgument(start, "substring", node));
        length.ifPresent(l -> arguments.add(integerArgument(l, "substring", node)));
        return new Call(Function.SUBSTRING, arguments, DataTypes.VARCHAR);
    }

    // ---------------------------------------------------------------- function calls

    private RowExpression functionCall(FunctionCall call)
    {
        String name = call.name().suffix().toLowerCase(Locale.ROOT);
        if (call.window().isPresent()) {
            return windowCall(name, call);
        }
        if (name.equals("grouping") && !call.star() && !call.distinct() && call.filter().isEmpty() && call.orderBy().isEmpty()) {
            if (aggregates == null || insideAggregate) {
                throw SemanticErrors.error(ErrorCode.GROUPING_ERROR, "grouping operations are not allowed in " + clause, call);
            }
            if (call.arguments().isEmpty() || call.arguments().size() > 31) {
                throw undefinedFunction("grouping", List.of(), call);
            }
            ExpressionAnalyzer argumentAnalyzer = new ExpressionAnalyzer(context, scope, clause, null, Map.of(), true, null, null);
            List<RowExpression> arguments = new ArrayList<>();
            for (Expression argument : call.arguments()) {
                arguments.add(argumentAnalyzer.analyze(argument));
            }
            return aggregates.addGrouping(arguments).reference();
        }
        AggregateFunction aggregate = switch (name) {
            case "count" -> call.star() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case "sum" -> AggregateFunction.SUM;
            case "avg", "mean" -> AggregateFunction.AVG;
            case "min" -> AggregateFunction.MIN;
            case "max" -> AggregateFunction.MAX;
            default -> null;
        };
        if (aggregate != null || AggregateBinder.NAMES.contains(name)) {
            return aggregateCall(aggregate, name, call);
        }
        if (call.filter().isPresent() || !call.orderBy().isEmpty()) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "FILTER or ORDER BY specified, but " + name + " is not an aggregate function", call);
        }
        if (call.star()) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, name + "(*) is only valid for count", call);
        }
        if (call.distinct()) {
            throw SemanticErrors.error(ErrorCode.WRONG_OBJECT_TYPE, "DISTINCT specified, but " + name + " is not an aggregate function", call);
        }
        List<RowExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(analyze(argument));
        }
        return scalarFunction(name, arguments, call);
    }

    /** An aggregate call; {@code function} is null for the ones {@link AggregateBinder} binds. */
    private RowExpression aggregateCall(AggregateFunction function, String functionName, FunctionCall call)
    {
        if (!insideAggregate && !enclosingAggregate && readsOnlyEnclosingColumns(call)) {
            if (outerAggregates == null) {
                throw SemanticErrors.error(ErrorCode.GROUPING_ERROR,
                        "an aggregate of only outer columns belongs to the outer query, where aggregate functions are not allowed here", call);
            }
            // it is the enclosing query's aggregate; its value is an outer reference in this subquery
            ExpressionAnalyzer enclosing = new ExpressionAnalyzer(context, scope, clause, outerAggregates, Map.of(), false, null, null);
            enclosing.enclosingAggregate = true;
            return enclosing.aggregateCall(function, functionName, call);
        }
        if (aggregates == null) {
            throw SemanticErrors.error(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed in " + clause, call);
        }
        if (insideAggregate) {
            throw SemanticErrors.error(ErrorCode.GROUPING_ERROR, "aggregate function calls cannot be nested", call);
        }
        // an argument's subqueries are joined in below the aggregation
        ExpressionAnalyzer argumentAnalyzer = new ExpressionAnalyzer(context, scope, clause, aggregates, Map.of(), true,
                subqueries == null ? null : subqueries.beforeAggregation(), null);
        List<RowExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(argumentAnalyzer.analyze(argument));
        }
        Optional<RowExpression> filter = call.filter().map(condition -> argumentAnalyzer.analyzeBoolean(condition, "FILTER"));
        List<WindowCollector.Order> orderBy = new ArrayList<>();
        for (OrderItem item : call.orderBy()) {
            boolean ascending = item.ordering() == dev.basalt.parser.tree.SortOrder.ASCENDING;
            boolean nullsFirst = switch (item.nullOrdering()) {
                case FIRST -> true;
                case LAST -> false;
                case UNSPECIFIED -> !ascending;
            };
            orderBy.add(new WindowCollector.Order(argumentAnalyzer.analyze(item.expression()), ascending, nullsFirst));
        }
        String name = ColumnNames.of(call);
        if (function == null) {
            AggregateBinder.Bound bound = AggregateBinder.bind(functionName, arguments, call.star(), call.distinct(), orderBy, call);
            return aggregates.add(bound.function(), bound.arguments(), bound.distinct(), filter, bound.orderBy(), bound.parameters(), bound.type(), name).reference();
        }
        if (function == AggregateFunction.COUNT_STAR) {
            if (call.distinct()) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "count(DISTINCT *) is not valid", call);
            }
            return aggregates.add(function, List.of(), false, filter, List.of(), List.of(), DataTypes.BIGINT, name).reference();
        }
        if (arguments.size() != 1) {
            throw undefinedFunction(call.name().suffix(), arguments, call);
        }
        RowExpression argument = arguments.getFirst();
        if (argument.type() instanceof NullType) {
            argument = TypeCoercion.coerce(argument, DataTypes.INTEGER);
        }
        DataType resultType = aggregateType(function, argument, call);
        // ORDER BY does not change count/sum/avg/min/max
        return aggregates.add(function, List.of(argument), call.distinct(), filter, List.of(), List.of(), resultType, name).reference();
    }

    /** Whether {@code call} has arguments and they read columns of the directly enclosing query only. */
    private boolean readsOnlyEnclosingColumns(FunctionCall call)
    {
        // (a FILTER or ORDER BY of the call could read this query's columns: then it stays here)
        if (scope.outer().isEmpty() || call.arguments().isEmpty() || call.filter().isPresent() || !call.orderBy().isEmpty()) {
            return false;
        }
        Set<Integer> enclosing = new HashSet<>();
        for (Field field : scope.outer().get().fields()) {
            enclosing.add(field.symbol().id());
        }
        for (Field field : scope.outer().get().hidden()) {
            enclosing.add(field.symbol().id());
        }
        // bound once without aggregates or subqueries, only to see which columns the arguments read
        ExpressionAnalyzer probe = new ExpressionAnalyzer(context, scope, clause, null, Map.of(), true, null, null);
        Set<Integer> read = new HashSet<>();
        // FILTER and the call's ORDER BY (WITHIN GROUP) count as arguments for the level too
        List<Expression> inputs = new ArrayList<>(call.arguments());
        call.filter().ifPresent(inputs::add);
        for (OrderItem item : call.orderBy()) {
            inputs.add(item.expression());
        }
        for (Expression argument : inputs) {
            try {
                read.addAll(Expressions.symbolIds(probe.analyze(argument)));
            }
            catch (BasaltException e) {
                // nested aggregates, subqueries, ...: the regular binding reports them
                return false;
            }
        }
        return !read.isEmpty() && enclosing.containsAll(read);
    }

    private static DataType aggregateType(AggregateFunction function, RowExpression argument, FunctionCall call)
    {
        DataType argumentType = argument.type();
        return switch (function) {
            case COUNT, COUNT_STAR -> DataTypes.BIGINT;
            case SUM -> switch (argumentType) {
                case DecimalType decimal -> DecimalType.of(DecimalType.MAX_PRECISION, decimal.scale());
                case RealType r -> DataTypes.DOUBLE;
                case DoubleType d -> DataTypes.DOUBLE;
                default -> {
                    if (argumentType.isIntegral()) {
                        yield argumentType.equals(DataTypes.BIGINT) ? DecimalType.of(DecimalType.MAX_PRECISION, 0) : DataTypes.BIGINT;
                    }
                    throw undefinedFunction("sum", List.of(argument), call);
                }
            };
            case AVG -> {
                if (!argumentType.isNumeric()) {
                    throw undefinedFunction("avg", List.of(argument), call);
                }
                yield DataTypes.DOUBLE;
            }
            case MIN, MAX -> argumentType;
            default -> throw new IllegalArgumentException(function + " is typed by AggregateBinder");
        };
    }

    // ---------------------------------------------------------------- window functions

    private RowExpression windowCall(String name, FunctionCall call)
    {
        if (windows == null || insideAggregate) {
            // PostgreSQL: a window call inside an aggregate is a grouping error, anywhere else a windowing error.
            if (insideAggregate) {
                throw SemanticErrors.error(ErrorCode.GROUPING_ERROR, "aggregate function calls cannot contain window function calls", call);
            }
            throw SemanticErrors.error(ErrorCode.WINDOWING_ERROR, "window functions are not allowed in " + clause, call);
        }
        if (!call.orderBy().isEmpty()) {
            throw SemanticErrors.notSupported("ORDER BY in window function calls", call);
        }
        WindowSpecification specification = call.window().get();
        List<Expression> partitionBy = specification.partitionBy();
        List<OrderItem> orderBy = specification.orderBy();
        Optional<dev.basalt.parser.tree.WindowFrame> frameSyntax = specification.frame();
        if (specification.existingName().isPresent()) {
            String windowName = specification.existingName().get().value();
            WindowSpecification base = windows.definition(windowName).orElseThrow(() ->
                    SemanticErrors.error(ErrorCode.UNDEFINED_OBJECT, "window \"" + windowName + "\" does not exist", call));
            if (!partitionBy.isEmpty()) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "cannot override PARTITION BY clause of window \"" + windowName + "\"", call);
            }
            partitionBy = base.partitionBy();
            if (orderBy.isEmpty()) {
                orderBy = base.orderBy();
            }
            if (frameSyntax.isEmpty()) {
                frameSyntax = base.frame();
            }
        }
        // arguments and keys may use aggregates (sum(sum(x)) OVER ...) but no further window functions
        // subqueries here are joined in before the windows are computed, like those of the SELECT list
        ExpressionAnalyzer inner = new ExpressionAnalyzer(context, scope, clause, aggregates, aliases, false, subqueries, null);
        List<RowExpression> partition = new ArrayList<>();
        for (Expression expression : partitionBy) {
            partition.add(inner.analyze(expression));
        }
        List<WindowCollector.Order> orders = new ArrayList<>();
        for (OrderItem item : orderBy) {
            boolean ascending = item.ordering() == dev.basalt.parser.tree.SortOrder.ASCENDING;
            boolean nullsFirst = switch (item.nullOrdering()) {
                case FIRST -> true;
                case LAST -> false;
                case UNSPECIFIED -> !ascending;
            };
            orders.add(new WindowCollector.Order(inner.analyze(item.expression()), ascending, nullsFirst));
        }
        List<RowExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(inner.analyze(argument));
        }
        WindowFrame frame = frameSyntax.isEmpty() ? WindowFrame.defaultFrame(!orders.isEmpty()) : frame(frameSyntax.get(), orders);
        // FILTER (WHERE p) turns each argument into CASE WHEN p THEN argument END: every window aggregate skips NULL inputs
        Optional<RowExpression> filter = call.filter().map(condition -> inner.analyzeBoolean(condition, "FILTER"));
        if (filter.isPresent() && !AggregateBinder.NAMES.contains(name)
                && !Set.of("count", "sum", "avg", "mean", "min", "max").contains(name)) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "FILTER is only valid for aggregate window functions", call);
        }
        if (AggregateBinder.NAMES.contains(name)) {
            return aggregateWindowCall(name, call, arguments, filter, partition, orders, frame);
        }
        if (filter.isPresent() && call.star()) {
            // count(*) FILTER (WHERE p) = count(CASE WHEN p THEN 1 END)
            arguments = List.of(new Constant(1, DataTypes.INTEGER));
            name = "count";
        }
        if (filter.isPresent()) {
            arguments = filtered(arguments, filter.get());
        }
        AggregateFunction aggregate = switch (name) {
            case "count" -> call.star() && filter.isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case "sum" -> AggregateFunction.SUM;
            case "avg", "mean" -> AggregateFunction.AVG;
            case "min" -> AggregateFunction.MIN;
            case "max" -> AggregateFunction.MAX;
            default -> null;
        };
        String outputName = ColumnNames.of(call);
        if (aggregate != null) {
            if (aggregate == AggregateFunction.COUNT_STAR) {
                Symbol output = context.symbols().newSymbol(outputName, DataTypes.BIGINT);
                return windows.add(new WindowCollector.Entry(WindowFunction.AGGREGATE, Optional.of(aggregate), List.of(), false, false,
                        partition, orders, frame, output)).reference();
            }
            if (arguments.size() != 1) {
                throw undefinedFunction(name, arguments, call);
            }
            RowExpression argument = arguments.getFirst();
            if (argument.type() instanceof NullType) {
                argument = TypeCoercion.coerce(argument, DataTypes.INTEGER);
            }
            Symbol output = context.symbols().newSymbol(outputName, aggregateType(aggregate, argument, call));
            return windows.add(new WindowCollector.Entry(WindowFunction.AGGREGATE, Optional.of(aggregate), List.of(argument), call.distinct(), false,
                    partition, orders, frame, output)).reference();
        }
        if (call.distinct() || call.star()) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "DISTINCT / * is only valid for aggregate window functions", call);
        }
        WindowFunction function;
        DataType type;
        List<RowExpression> typed = new ArrayList<>();
        switch (name) {
            case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist" -> {
                requireArguments(name, arguments, 0, 0, call);
                function = switch (name) {
                    case "row_number" -> WindowFunction.ROW_NUMBER;
                    case "rank" -> WindowFunction.RANK;
                    case "dense_rank" -> WindowFunction.DENSE_RANK;
                    case "percent_rank" -> WindowFunction.PERCENT_RANK;
                    default -> WindowFunction.CUME_DIST;
                };
                type = function == WindowFunction.PERCENT_RANK || function == WindowFunction.CUME_DIST ? DataTypes.DOUBLE : DataTypes.BIGINT;
            }
            case "ntile" -> {
                requireArguments(name, arguments, 1, 1, call);
                function = WindowFunction.NTILE;
                type = DataTypes.BIGINT;
                typed.add(integerArgument(arguments.getFirst(), name, call, DataTypes.BIGINT));
            }
            case "lag", "lead", "first_value", "last_value", "nth_value" -> {
                function = switch (name) {
                    case "lag" -> WindowFunction.LAG;
                    case "lead" -> WindowFunction.LEAD;
                    case "first_value" -> WindowFunction.FIRST_VALUE;
                    case "last_value" -> WindowFunction.LAST_VALUE;
                    default -> WindowFunction.NTH_VALUE;
                };
                switch (function) {
                    case LAG, LEAD -> requireArguments(name, arguments, 1, 3, call);
                    case NTH_VALUE -> requireArguments(name, arguments, 2, 2, call);
                    default -> requireArguments(name, arguments, 1, 1, call);
                }
                RowExpression value = arguments.getFirst();
                if (value.type() instanceof NullType) {
                    value = TypeCoercion.coerce(value, DataTypes.INTEGER);
                }
                if ((function == WindowFunction.LAG || function == WindowFunction.LEAD) && arguments.size() == 3) {
                    DataType common = typing.unify(List.of(value, arguments.get(2)), name, call);
                    value = typing.coerceTo(value, common, name, call);
                    typed.add(value);
                    typed.add(integerArgument(arguments.get(1), name, call, DataTypes.BIGINT));
                    typed.add(typing.coerceTo(arguments.get(2), common, name, call));
                }
                else {
                    typed.add(value);
                    for (int i = 1; i < arguments.size(); i++) {
                        typed.add(integerArgument(arguments.get(i), name, call, DataTypes.BIGINT));
                    }
                }
                type = value.type();
            }
            default -> {
                if (AggregateBinder.NAMES.contains(name)) {
                    throw SemanticErrors.notSupported(name + " as a window function", call);
                }
                throw SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "function " + name + " is not a window function", call);
            }
        }
        Symbol output = context.symbols().newSymbol(outputName, type);
        return windows.add(new WindowCollector.Entry(function, Optional.empty(), typed, false, call.ignoreNulls(), partition, orders, frame, output)).reference();
    }

    /**
     * Statistics, bool_*, bit_*, first/last/any_value and arg_min/arg_max over a window (computed per frame by the
     * aggregate accumulators). The others need constant parameters, an ORDER BY or DISTINCT, which the window
     * operator does not carry yet.
     */
    private RowExpression aggregateWindowCall(String name, FunctionCall call, List<RowExpression> arguments, Optional<RowExpression> filter,
            List<RowExpression> partition, List<WindowCollector.Order> orders, WindowFrame frame)
    {
        AggregateBinder.Bound bound = AggregateBinder.bind(name, arguments, call.star(), call.distinct(), List.of(), call);
        boolean supported = switch (bound.function()) {
            case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT, REGR_R2, REGR_AVGX,
                    REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY, BOOL_AND, BOOL_OR, BIT_AND, BIT_OR, BIT_XOR,
                    ANY_VALUE, FIRST, LAST, ARG_MIN, ARG_MAX -> true;
            default -> false;
        };
        if (!supported || bound.distinct() || !bound.parameters().isEmpty()) {
            throw SemanticErrors.notSupported(name + (bound.distinct() ? " (DISTINCT)" : "") + " as a window function", call);
        }
        List<RowExpression> typed = filter.isPresent() ? filtered(bound.arguments(), filter.get()) : bound.arguments();
        Symbol output = context.symbols().newSymbol(ColumnNames.of(call), bound.type());
        return windows.add(new WindowCollector.Entry(WindowFunction.AGGREGATE, Optional.of(bound.function()), typed, false, false,
                partition, orders, frame, output)).reference();
    }

    private static List<RowExpression> filtered(List<RowExpression> arguments, RowExpression filter)
    {
        List<RowExpression> result = new ArrayList<>();
        for (RowExpression argument : arguments) {
            result.add(new CaseExpression(List.of(new CaseExpression.WhenClause(filter, argument)), new Constant(null, argument.type()), argument.type()));
        }
        return result;
    }

    private WindowFrame frame(dev.basalt.parser.tree.WindowFrame syntax, List<WindowCollector.Order> orders)
    {
        WindowFrame.FrameType type = switch (syntax.type()) {
            case ROWS -> WindowFrame.FrameType.ROWS;
            case RANGE -> WindowFrame.FrameType.RANGE;
            case GROUPS -> WindowFrame.FrameType.GROUPS;
        };
        WindowFrame.FrameBound start = bound(syntax.start(), type, orders);
        WindowFrame.FrameBound end = syntax.end().isPresent() ? bound(syntax.end().get(), type, orders) : WindowFrame.FrameBound.currentRow();
        if (start.type() == WindowFrame.BoundType.UNBOUNDED_FOLLOWING || end.type() == WindowFrame.BoundType.UNBOUNDED_PRECEDING) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "frame start cannot be UNBOUNDED FOLLOWING and frame end cannot be UNBOUNDED PRECEDING", syntax);
        }
        if (type != WindowFrame.FrameType.ROWS && orders.isEmpty() && (start.offset() != null || end.offset() != null)) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, syntax.type() + " with an offset requires an ORDER BY", syntax);
        }
        return new WindowFrame(type, start, end);
    }

    private WindowFrame.FrameBound bound(dev.basalt.parser.tree.FrameBound bound, WindowFrame.FrameType type, List<WindowCollector.Order> orders)
    {
        WindowFrame.BoundType boundType = switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> WindowFrame.BoundType.UNBOUNDED_PRECEDING;
            case PRECEDING -> WindowFrame.BoundType.PRECEDING;
            case CURRENT_ROW -> WindowFrame.BoundType.CURRENT_ROW;
            case FOLLOWING -> WindowFrame.BoundType.FOLLOWING;
            case UNBOUNDED_FOLLOWING -> WindowFrame.BoundType.UNBOUNDED_FOLLOWING;
        };
        if (bound.offset().isEmpty()) {
            return new WindowFrame.FrameBound(boundType, null);
        }
        RowExpression offset = ExpressionSimplifier.simplify(analyze(bound.offset().get()));
        if (!(offset instanceof Constant) || ((Constant) offset).value() == null) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "frame offset must be a non-null constant", bound);
        }
        Object value;
        if (type == WindowFrame.FrameType.RANGE) {
            if (orders.size() != 1) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column", bound);
            }
            DataType keyType = orders.getFirst().expression().type();
            if (keyType instanceof dev.basalt.spi.type.DateType || keyType instanceof TimestampType) {
                if (!(offset.type() instanceof dev.basalt.spi.type.IntervalType)) {
                    throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "RANGE offset for a " + keyType.sqlName() + " key must be an INTERVAL", bound);
                }
                value = ((Constant) offset).value();
            }
            else if (keyType.isNumeric()) {
                RowExpression cast = ExpressionSimplifier.simplify(TypeCoercion.coerce(offset, keyType));
                if (!(cast instanceof Constant constant) || constant.value() == null) {
                    throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "invalid RANGE offset for a " + keyType.sqlName() + " key", bound);
                }
                value = constant.value();
            }
            else {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "RANGE with offset is not supported for a " + keyType.sqlName() + " key", bound);
            }
        }
        else {
            RowExpression cast = ExpressionSimplifier.simplify(integerArgument(offset, "frame offset", bound, DataTypes.BIGINT));
            if (!(cast instanceof Constant constant) || !(constant.value() instanceof Long)) {
                throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "frame offset must be an integer", bound);
            }
            value = constant.value();
        }
        boolean negative = value instanceof Number number && number.doubleValue() < 0
                || value instanceof dev.basalt.spi.value.Interval interval && (interval.months() < 0 || interval.days() < 0 || interval.micros() < 0);
        if (negative) {
            throw SemanticErrors.error(ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame offset must not be negative", bound);
        }
        return new WindowFrame.FrameBound(boundType, value);
    }

    private RowExpression scalarFunction(String name, List<RowExpression> arguments, FunctionCall call)
    {
        return switch (name) {
            case "coalesce", "ifnull" -> {
                requireArguments(name, arguments, 1, name.equals("ifnull") ? 2 : Integer.MAX_VALUE, call);
                DataType type = nonNull(typing.unify(arguments, "COALESCE", call));
                yield arguments.size() == 1
                        ? typing.coerceTo(arguments.getFirst(), type, "COALESCE", call)
                        : new Call(Function.COALESCE, typing.coerceAll(arguments, type, "COALESCE", call), type);
            }
            case "nullif" -> {
                requireArguments(name, arguments, 2, 2, call);
                DataType type = nonNull(typing.unify(arguments, "NULLIF", call));
                yield new Call(Function.NULLIF, typing.coerceAll(arguments, type, "NULLIF", call), type);
            }
            case "abs" -> {
                requireArguments(name, arguments, 1, 1, call);
                RowExpression value = ArgumentCoercion.numeric(arguments.getFirst(), name, call);
                yield new Call(Function.ABS, List.of(value), value.type());
            }
            case "round" -> {
                requireArguments(name, arguments, 1, 2, call);
                yield round(ArgumentCoercion.numeric(arguments.getFirst(), name, call),
                        arguments.size() > 1 ? Optional.of(integerArgument(arguments.get(1), name, call, DataTypes.INTEGER)) : Optional.empty(), call);
            }
            case "floor", "ceil", "ceiling" -> {
                requireArguments(name, arguments, 1, 1, call);
                yield floorOrCeil(name.equals("floor") ? Function.FLOOR : Function.CEIL, ArgumentCoercion.numeric(arguments.getFirst(), name, call));
            }
            case "upper", "ucase" -> stringFunction(Function.UPPER, arguments, call, DataTypes.VARCHAR);
            case "lower", "lcase" -> stringFunction(Function.LOWER, arguments, call, DataTypes.VARCHAR);
            case "length", "char_length", "character_length", "len" -> arguments.size() == 1 && arguments.getFirst().type() instanceof BlobType
                    ? new Call(Function.OCTET_LENGTH, arguments, DataTypes.BIGINT)
                    : stringFunction(Function.LENGTH, arguments, call, DataTypes.BIGINT);
            case "trim", "btrim" -> trimFunction(Function.TRIM, arguments, call);
            case "ltrim" -> trimFunction(Function.LTRIM, arguments, call);
            case "rtrim" -> trimFunction(Function.RTRIM, arguments, call);
            case "substring", "substr" -> {
                requireArguments(name, arguments, 2, 3, call);
                yield substring(arguments.get(0), arguments.get(1), arguments.size() > 2 ? Optional.of(arguments.get(2)) : Optional.empty(), call);
            }
            case "concat" -> {
                requireArguments(name, arguments, 1, Integer.MAX_VALUE, call);
                // concat() skips NULLs (unlike ||, which is NULL if any operand is)
                List<RowExpression> operands = new ArrayList<>();
                for (RowExpression argument : arguments) {
                    RowExpression text = argument.type() instanceof VarcharType ? argument : TypeCoercion.coerce(argument, DataTypes.VARCHAR);
                    operands.add(new Call(Function.COALESCE, List.of(text, new Constant("", DataTypes.VARCHAR)), DataTypes.VARCHAR));
                }
                yield operands.size() == 1 ? operands.getFirst() : new Call(Function.CONCAT, operands, DataTypes.VARCHAR);
            }
            case "date_part", "datepart" -> {
                requireArguments(name, arguments, 2, 2, call);
                if (!(arguments.getFirst() instanceof Constant field) || !(field.value() instanceof String text)) {
                    throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "the first argument of date_part must be a constant string", call);
                }
                yield datePart(text, arguments.get(1), call);
            }
            case "year", "quarter", "month", "day", "dayofweek", "dayofyear", "week", "hour", "minute", "second", "epoch", "isodow", "isoyear",
                 "yearweek", "decade", "century", "millennium", "millisecond", "microsecond", "dayofmonth", "weekday", "weekofyear", "era", "julian" -> {
                requireArguments(name, arguments, 1, 1, call);
                yield datePart(name, arguments.getFirst(), call);
            }
            case "current_date", "today" -> {
                requireArguments(name, arguments, 0, 0, call);
                yield new Constant(LocalDate.now(), DataTypes.DATE);
            }
            case "now", "current_timestamp", "localtimestamp" -> {
                requireArguments(name, arguments, 0, 0, call);
                yield new Constant(LocalDateTime.now().truncatedTo(ChronoUnit.MICROS), DataTypes.TIMESTAMP);
            }
            case "date_trunc", "datetrunc" -> {
                requireArguments(name, arguments, 2, 2, call);
                if (!(arguments.getFirst() instanceof Constant field) || !(field.value() instanceof String text)) {
                    throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "the first argument of date_trunc must be a constant string", call);
                }
                String unit = switch (text.toLowerCase(Locale.ROOT)) {
                    case "millennium", "millennia" -> "millennium";
                    case "century", "centuries" -> "century";
                    case "decade", "decades" -> "decade";
                    case "year", "years", "y", "yr", "yrs" -> "year";
                    case "quarter", "quarters" -> "quarter";
                    case "month", "months", "mon", "mons" -> "month";
                    case "week", "weeks", "w" -> "week";
                    case "day", "days", "d" -> "day";
                    case "hour", "hours", "h" -> "hour";
                    case "minute", "minutes", "min", "mins" -> "minute";
                    case "second", "seconds", "s", "sec", "secs" -> "second";
                    default -> throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + text + "\" not recognized for date_trunc", call);
                };
                RowExpression source = ArgumentCoercion.dateTime(typing, arguments.get(1), name, call);
                // a TIMESTAMP even for a DATE source, as in DuckDB and PostgreSQL
                yield new Call(Function.DATE_TRUNC, List.of(new Constant(unit, DataTypes.VARCHAR), source), DataTypes.TIMESTAMP);
            }
            case "strpos", "instr" -> {
                requireArguments(name, arguments, 2, 2, call);
                yield new Call(Function.STRPOS, strings(arguments, Function.STRPOS, call), DataTypes.BIGINT);
            }
            case "replace" -> {
                requireArguments(name, arguments, 3, 3, call);
                yield new Call(Function.REPLACE, strings(arguments, Function.REPLACE, call), DataTypes.VARCHAR);
            }
            case "lpad", "rpad" -> {
                requireArguments(name, arguments, 2, 3, call);
                Function function = name.equals("lpad") ? Function.LPAD : Function.RPAD;
                List<RowExpression> operands = new ArrayList<>();
                operands.add(stringArgument(arguments.get(0), function, call));
                operands.add(integerArgument(arguments.get(1), name, call, DataTypes.INTEGER));
                if (arguments.size() > 2) {
                    operands.add(stringArgument(arguments.get(2), function, call));
                }
                yield new Call(function, operands, DataTypes.VARCHAR);
            }
            case "starts_with", "ends_with" -> {
                requireArguments(name, arguments, 2, 2, call);
                Function function = name.equals("starts_with") ? Function.STARTS_WITH : Function.ENDS_WITH;
                yield new Call(function, strings(arguments, function, call), DataTypes.BOOLEAN);
            }
            case "regexp_matches", "regexp_like" -> {
                requireArguments(name, arguments, 2, 3, call);
                yield new Call(Function.REGEXP_MATCHES, strings(arguments, Function.REGEXP_MATCHES, call), DataTypes.BOOLEAN);
            }
            case "regexp_replace" -> {
                requireArguments(name, arguments, 3, 4, call);
                yield new Call(Function.REGEXP_REPLACE, strings(arguments, Function.REGEXP_REPLACE, call), DataTypes.VARCHAR);
            }
            case "split_part" -> {
                requireArguments(name, arguments, 3, 3, call);
                yield new Call(Function.SPLIT_PART, List.of(stringArgument(arguments.get(0), Function.SPLIT_PART, call),
                        stringArgument(arguments.get(1), Function.SPLIT_PART, call), integerArgument(arguments.get(2), name, call, DataTypes.BIGINT)), DataTypes.VARCHAR);
            }
            case "reverse" -> stringFunction(Function.REVERSE, arguments, call, DataTypes.VARCHAR);
            case "left", "right", "repeat" -> {
                requireArguments(name, arguments, 2, 2, call);
                Function function = switch (name) {
                    case "left" -> Function.LEFT;
                    case "right" -> Function.RIGHT;
                    default -> Function.REPEAT;
                };
                yield new Call(function, List.of(stringArgument(arguments.get(0), function, call), integerArgument(arguments.get(1), name, call, DataTypes.BIGINT)),
                        DataTypes.VARCHAR);
            }
            case "power", "pow" -> {
                requireArguments(name, arguments, 2, 2, call);
                yield new Call(Function.POWER, List.of(doubleArgument(arguments.get(0), name, call), doubleArgument(arguments.get(1), name, call)), DataTypes.DOUBLE);
            }
            case "sqrt", "ln", "log10", "log", "exp" -> {
                requireArguments(name, arguments, 1, name.equals("log") ? 2 : 1, call);
                if (arguments.size() == 2) {
                    // log(b, x) = ln(x) / ln(b), with PostgreSQL's errors (2201E for x or b <= 0, 22012 for b = 1)
                    RowExpression lnValue = new Call(Function.LN, List.of(doubleArgument(arguments.get(1), name, call)), DataTypes.DOUBLE);
                    RowExpression lnBase = new Call(Function.LN, List.of(doubleArgument(arguments.get(0), name, call)), DataTypes.DOUBLE);
                    yield new Call(Function.DIVIDE, List.of(lnValue, lnBase), DataTypes.DOUBLE);
                }
                Function function = switch (name) {
                    case "sqrt" -> Function.SQRT;
                    case "ln" -> Function.LN;
                    case "exp" -> Function.EXP;
                    default -> Function.LOG10;
                };
                yield new Call(function, List.of(doubleArgument(arguments.getFirst(), name, call)), DataTypes.DOUBLE);
            }
            case "sign" -> {
                requireArguments(name, arguments, 1, 1, call);
                RowExpression value = ArgumentCoercion.numeric(arguments.getFirst(), name, call);
                yield new Call(Function.SIGN, List.of(value), value.type());
            }
            case "greatest", "least" -> {
                requireArguments(name, arguments, 1, Integer.MAX_VALUE, call);
                DataType type = nonNull(typing.unify(arguments, name.toUpperCase(Locale.ROOT), call));
                yield new Call(name.equals("greatest") ? Function.GREATEST : Function.LEAST, typing.coerceAll(arguments, type, name, call), type);
            }
            default -> new FunctionLibraryBinder(typing).bind(name, arguments, call)
                    .orElseThrow(() -> undefinedFunction(call.name().suffix(), arguments, call));
        };
    }

    private static List<RowExpression> strings(List<RowExpression> arguments, Function function, Node node)
    {
        return ArgumentCoercion.varchars(arguments, function.name().toLowerCase(Locale.ROOT), node);
    }

    private static RowExpression doubleArgument(RowExpression argument, String name, Node node)
    {
        return TypeCoercion.coerce(ArgumentCoercion.numeric(argument, name, node), DataTypes.DOUBLE);
    }

    private RowExpression round(RowExpression value, Optional<RowExpression> digits, Node node)
    {
        DataType type = value.type();
        if (type.isIntegral()) {
            if (digits.isEmpty() || (digits.get() instanceof Constant constant && (constant.value() == null || ((Number) constant.value()).intValue() >= 0))) {
                return value;
            }
            value = TypeCoercion.coerce(value, TypeCoercion.decimalTypeOf(value));
            type = value.type();
        }
        if (type instanceof DecimalType decimal) {
            RowExpression digitsValue = digits.orElse(new Constant(0, DataTypes.INTEGER));
            if (digitsValue instanceof Constant constant) {
                if (constant.value() == null) {
                    return new Constant(null, type);
                }
                int target = ((Number) constant.value()).intValue();
                if (target >= decimal.scale()) {
                    return value;
                }
                return new Call(Function.ROUND, List.of(value, digitsValue), DecimalType.of(decimal.precision(), Math.max(0, target)));
            }
        }
        value = TypeCoercion.coerce(value, DataTypes.DOUBLE);
        List<RowExpression> arguments = new ArrayList<>();
        arguments.add(value);
        digits.ifPresent(arguments::add);
        return new Call(Function.ROUND, arguments, DataTypes.DOUBLE);
    }

    private static RowExpression floorOrCeil(Function function, RowExpression value)
    {
        DataType type = value.type();
        if (type.isIntegral()) {
            return value;
        }
        if (type instanceof DecimalType decimal) {
            if (decimal.scale() == 0) {
                return value;
            }
            return new Call(function, List.of(value), DecimalType.of(decimal.precision(), 0));
        }
        return new Call(function, List.of(TypeCoercion.coerce(value, DataTypes.DOUBLE)), DataTypes.DOUBLE);
    }

    private RowExpression stringFunction(Function function, List<RowExpression> arguments, FunctionCall call, DataType resultType)
    {
        requireArguments(call.name().suffix(), arguments, 1, 1, call);
        return new Call(function, List.of(stringArgument(arguments.getFirst(), function, call)), resultType);
    }

    private RowExpression trimFunction(Function function, List<RowExpression> arguments, FunctionCall call)
    {
        requireArguments(call.name().suffix(), arguments, 1, 2, call);
        List<RowExpression> operands = new ArrayList<>();
        for (RowExpression argument : arguments) {
            operands.add(stringArgument(argument, function, call));
        }
        return new Call(function, operands, DataTypes.VARCHAR);
    }

    /**
     * DATE_PART(field, DATE|TIMESTAMP|INTERVAL): BIGINT, but DOUBLE for epoch and julian (DuckDB's types; seconds are
     * whole seconds, millisecond/microsecond include the seconds of the minute).
     */
    private RowExpression datePart(String fieldName, RowExpression source, Node node)
    {
        String field = switch (fieldName.toLowerCase(Locale.ROOT).trim()) {
            case "year", "years", "y", "yr", "yrs" -> "year";
            case "quarter", "quarters" -> "quarter";
            case "month", "months", "mon", "mons" -> "month";
            case "day", "days", "d", "dayofmonth" -> "day";
            case "dow", "dayofweek", "weekday" -> "dow";
            case "isodow" -> "isodow";
            case "doy", "dayofyear" -> "doy";
            case "week", "weeks", "w", "weekofyear" -> "week";
            case "isoyear" -> "isoyear";
            case "yearweek" -> "yearweek";
            case "hour", "hours", "h", "hr", "hrs" -> "hour";
            case "minute", "minutes", "m", "min", "mins" -> "minute";
            case "second", "seconds", "s", "sec", "secs" -> "second";
            case "millisecond", "milliseconds", "ms", "msec", "msecs" -> "millisecond";
            case "microsecond", "microseconds", "us", "usec", "usecs" -> "microsecond";
            case "epoch" -> "epoch";
            case "decade", "decades" -> "decade";
            case "century", "centuries" -> "century";
            case "millennium", "millennia" -> "millennium";
            case "era" -> "era";
            case "julian" -> "julian";
            default -> throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "date part \"" + fieldName.toLowerCase(Locale.ROOT) + "\" is not recognized", node);
        };
        RowExpression value = source;
        if (OperatorTyping.isStringConstant(value)) {
            String text = (String) ((Constant) value).value();
            try {
                value = new Constant(DateTimeParser.parseDate(text), DataTypes.DATE);
            }
            catch (BasaltException e) {
                value = typing.literalAs((Constant) value, DataTypes.TIMESTAMP, "date_part", node);
            }
        }
        if (value.type() instanceof NullType) {
            value = TypeCoercion.coerce(value, DataTypes.DATE);
        }
        if (value.type() instanceof IntervalType) {
            // an interval has no calendar position: day-of-week, ISO and calendar-only fields are meaningless
            switch (field) {
                case "dow", "isodow", "doy", "week", "isoyear", "yearweek", "era", "julian" -> throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE,
                        "date part \"" + field + "\" is not supported for INTERVAL", node);
                default -> {
                }
            }
        }
        else if (!TypeCoercion.isDateTime(value.type())) {
            throw SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "function date_part(VARCHAR, " + value.type().sqlName() + ") does not exist", node);
        }
        DataType type = field.equals("epoch") || field.equals("julian") ? DataTypes.DOUBLE : DataTypes.BIGINT;
        return new Call(Function.DATE_PART, List.of(new Constant(field, DataTypes.VARCHAR), value), type);
    }

    // ---------------------------------------------------------------- argument checks

    private static RowExpression stringArgument(RowExpression argument, Function function, Node node)
    {
        return ArgumentCoercion.varchar(argument, function.name().toLowerCase(Locale.ROOT), node);
    }

    private RowExpression integerArgument(RowExpression argument, String name, Node node)
    {
        return integerArgument(argument, name, node, DataTypes.BIGINT);
    }

    private RowExpression integerArgument(RowExpression argument, String name, Node node, DataType type)
    {
        if (OperatorTyping.isStringConstant(argument)) {
            return typing.literalAs((Constant) argument, type, name, node);
        }
        if (argument.type().isNumeric() || argument.type() instanceof NullType) {
            return TypeCoercion.coerce(argument, type);
        }
        throw undefinedFunction(name, List.of(argument), node);
    }

}
