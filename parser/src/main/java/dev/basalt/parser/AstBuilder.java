package dev.basalt.parser;

import dev.basalt.parser.antlr4.BasaltSqlBaseVisitor;
import dev.basalt.parser.antlr4.BasaltSqlLexer;
import dev.basalt.parser.antlr4.BasaltSqlParser;
import dev.basalt.parser.tree.AddColumn;
import dev.basalt.parser.tree.AllColumns;
import dev.basalt.parser.tree.AlterTable;
import dev.basalt.parser.tree.AlterTableAction;
import dev.basalt.parser.tree.Analyze;
import dev.basalt.parser.tree.ArithmeticBinary;
import dev.basalt.parser.tree.ArithmeticOperator;
import dev.basalt.parser.tree.ArithmeticUnary;
import dev.basalt.parser.tree.Assignment;
import dev.basalt.parser.tree.Begin;
import dev.basalt.parser.tree.Between;
import dev.basalt.parser.tree.BinaryLiteral;
import dev.basalt.parser.tree.BooleanLiteral;
import dev.basalt.parser.tree.Call;
import dev.basalt.parser.tree.CallArgument;
import dev.basalt.parser.tree.Cast;
import dev.basalt.parser.tree.Checkpoint;
import dev.basalt.parser.tree.ColumnDefinition;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.Commit;
import dev.basalt.parser.tree.Comparison;
import dev.basalt.parser.tree.ComparisonOperator;
import dev.basalt.parser.tree.Concat;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.CopyFrom;
import dev.basalt.parser.tree.CopyTo;
import dev.basalt.parser.tree.CreateIndex;
import dev.basalt.parser.tree.CreateTable;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.parser.tree.CreateView;
import dev.basalt.parser.tree.Cube;
import dev.basalt.parser.tree.DateLiteral;
import dev.basalt.parser.tree.DecimalLiteral;
import dev.basalt.parser.tree.DefaultValue;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Describe;
import dev.basalt.parser.tree.DoubleLiteral;
import dev.basalt.parser.tree.DropColumn;
import dev.basalt.parser.tree.DropIndex;
import dev.basalt.parser.tree.DropTable;
import dev.basalt.parser.tree.DropView;
import dev.basalt.parser.tree.DropTrigger;
import dev.basalt.parser.tree.CreateTrigger;
import dev.basalt.parser.tree.TriggerEvent;
import dev.basalt.parser.tree.TriggerTiming;
import dev.basalt.parser.tree.Exists;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Extract;
import dev.basalt.parser.tree.FrameBound;
import dev.basalt.parser.tree.FrameBoundType;
import dev.basalt.parser.tree.FrameType;
import dev.basalt.parser.tree.FunctionCall;
import dev.basalt.parser.tree.GroupBy;
import dev.basalt.parser.tree.GroupingElement;
import dev.basalt.parser.tree.GroupingExpression;
import dev.basalt.parser.tree.GroupingSets;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.InList;
import dev.basalt.parser.tree.InSubquery;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.IntervalField;
import dev.basalt.parser.tree.IntervalLiteral;
import dev.basalt.parser.tree.IsNotNull;
import dev.basalt.parser.tree.IsNull;
import dev.basalt.parser.tree.Join;
import dev.basalt.parser.tree.JoinCriteria;
import dev.basalt.parser.tree.JoinOn;
import dev.basalt.parser.tree.JoinType;
import dev.basalt.parser.tree.JoinUsing;
import dev.basalt.parser.tree.Like;
import dev.basalt.parser.tree.Logical;
import dev.basalt.parser.tree.LogicalOperator;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.NaturalJoin;
import dev.basalt.parser.tree.NodeLocation;
import dev.basalt.parser.tree.Not;
import dev.basalt.parser.tree.NullLiteral;
import dev.basalt.parser.tree.NullOrdering;
import dev.basalt.parser.tree.OrderItem;
import dev.basalt.parser.tree.Parameter;
import dev.basalt.parser.tree.ParenthesizedQuery;
import dev.basalt.parser.tree.Position;
import dev.basalt.parser.tree.QualifiedName;
import dev.basalt.parser.tree.QuantifiedComparison;
import dev.basalt.parser.tree.Quantifier;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.QueryBody;
import dev.basalt.parser.tree.QuerySpecification;
import dev.basalt.parser.tree.Relation;
import dev.basalt.parser.tree.RenameColumn;
import dev.basalt.parser.tree.RenameTable;
import dev.basalt.parser.tree.ResetVariable;
import dev.basalt.parser.tree.Rollback;
import dev.basalt.parser.tree.Rollup;
import dev.basalt.parser.tree.ScalarSubquery;
import dev.basalt.parser.tree.SearchedCase;
import dev.basalt.parser.tree.SelectItem;
import dev.basalt.parser.tree.SetOperation;
import dev.basalt.parser.tree.SetOperator;
import dev.basalt.parser.tree.SetVariable;
import dev.basalt.parser.tree.ShowTables;
import dev.basalt.parser.tree.Sign;
import dev.basalt.parser.tree.SimpleCase;
import dev.basalt.parser.tree.SingleColumn;
import dev.basalt.parser.tree.SortOrder;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.StringLiteral;
import dev.basalt.parser.tree.SubqueryRelation;
import dev.basalt.parser.tree.Substring;
import dev.basalt.parser.tree.Table;
import dev.basalt.parser.tree.TableConstraint;
import dev.basalt.parser.tree.TableConstraintType;
import dev.basalt.parser.tree.TableFunctionRelation;
import dev.basalt.parser.tree.TimestampLiteral;
import dev.basalt.parser.tree.Trim;
import dev.basalt.parser.tree.TrimSpecification;
import dev.basalt.parser.tree.TypeName;
import dev.basalt.parser.tree.Update;
import dev.basalt.parser.tree.Reindex;
import dev.basalt.parser.tree.Vacuum;
import dev.basalt.parser.tree.Values;
import dev.basalt.parser.tree.WhenClause;
import dev.basalt.parser.tree.WindowDefinition;
import dev.basalt.parser.tree.WindowFrame;
import dev.basalt.parser.tree.WindowSpecification;
import dev.basalt.parser.tree.With;
import dev.basalt.parser.tree.WithQuery;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns one ANTLR parse tree into the immutable AST. One instance per parse (it numbers the {@code ?}
 * parameters of its token stream), so it is never shared between threads.
 */
final class AstBuilder
        extends BasaltSqlBaseVisitor<Object>
{
    private static final int MAX_DECIMAL_DIGITS = 38;

    /** Token indexes of the {@code ?} tokens, ascending: a parameter's number is its rank here. */
    private final int[] questionMarkTokens;

    AstBuilder(TokenStream tokens)
    {
        requireNonNull(tokens, "tokens is null");
        int[] indexes = new int[8];
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).getType() == BasaltSqlLexer.QUESTION_MARK) {
                if (count == indexes.length) {
                    indexes = Arrays.copyOf(indexes, count * 2);
                }
                indexes[count++] = i;
            }
        }
        this.questionMarkTokens = Arrays.copyOf(indexes, count);
    }

    Statement statement(BasaltSqlParser.StatementContext context)
    {
        return (Statement) visit(context);
    }

    Expression expression(ParserRuleContext context)
    {
        return (Expression) visit(context);
    }

    // ------------------------------------------------------------------------------------------- statements

    @Override
    public Object visitStatementDefault(BasaltSqlParser.StatementDefaultContext context)
    {
        return visit(context.query());
    }

    @Override
    public Object visitExplain(BasaltSqlParser.ExplainContext context)
    {
        return new Explain(location(context), context.ANALYZE() != null, statement(context.statement()));
    }

    @Override
    public Object visitCreateTable(BasaltSqlParser.CreateTableContext context)
    {
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (BasaltSqlParser.TableElementContext element : context.tableElement()) {
            if (element.columnDefinition() != null) {
                columns.add(columnDefinition(element.columnDefinition()));
            }
            else {
                BasaltSqlParser.TableConstraintContext constraint = element.tableConstraint();
                TableConstraintType type = constraint.PRIMARY() != null ? TableConstraintType.PRIMARY_KEY : TableConstraintType.UNIQUE;
                constraints.add(new TableConstraint(location(constraint), type, identifiers(constraint.columnAliases())));
            }
        }
        if (columns.isEmpty()) {
            throw error(context, "a table needs at least one column");
        }
        return new CreateTable(location(context), qualifiedName(context.qualifiedName()), columns, constraints, context.EXISTS() != null);
    }

    private ColumnDefinition columnDefinition(BasaltSqlParser.ColumnDefinitionContext context)
    {
        boolean nullable = true;
        boolean primaryKey = false;
        boolean unique = false;
        Optional<Expression> defaultValue = Optional.empty();
        for (BasaltSqlParser.ColumnConstraintContext constraint : context.columnConstraint()) {
            switch (constraint) {
                case BasaltSqlParser.NotNullConstraintContext c -> nullable = false;
                case BasaltSqlParser.NullConstraintContext c -> {
                    // explicit NULL is the default
                }
                case BasaltSqlParser.PrimaryKeyConstraintContext c -> {
                    primaryKey = true;
                    nullable = false;
                }
                case BasaltSqlParser.UniqueConstraintContext c -> unique = true;
                case BasaltSqlParser.DefaultConstraintContext c -> defaultValue = Optional.of(expression(c.valueExpression()));
                case BasaltSqlParser.CollateConstraintContext c -> {
                    // collations are accepted for compatibility; all strings compare by code point
                }
                default -> throw new IllegalStateException("unexpected column constraint " + constraint.getClass());
            }
        }
        return new ColumnDefinition(location(context), identifier(context.identifier()), type(context.type()), nullable, defaultValue, primaryKey, unique);
    }

    @Override
    public Object visitCreateTableAsSelect(BasaltSqlParser.CreateTableAsSelectContext context)
    {
        return new CreateTableAs(location(context), qualifiedName(context.qualifiedName()), identifiers(context.columnAliases()),
                query(context.query()), context.EXISTS() != null);
    }

    @Override
    public Object visitDropTable(BasaltSqlParser.DropTableContext context)
    {
        return new DropTable(location(context), qualifiedName(context.qualifiedName()), context.EXISTS() != null);
    }

    @Override
    public Object visitCreateView(BasaltSqlParser.CreateViewContext context)
    {
        return new CreateView(location(context), qualifiedName(context.qualifiedName()), identifiers(context.columnAliases()),
                query(context.query()), context.REPLACE() != null, context.EXISTS() != null,
                context.TEMP() != null || context.TEMPORARY() != null);
    }

    @Override
    public Object visitDropView(BasaltSqlParser.DropViewContext context)
    {
        return new DropView(location(context), qualifiedName(context.qualifiedName()), context.EXISTS() != null);
    }

    @Override
    public Object visitCreateTrigger(BasaltSqlParser.CreateTriggerContext context)
    {
        TriggerTiming timing = TriggerTiming.BEFORE; // SQLite's default
        if (context.triggerTiming() != null) {
            BasaltSqlParser.TriggerTimingContext t = context.triggerTiming();
            timing = t.AFTER() != null ? TriggerTiming.AFTER : t.INSTEAD() != null ? TriggerTiming.INSTEAD_OF : TriggerTiming.BEFORE;
        }
        BasaltSqlParser.TriggerEventContext e = context.triggerEvent();
        TriggerEvent event = e.INSERT() != null ? TriggerEvent.INSERT : e.DELETE() != null ? TriggerEvent.DELETE : TriggerEvent.UPDATE;
        List<Identifier> columns = new ArrayList<>();
        for (BasaltSqlParser.IdentifierContext column : e.identifier()) {
            columns.add(identifier(column));
        }
        List<Statement> body = new ArrayList<>();
        for (BasaltSqlParser.StatementContext statementContext : context.triggerBody().statement()) {
            Statement statement = statement(statementContext);
            switch (statement) {
                case Query q -> {}
                case Insert i -> {}
                case Update u -> {}
                case Delete d -> {}
                default -> throw error(statementContext, "a trigger body may only contain INSERT, UPDATE, DELETE and SELECT statements");
            }
            body.add(statement);
        }
        Optional<String> whenSql = context.booleanExpression() == null ? Optional.empty() : Optional.of(sourceText(context.booleanExpression(), context.booleanExpression().getStop()));
        BasaltSqlParser.TriggerBodyContext bodyContext = context.triggerBody();
        String bodySql = sourceText(bodyContext, bodyContext.getStop());
        return new CreateTrigger(location(context), qualifiedName(context.name), qualifiedName(context.table), timing, event, columns,
                optionalExpression(context.booleanExpression()), body, whenSql, bodySql,
                context.EXISTS() != null);
    }

    /** The original text from the start of a rule to a token, so stored SQL keeps the user's spelling. */
    private static String sourceText(ParserRuleContext context, Token stop)
    {
        return context.getStart().getInputStream().getText(Interval.of(context.getStart().getStartIndex(), stop.getStopIndex()));
    }

    @Override
    public Object visitDropTrigger(BasaltSqlParser.DropTriggerContext context)
    {
        return new DropTrigger(location(context), qualifiedName(context.qualifiedName()), context.EXISTS() != null);
    }

    @Override
    public Object visitCreateIndex(BasaltSqlParser.CreateIndexContext context)
    {
        List<Identifier> columns = new ArrayList<>();
        for (BasaltSqlParser.IndexColumnContext column : context.indexColumn()) {
            columns.add(identifier(column.identifier(0)));
        }
        return new CreateIndex(location(context), qualifiedName(context.name), qualifiedName(context.table), columns,
                optionalExpression(context.booleanExpression()), context.UNIQUE() != null, context.EXISTS() != null);
    }

    @Override
    public Object visitDropIndex(BasaltSqlParser.DropIndexContext context)
    {
        return new DropIndex(location(context), qualifiedName(context.qualifiedName()), context.EXISTS() != null);
    }

    @Override
    public Object visitInsertInto(BasaltSqlParser.InsertIntoContext context)
    {
        ConflictAction action;
        if (context.INSERT() == null) {
            action = ConflictAction.REPLACE;
        }
        else if (context.conflict == null) {
            action = ConflictAction.ERROR;
        }
        else {
            action = switch (context.conflict.getType()) {
                case BasaltSqlLexer.REPLACE -> ConflictAction.REPLACE;
                case BasaltSqlLexer.IGNORE -> ConflictAction.IGNORE;
                default -> ConflictAction.ERROR;
            };
        }
        Query query;
        if (context.query() != null) {
            query = query(context.query());
        }
        else {
            // DEFAULT VALUES: one row that assigns no column, so every column gets its default
            NodeLocation location = location(context.DEFAULT().getSymbol());
            if (context.columnAliases() != null) {
                throw new BasaltException(ErrorCode.SYNTAX_ERROR, "INSERT cannot have both a column list and DEFAULT VALUES", location.line(), location.column(), null);
            }
            query = new Query(location, Optional.empty(), new Values(location, List.of(List.of())), List.of(), Optional.empty(), Optional.empty());
        }
        return new Insert(location(context), qualifiedName(context.qualifiedName()), identifiers(context.columnAliases()), query, action);
    }

    @Override
    public Object visitUpdate(BasaltSqlParser.UpdateContext context)
    {
        List<Assignment> assignments = new ArrayList<>();
        for (BasaltSqlParser.AssignmentContext assignment : context.assignment()) {
            Expression value = assignment.DEFAULT() != null ? new DefaultValue(location(assignment.DEFAULT().getSymbol())) : expression(assignment.expression());
            assignments.add(new Assignment(location(assignment), identifier(assignment.identifier()), value));
        }
        return new Update(location(context), qualifiedName(context.qualifiedName()), optionalIdentifier(context.identifier()),
                assignments, optionalExpression(context.booleanExpression()));
    }

    @Override
    public Object visitDelete(BasaltSqlParser.DeleteContext context)
    {
        return new Delete(location(context), qualifiedName(context.qualifiedName()), optionalIdentifier(context.identifier()),
                optionalExpression(context.booleanExpression()));
    }

    @Override
    public Object visitAlterTable(BasaltSqlParser.AlterTableContext context)
    {
        AlterTableAction action = switch (context.alterTableAction()) {
            case BasaltSqlParser.AddColumnContext c -> new AddColumn(location(c), columnDefinition(c.columnDefinition()), c.EXISTS() != null);
            case BasaltSqlParser.DropColumnContext c -> new DropColumn(location(c), identifier(c.identifier()), c.EXISTS() != null);
            case BasaltSqlParser.RenameColumnContext c -> new RenameColumn(location(c), identifier(c.from), identifier(c.to));
            case BasaltSqlParser.RenameTableContext c -> new RenameTable(location(c), qualifiedName(c.qualifiedName()));
            default -> throw new IllegalStateException("unexpected ALTER TABLE action " + context.alterTableAction().getClass());
        };
        return new AlterTable(location(context), qualifiedName(context.qualifiedName()), action, context.EXISTS() != null);
    }

    @Override
    public Object visitCopyFrom(BasaltSqlParser.CopyFromContext context)
    {
        return new CopyFrom(location(context), qualifiedName(context.qualifiedName()), identifiers(context.columnAliases()),
                stringValue(context.path), copyOptions(context.copyOptions()));
    }

    @Override
    public Object visitCopyTo(BasaltSqlParser.CopyToContext context)
    {
        Optional<QualifiedName> table = context.qualifiedName() == null ? Optional.empty() : Optional.of(qualifiedName(context.qualifiedName()));
        Optional<Query> query = context.query() == null ? Optional.empty() : Optional.of(query(context.query()));
        return new CopyTo(location(context), table, identifiers(context.columnAliases()), query, stringValue(context.path),
                copyOptions(context.copyOptions()));
    }

    private Map<String, Expression> copyOptions(BasaltSqlParser.CopyOptionsContext context)
    {
        Map<String, Expression> options = new LinkedHashMap<>();
        if (context == null) {
            return options;
        }
        for (BasaltSqlParser.CopyOptionContext option : context.copyOption()) {
            BasaltSqlParser.CopyOptionValueContext value = option.copyOptionValue();
            Expression expression;
            if (value == null) {
                expression = new BooleanLiteral(location(option), true);
            }
            else if (value.string() != null) {
                expression = new StringLiteral(location(value), stringValue(value.string()));
            }
            else if (value.signedNumber() != null) {
                expression = signedNumber(value.signedNumber());
            }
            else if (value.booleanValue() != null) {
                expression = new BooleanLiteral(location(value), value.booleanValue().TRUE() != null);
            }
            else if (value.identifier() != null) {
                expression = new StringLiteral(location(value), identifier(value.identifier()).value());
            }
            else {
                expression = (Expression) visit(value.parameter());
            }
            addCopyOption(options, option.copyOptionName(), expression);
        }
        for (BasaltSqlParser.LegacyCopyOptionContext option : context.legacyCopyOption()) {
            Expression expression;
            if (option.string() != null) {
                expression = new StringLiteral(location(option.string()), stringValue(option.string()));
            }
            else if (option.signedNumber() != null) {
                expression = signedNumber(option.signedNumber());
            }
            else if (option.booleanValue() != null) {
                expression = new BooleanLiteral(location(option.booleanValue()), option.booleanValue().TRUE() != null);
            }
            else {
                expression = new BooleanLiteral(location(option), true);
            }
            addCopyOption(options, option.copyOptionName(), expression);
        }
        return options;
    }

    private void addCopyOption(Map<String, Expression> options, BasaltSqlParser.CopyOptionNameContext nameContext, Expression value)
    {
        String name = nameContext.NULL() != null ? "null" : identifier(nameContext.identifier()).value().toLowerCase(Locale.ROOT);
        // PostgreSQL's bare CSV / BINARY and DuckDB's bare PARQUET name the format
        if ((name.equals("csv") || name.equals("binary") || name.equals("parquet") || name.equals("json"))
                && value instanceof BooleanLiteral flag && flag.value()) {
            value = new StringLiteral(value.location(), name);
            name = "format";
        }
        if (options.putIfAbsent(name, value) != null) {
            throw error(nameContext, "conflicting or redundant COPY option \"" + name + "\"");
        }
    }

    private Expression signedNumber(BasaltSqlParser.SignedNumberContext context)
    {
        Expression number = (Expression) visit(context.number());
        if (context.MINUS() == null) {
            return number;
        }
        NodeLocation location = location(context);
        return switch (number) {
            case LongLiteral l -> new LongLiteral(location, -l.value());
            case DecimalLiteral d -> new DecimalLiteral(location, d.value().negate());
            case DoubleLiteral d -> new DoubleLiteral(location, -d.value());
            default -> new ArithmeticUnary(location, Sign.MINUS, number);
        };
    }

    @Override
    public Object visitCall(BasaltSqlParser.CallContext context)
    {
        List<CallArgument> arguments = new ArrayList<>();
        for (BasaltSqlParser.CallArgumentContext argument : context.callArgument()) {
            switch (argument) {
                case BasaltSqlParser.NamedArgumentContext named -> arguments.add(
                        new CallArgument(location(named), Optional.of(identifier(named.identifier())), expression(named.expression())));
                case BasaltSqlParser.PositionalArgumentContext positional -> {
                    Expression value = expression(positional.expression());
                    // DuckDB spells named arguments `CALL dbgen(sf = 1)`
                    if (value instanceof Comparison(NodeLocation location, ComparisonOperator operator, Expression left, Expression right)
                            && operator == ComparisonOperator.EQUAL
                            && left instanceof ColumnReference(NodeLocation ignored, QualifiedName name)
                            && name.parts().size() == 1) {
                        arguments.add(new CallArgument(location, Optional.of(name.parts().getFirst()), right));
                    }
                    else {
                        arguments.add(new CallArgument(location(positional), Optional.empty(), value));
                    }
                }
                default -> throw new IllegalStateException("unexpected argument " + argument.getClass());
            }
        }
        return new Call(location(context), qualifiedName(context.qualifiedName()), arguments);
    }

    @Override
    public Object visitSetVariable(BasaltSqlParser.SetVariableContext context)
    {
        QualifiedName name = qualifiedName(context.qualifiedName());
        if (context.DEFAULT() != null) {
            return new ResetVariable(location(context), Optional.of(name));
        }
        Expression value;
        if (context.ON() != null) {
            value = new StringLiteral(location(context.ON().getSymbol()), "on");
        }
        else {
            value = expression(context.setValue);
            // bare words (SET search_path = main) are strings, not column references
            if (value instanceof ColumnReference(NodeLocation location, QualifiedName word)) {
                value = new StringLiteral(location, word.toString());
            }
        }
        return new SetVariable(location(context), name, value);
    }

    @Override
    public Object visitResetVariable(BasaltSqlParser.ResetVariableContext context)
    {
        Optional<QualifiedName> name = context.qualifiedName() == null ? Optional.empty() : Optional.of(qualifiedName(context.qualifiedName()));
        return new ResetVariable(location(context), name);
    }

    @Override
    public Object visitBegin(BasaltSqlParser.BeginContext context)
    {
        return new Begin(location(context));
    }

    @Override
    public Object visitCommit(BasaltSqlParser.CommitContext context)
    {
        return new Commit(location(context));
    }

    @Override
    public Object visitRollback(BasaltSqlParser.RollbackContext context)
    {
        return new Rollback(location(context));
    }

    @Override
    public Object visitCheckpoint(BasaltSqlParser.CheckpointContext context)
    {
        return new Checkpoint(location(context));
    }

    @Override
    public Object visitVacuum(BasaltSqlParser.VacuumContext context)
    {
        return new Vacuum(location(context), optionalQualifiedName(context.qualifiedName()));
    }

    @Override
    public Object visitReindex(BasaltSqlParser.ReindexContext context)
    {
        return new Reindex(location(context), qualifiedName(context.qualifiedName()));
    }

    @Override
    public Object visitAnalyze(BasaltSqlParser.AnalyzeContext context)
    {
        return new Analyze(location(context), optionalQualifiedName(context.qualifiedName()));
    }

    @Override
    public Object visitShowTables(BasaltSqlParser.ShowTablesContext context)
    {
        return new ShowTables(location(context));
    }

    @Override
    public Object visitDescribe(BasaltSqlParser.DescribeContext context)
    {
        return new Describe(location(context), qualifiedName(context.qualifiedName()));
    }

    // ------------------------------------------------------------------------------------------- queries

    private Query query(BasaltSqlParser.QueryContext context)
    {
        return (Query) visit(context);
    }

    @Override
    public Object visitQuery(BasaltSqlParser.QueryContext context)
    {
        Query inner = (Query) visit(context.queryNoWith());
        if (context.with() == null) {
            return inner;
        }
        With with = (With) visit(context.with());
        if (inner.with().isPresent()) {
            // WITH a AS (...) (WITH b AS (...) SELECT ...): keep the inner query nested
            return new Query(location(context), Optional.of(with), new ParenthesizedQuery(inner.location(), inner), List.of(), Optional.empty(), Optional.empty());
        }
        return new Query(location(context), Optional.of(with), inner.body(), inner.orderBy(), inner.limit(), inner.offset());
    }

    @Override
    public Object visitWith(BasaltSqlParser.WithContext context)
    {
        List<WithQuery> queries = new ArrayList<>();
        for (BasaltSqlParser.NamedQueryContext named : context.namedQuery()) {
            queries.add(new WithQuery(location(named), identifier(named.name), identifiers(named.columnAliases()), query(named.query())));
        }
        return new With(location(context), context.RECURSIVE() != null, queries);
    }

    @Override
    public Object visitQueryNoWith(BasaltSqlParser.QueryNoWithContext context)
    {
        QueryBody body = (QueryBody) visit(context.queryTerm());
        List<OrderItem> orderBy = sortItems(context.sortItem());
        Optional<Expression> limit = Optional.empty();
        Optional<Expression> offset = Optional.empty();
        BasaltSqlParser.LimitClauseContext limitClause = context.limitClause();
        if (limitClause != null) {
            if (limitClause.offset != null) {
                offset = Optional.of(expression(limitClause.offset));
            }
            if (limitClause.limit != null && limitClause.limit.ALL() == null) {
                limit = Optional.of(expression(limitClause.limit.expression()));
            }
            BasaltSqlParser.FetchFirstContext fetch = limitClause.fetchFirst();
            if (fetch != null) {
                limit = Optional.of(fetch.expression() == null ? new LongLiteral(location(fetch), 1) : expression(fetch.expression()));
            }
        }
        // "(SELECT ...)" as a whole query is just that query
        if (body instanceof ParenthesizedQuery(NodeLocation ignored, Query nested) && orderBy.isEmpty() && limitClause == null) {
            return nested;
        }
        return new Query(location(context), Optional.empty(), body, orderBy, limit, offset);
    }

    @Override
    public Object visitQueryTermDefault(BasaltSqlParser.QueryTermDefaultContext context)
    {
        return visit(context.queryPrimary());
    }

    @Override
    public Object visitSetOperation(BasaltSqlParser.SetOperationContext context)
    {
        SetOperator operator = switch (context.operator.getType()) {
            case BasaltSqlLexer.UNION -> SetOperator.UNION;
            case BasaltSqlLexer.INTERSECT -> SetOperator.INTERSECT;
            case BasaltSqlLexer.EXCEPT -> SetOperator.EXCEPT;
            default -> throw new IllegalStateException("unexpected set operator " + context.operator.getText());
        };
        boolean all = context.setQuantifier() != null && context.setQuantifier().ALL() != null;
        return new SetOperation(location(context), operator, all, (QueryBody) visit(context.left), (QueryBody) visit(context.right));
    }

    @Override
    public Object visitQueryPrimaryDefault(BasaltSqlParser.QueryPrimaryDefaultContext context)
    {
        return visit(context.querySpecification());
    }

    @Override
    public Object visitInlineTable(BasaltSqlParser.InlineTableContext context)
    {
        List<List<Expression>> rows = new ArrayList<>();
        for (BasaltSqlParser.ValuesRowContext row : context.valuesRow()) {
            List<Expression> items = new ArrayList<>(row.valuesItem().size());
            for (BasaltSqlParser.ValuesItemContext item : row.valuesItem()) {
                items.add(item.DEFAULT() != null ? new DefaultValue(location(item)) : expression(item.expression()));
            }
            rows.add(items);
        }
        return new Values(location(context), rows);
    }

    @Override
    public Object visitSubquery(BasaltSqlParser.SubqueryContext context)
    {
        return new ParenthesizedQuery(location(context), query(context.query()));
    }

    @Override
    public Object visitQuerySpecification(BasaltSqlParser.QuerySpecificationContext context)
    {
        List<SelectItem> selectItems = new ArrayList<>();
        for (BasaltSqlParser.SelectItemContext item : context.selectItem()) {
            selectItems.add((SelectItem) visit(item));
        }
        List<Relation> from = new ArrayList<>();
        for (BasaltSqlParser.RelationContext relation : context.relation()) {
            from.add((Relation) visit(relation));
        }
        Optional<GroupBy> groupBy = Optional.empty();
        if (context.GROUP() != null) {
            List<GroupingElement> elements = new ArrayList<>();
            for (BasaltSqlParser.GroupingElementContext element : context.groupingElement()) {
                elements.add((GroupingElement) visit(element));
            }
            groupBy = Optional.of(new GroupBy(location(context.GROUP().getSymbol()), elements));
        }
        List<WindowDefinition> windows = new ArrayList<>();
        for (BasaltSqlParser.WindowDefinitionContext window : context.windowDefinition()) {
            windows.add(new WindowDefinition(location(window), identifier(window.name), windowSpecification(window.windowSpecification())));
        }
        boolean distinct = context.setQuantifier() != null && context.setQuantifier().DISTINCT() != null;
        List<Expression> distinctOn = context.distinctOn() == null ? List.of() : expressions(context.distinctOn().expression());
        return new QuerySpecification(location(context), distinct, selectItems, from, optionalExpression(context.where),
                groupBy, optionalExpression(context.having), windows, distinctOn, optionalExpression(context.qualify));
    }

    @Override
    public Object visitSelectAll(BasaltSqlParser.SelectAllContext context)
    {
        return new AllColumns(location(context), Optional.empty());
    }

    @Override
    public Object visitSelectQualifiedAll(BasaltSqlParser.SelectQualifiedAllContext context)
    {
        return new AllColumns(location(context), Optional.of(qualifiedName(context.qualifiedName())));
    }

    @Override
    public Object visitSelectSingle(BasaltSqlParser.SelectSingleContext context)
    {
        return new SingleColumn(location(context), expression(context.expression()), optionalIdentifier(context.identifier()));
    }

    @Override
    public Object visitRollup(BasaltSqlParser.RollupContext context)
    {
        return new Rollup(location(context), expressions(context.expression()));
    }

    @Override
    public Object visitCube(BasaltSqlParser.CubeContext context)
    {
        return new Cube(location(context), expressions(context.expression()));
    }

    @Override
    public Object visitGroupingSets(BasaltSqlParser.GroupingSetsContext context)
    {
        List<List<Expression>> sets = new ArrayList<>();
        for (BasaltSqlParser.GroupingSetContext set : context.groupingSet()) {
            sets.add(expressions(set.expression()));
        }
        return new GroupingSets(location(context), sets);
    }

    @Override
    public Object visitSingleGroupingSet(BasaltSqlParser.SingleGroupingSetContext context)
    {
        return new GroupingExpression(location(context), expression(context.expression()));
    }

    private List<OrderItem> sortItems(List<BasaltSqlParser.SortItemContext> contexts)
    {
        List<OrderItem> items = new ArrayList<>(contexts.size());
        for (BasaltSqlParser.SortItemContext context : contexts) {
            SortOrder ordering = context.ordering != null && context.ordering.getType() == BasaltSqlLexer.DESC
                    ? SortOrder.DESCENDING
                    : SortOrder.ASCENDING;
            NullOrdering nullOrdering = NullOrdering.UNSPECIFIED;
            if (context.nullOrdering != null) {
                nullOrdering = context.nullOrdering.getType() == BasaltSqlLexer.FIRST ? NullOrdering.FIRST : NullOrdering.LAST;
            }
            items.add(new OrderItem(location(context), expression(context.expression()), ordering, nullOrdering));
        }
        return items;
    }

    // ------------------------------------------------------------------------------------------- relations

    @Override
    public Object visitCrossJoin(BasaltSqlParser.CrossJoinContext context)
    {
        return new Join(location(context), JoinType.CROSS, (Relation) visit(context.left), (Relation) visit(context.right), Optional.empty());
    }

    @Override
    public Object visitQualifiedJoin(BasaltSqlParser.QualifiedJoinContext context)
    {
        JoinType type = joinType(context.joinType());
        Relation left = (Relation) visit(context.left);
        Relation right = (Relation) visit(context.right);
        BasaltSqlParser.JoinCriteriaContext criteriaContext = context.joinCriteria();
        if (criteriaContext == null) {
            if (type != JoinType.INNER) {
                throw error(context.right, type + " JOIN requires an ON or USING clause");
            }
            // SQLite's "a JOIN b" without a condition is a cross join
            return new Join(location(context), JoinType.CROSS, left, right, Optional.empty());
        }
        JoinCriteria criteria;
        if (criteriaContext.ON() != null) {
            criteria = new JoinOn(location(criteriaContext), expression(criteriaContext.booleanExpression()));
        }
        else {
            List<Identifier> columns = new ArrayList<>();
            for (BasaltSqlParser.IdentifierContext column : criteriaContext.identifier()) {
                columns.add(identifier(column));
            }
            criteria = new JoinUsing(location(criteriaContext), columns);
        }
        return new Join(location(context), type, left, right, Optional.of(criteria));
    }

    @Override
    public Object visitNaturalJoin(BasaltSqlParser.NaturalJoinContext context)
    {
        return new Join(location(context), joinType(context.joinType()), (Relation) visit(context.left), (Relation) visit(context.right),
                Optional.of(new NaturalJoin(location(context.NATURAL().getSymbol()))));
    }

    private static JoinType joinType(BasaltSqlParser.JoinTypeContext context)
    {
        if (context.LEFT() != null) {
            return JoinType.LEFT;
        }
        if (context.RIGHT() != null) {
            return JoinType.RIGHT;
        }
        if (context.FULL() != null) {
            return JoinType.FULL;
        }
        return JoinType.INNER;
    }

    @Override
    public Object visitRelationDefault(BasaltSqlParser.RelationDefaultContext context)
    {
        return visit(context.aliasedRelation());
    }

    @Override
    public Object visitAliasedRelation(BasaltSqlParser.AliasedRelationContext context)
    {
        Relation relation = (Relation) visit(context.relationPrimary());
        if (context.identifier() == null) {
            return relation;
        }
        Optional<Identifier> alias = Optional.of(identifier(context.identifier()));
        List<Identifier> columnAliases = identifiers(context.columnAliases());
        return switch (relation) {
            case Table t when t.alias().isEmpty() -> new Table(t.location(), t.name(), alias, columnAliases);
            case SubqueryRelation s when s.alias().isEmpty() -> new SubqueryRelation(s.location(), s.query(), alias, columnAliases);
            case TableFunctionRelation f when f.alias().isEmpty() -> new TableFunctionRelation(f.location(), f.name(), f.arguments(), alias, columnAliases);
            default -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "an alias for a parenthesized join is not supported" + at(location(context.identifier())),
                    location(context.identifier()).line(), location(context.identifier()).column(), null);
        };
    }

    @Override
    public Object visitTableName(BasaltSqlParser.TableNameContext context)
    {
        return new Table(location(context), qualifiedName(context.qualifiedName()), Optional.empty(), List.of());
    }

    @Override
    public Object visitTableFunction(BasaltSqlParser.TableFunctionContext context)
    {
        return new TableFunctionRelation(location(context), qualifiedName(context.qualifiedName()), expressions(context.expression()),
                Optional.empty(), List.of());
    }

    @Override
    public Object visitSubqueryRelation(BasaltSqlParser.SubqueryRelationContext context)
    {
        return new SubqueryRelation(location(context), query(context.query()), Optional.empty(), List.of());
    }

    @Override
    public Object visitParenthesizedRelation(BasaltSqlParser.ParenthesizedRelationContext context)
    {
        return visit(context.relation());
    }

    // ------------------------------------------------------------------------------------------- boolean expressions

    @Override
    public Object visitExpression(BasaltSqlParser.ExpressionContext context)
    {
        return visit(context.booleanExpression());
    }

    @Override
    public Object visitLogicalNot(BasaltSqlParser.LogicalNotContext context)
    {
        return new Not(location(context), expression(context.booleanExpression()));
    }

    @Override
    public Object visitAnd(BasaltSqlParser.AndContext context)
    {
        return logicalChain(context);
    }

    @Override
    public Object visitOr(BasaltSqlParser.OrContext context)
    {
        return logicalChain(context);
    }

    /**
     * Builds a left-deep AND/OR chain iteratively: a generated "a = 1 OR a = 2 OR ..." with thousands of terms
     * must not overflow the stack here.
     */
    private Expression logicalChain(BasaltSqlParser.BooleanExpressionContext context)
    {
        Deque<BasaltSqlParser.BooleanExpressionContext> spine = new ArrayDeque<>();
        BasaltSqlParser.BooleanExpressionContext current = context;
        while (true) {
            if (current instanceof BasaltSqlParser.AndContext and) {
                spine.push(and);
                current = and.left;
            }
            else if (current instanceof BasaltSqlParser.OrContext or) {
                spine.push(or);
                current = or.left;
            }
            else {
                break;
            }
        }
        Expression result = expression(current);
        while (!spine.isEmpty()) {
            BasaltSqlParser.BooleanExpressionContext operation = spine.pop();
            result = operation instanceof BasaltSqlParser.AndContext and
                    ? new Logical(location(and), LogicalOperator.AND, result, expression(and.right))
                    : new Logical(location(operation), LogicalOperator.OR, result, expression(((BasaltSqlParser.OrContext) operation).right));
        }
        return result;
    }

    @Override
    public Object visitPredicated(BasaltSqlParser.PredicatedContext context)
    {
        Expression value = expression(context.valueExpression());
        if (context.predicate() == null) {
            return value;
        }
        return predicate(context.predicate(), value, location(context));
    }

    private Expression predicate(BasaltSqlParser.PredicateContext predicate, Expression value, NodeLocation location)
    {
        return switch (predicate) {
            case BasaltSqlParser.ComparisonContext c -> new Comparison(location, comparisonOperator(c.comparisonOperator()), value, expression(c.right));
            case BasaltSqlParser.QuantifiedComparisonContext c -> new QuantifiedComparison(location, comparisonOperator(c.comparisonOperator()),
                    c.comparisonQuantifier().ALL() != null ? Quantifier.ALL : Quantifier.ANY, value, query(c.query()));
            case BasaltSqlParser.BetweenContext c -> new Between(location, value, expression(c.lower), expression(c.upper), c.NOT() != null);
            case BasaltSqlParser.InListContext c -> new InList(location, value, expressions(c.expression()), c.NOT() != null);
            case BasaltSqlParser.InSubqueryContext c -> new InSubquery(location, value, query(c.query()), c.NOT() != null);
            case BasaltSqlParser.InTableContext c -> {
                // SQLite's "x IN t" means "x IN (SELECT * FROM t)"
                NodeLocation tableLocation = location(c.qualifiedName());
                QuerySpecification select = new QuerySpecification(tableLocation, false, List.of(new AllColumns(tableLocation, Optional.empty())),
                        List.of(new Table(tableLocation, qualifiedName(c.qualifiedName()), Optional.empty(), List.of())),
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of());
                yield new InSubquery(location, value, new Query(tableLocation, Optional.empty(), select, List.of(), Optional.empty(), Optional.empty()),
                        c.NOT() != null);
            }
            case BasaltSqlParser.LikeContext c -> new Like(location, value, expression(c.pattern), optionalExpression(c.escape),
                    c.NOT() != null, c.op.getType() == BasaltSqlLexer.ILIKE);
            case BasaltSqlParser.NullPredicateContext c -> c.NOT() != null ? new IsNotNull(location, value) : new IsNull(location, value);
            case BasaltSqlParser.SqliteNullPredicateContext c -> c.ISNULL() != null ? new IsNull(location, value) : new IsNotNull(location, value);
            case BasaltSqlParser.DistinctFromContext c -> new Comparison(location,
                    c.NOT() != null ? ComparisonOperator.IS_NOT_DISTINCT_FROM : ComparisonOperator.IS_DISTINCT_FROM, value, expression(c.right));
            case BasaltSqlParser.TruthPredicateContext c -> {
                // x IS TRUE is x IS NOT DISTINCT FROM TRUE: never null
                BooleanLiteral truth = new BooleanLiteral(location(c.booleanValue()), c.booleanValue().TRUE() != null);
                yield new Comparison(location, c.NOT() != null ? ComparisonOperator.IS_DISTINCT_FROM : ComparisonOperator.IS_NOT_DISTINCT_FROM,
                        value, truth);
            }
            default -> throw new IllegalStateException("unexpected predicate " + predicate.getClass());
        };
    }

    private static ComparisonOperator comparisonOperator(BasaltSqlParser.ComparisonOperatorContext context)
    {
        Token token = (Token) context.getChild(0).getPayload();
        return switch (token.getType()) {
            case BasaltSqlLexer.EQ -> ComparisonOperator.EQUAL;
            case BasaltSqlLexer.NEQ -> ComparisonOperator.NOT_EQUAL;
            case BasaltSqlLexer.LT -> ComparisonOperator.LESS_THAN;
            case BasaltSqlLexer.LTE -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case BasaltSqlLexer.GT -> ComparisonOperator.GREATER_THAN;
            case BasaltSqlLexer.GTE -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalStateException("unexpected comparison " + token.getText());
        };
    }

    // ------------------------------------------------------------------------------------------- value expressions

    @Override
    public Object visitValueExpressionDefault(BasaltSqlParser.ValueExpressionDefaultContext context)
    {
        return visit(context.primaryExpression());
    }

    @Override
    public Object visitArithmeticUnary(BasaltSqlParser.ArithmeticUnaryContext context)
    {
        Sign sign = context.operator.getType() == BasaltSqlLexer.MINUS ? Sign.MINUS : Sign.PLUS;
        Expression value = expression(context.valueExpression());
        // like PostgreSQL, "-" directly before a number is part of the literal, so -9223372036854775808 is a BIGINT
        boolean numberToken = context.valueExpression() instanceof BasaltSqlParser.ValueExpressionDefaultContext operand
                && operand.primaryExpression() instanceof BasaltSqlParser.NumericLiteralContext;
        if (sign == Sign.MINUS && numberToken) {
            NodeLocation location = location(context);
            switch (value) {
                case LongLiteral l -> {
                    return new LongLiteral(location, -l.value());
                }
                case DecimalLiteral d -> {
                    BigDecimal negated = d.value().negate();
                    if (negated.scale() <= 0 && negated.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) == 0
                            && context.valueExpression().getText().indexOf('.') < 0) {
                        return new LongLiteral(location, Long.MIN_VALUE);
                    }
                    return new DecimalLiteral(location, negated);
                }
                case DoubleLiteral d -> {
                    return new DoubleLiteral(location, -d.value());
                }
                default -> {
                    // not a number literal: keep the operator
                }
            }
        }
        return new ArithmeticUnary(location(context), sign, value);
    }

    @Override
    public Object visitArithmeticBinary(BasaltSqlParser.ArithmeticBinaryContext context)
    {
        return binaryChain(context);
    }

    @Override
    public Object visitConcatenation(BasaltSqlParser.ConcatenationContext context)
    {
        return binaryChain(context);
    }

    /** Like {@link #logicalChain}: left-deep arithmetic and || chains are built without recursion. */
    private Expression binaryChain(BasaltSqlParser.ValueExpressionContext context)
    {
        Deque<BasaltSqlParser.ValueExpressionContext> spine = new ArrayDeque<>();
        BasaltSqlParser.ValueExpressionContext current = context;
        while (true) {
            if (current instanceof BasaltSqlParser.ArithmeticBinaryContext arithmetic) {
                spine.push(arithmetic);
                current = arithmetic.left;
            }
            else if (current instanceof BasaltSqlParser.ConcatenationContext concatenation) {
                spine.push(concatenation);
                current = concatenation.left;
            }
            else {
                break;
            }
        }
        Expression result = expression(current);
        while (!spine.isEmpty()) {
            BasaltSqlParser.ValueExpressionContext operation = spine.pop();
            if (operation instanceof BasaltSqlParser.ArithmeticBinaryContext arithmetic) {
                result = new ArithmeticBinary(location(arithmetic), arithmeticOperator(arithmetic.operator), result, expression(arithmetic.right));
            }
            else {
                BasaltSqlParser.ConcatenationContext concatenation = (BasaltSqlParser.ConcatenationContext) operation;
                result = new Concat(location(concatenation), result, expression(concatenation.right));
            }
        }
        return result;
    }

    private static ArithmeticOperator arithmeticOperator(Token operator)
    {
        return switch (operator.getType()) {
            case BasaltSqlLexer.PLUS -> ArithmeticOperator.ADD;
            case BasaltSqlLexer.MINUS -> ArithmeticOperator.SUBTRACT;
            case BasaltSqlLexer.ASTERISK -> ArithmeticOperator.MULTIPLY;
            case BasaltSqlLexer.SLASH -> ArithmeticOperator.DIVIDE;
            case BasaltSqlLexer.PERCENT -> ArithmeticOperator.MODULUS;
            case BasaltSqlLexer.DOUBLE_SLASH -> ArithmeticOperator.INTEGER_DIVIDE;
            default -> throw new IllegalStateException("unexpected operator " + operator.getText());
        };
    }

    // ------------------------------------------------------------------------------------------- primary expressions

    @Override
    public Object visitNullLiteral(BasaltSqlParser.NullLiteralContext context)
    {
        return new NullLiteral(location(context));
    }

    @Override
    public Object visitBooleanLiteral(BasaltSqlParser.BooleanLiteralContext context)
    {
        return new BooleanLiteral(location(context), context.booleanValue().TRUE() != null);
    }

    @Override
    public Object visitStringLiteral(BasaltSqlParser.StringLiteralContext context)
    {
        return new StringLiteral(location(context), stringValue(context.string()));
    }

    @Override
    public Object visitBinaryLiteral(BasaltSqlParser.BinaryLiteralContext context)
    {
        String text = context.getText();
        String digits = text.substring(2, text.length() - 1);
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw error(context, "invalid hexadecimal digit '" + digits.charAt(i) + "' in binary literal " + text,
                        ErrorCode.INVALID_TEXT_REPRESENTATION);
            }
        }
        if (digits.length() % 2 != 0) {
            throw error(context, "binary literal " + text + " must have an even number of hexadecimal digits",
                    ErrorCode.INVALID_TEXT_REPRESENTATION);
        }
        return new BinaryLiteral(location(context), digits.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public Object visitNumericLiteral(BasaltSqlParser.NumericLiteralContext context)
    {
        return visit(context.number());
    }

    @Override
    public Object visitIntegerLiteral(BasaltSqlParser.IntegerLiteralContext context)
    {
        String text = context.getText();
        try {
            return new LongLiteral(location(context), Long.parseLong(text));
        }
        catch (NumberFormatException e) {
            BigDecimal value = new BigDecimal(text);
            if (value.precision() > MAX_DECIMAL_DIGITS) {
                NodeLocation location = location(context);
                throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                        "integer literal " + text + " is out of range (more than " + MAX_DECIMAL_DIGITS + " digits)" + at(location),
                        location.line(), location.column(), null);
            }
            return new DecimalLiteral(location(context), value);
        }
    }

    @Override
    public Object visitDecimalLiteral(BasaltSqlParser.DecimalLiteralContext context)
    {
        BigDecimal value = new BigDecimal(context.getText());
        if (value.precision() > MAX_DECIMAL_DIGITS) {
            // like DuckDB: a decimal literal wider than DECIMAL(38) is a DOUBLE
            return new DoubleLiteral(location(context), value.doubleValue());
        }
        return new DecimalLiteral(location(context), value);
    }

    @Override
    public Object visitDoubleLiteral(BasaltSqlParser.DoubleLiteralContext context)
    {
        double value = Double.parseDouble(context.getText());
        if (Double.isInfinite(value)) {
            throw error(context, "floating-point literal " + context.getText() + " is out of range", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        }
        return new DoubleLiteral(location(context), value);
    }

    @Override
    public Object visitDateLiteral(BasaltSqlParser.DateLiteralContext context)
    {
        return new DateLiteral(location(context), stringValue(context.string()));
    }

    @Override
    public Object visitTimestampLiteral(BasaltSqlParser.TimestampLiteralContext context)
    {
        return new TimestampLiteral(location(context), stringValue(context.string()));
    }

    @Override
    public Object visitTypeConstructor(BasaltSqlParser.TypeConstructorContext context)
    {
        Identifier type = identifier(context.identifier());
        String value = stringValue(context.string());
        NodeLocation location = location(context);
        return switch (type.value().toUpperCase(Locale.ROOT)) {
            case "DATE" -> new DateLiteral(location, value);
            case "TIMESTAMP", "DATETIME" -> new TimestampLiteral(location, value);
            default -> new Cast(location, new StringLiteral(location(context.string()), value),
                    new TypeName(type.value().toUpperCase(Locale.ROOT), List.of()), false);
        };
    }

    @Override
    public Object visitIntervalLiteral(BasaltSqlParser.IntervalLiteralContext context)
    {
        BasaltSqlParser.IntervalContext interval = context.interval();
        String value = interval.string() != null ? stringValue(interval.string()) : interval.number().getText();
        if (interval.sign != null && interval.sign.getType() == BasaltSqlLexer.MINUS) {
            String trimmed = value.strip();
            value = trimmed.startsWith("-") ? trimmed.substring(1) : "-" + trimmed;
        }
        Optional<IntervalField> from = interval.from == null ? Optional.empty() : Optional.of(intervalField(interval.from));
        Optional<IntervalField> to = interval.to == null ? Optional.empty() : Optional.of(intervalField(interval.to));
        return new IntervalLiteral(location(context), value, from, to);
    }

    private static IntervalField intervalField(BasaltSqlParser.IntervalFieldContext context)
    {
        Token token = (Token) context.getChild(0).getPayload();
        return switch (token.getType()) {
            case BasaltSqlLexer.YEAR, BasaltSqlLexer.YEARS -> IntervalField.YEAR;
            case BasaltSqlLexer.QUARTER, BasaltSqlLexer.QUARTERS -> IntervalField.QUARTER;
            case BasaltSqlLexer.MONTH, BasaltSqlLexer.MONTHS -> IntervalField.MONTH;
            case BasaltSqlLexer.WEEK, BasaltSqlLexer.WEEKS -> IntervalField.WEEK;
            case BasaltSqlLexer.DAY, BasaltSqlLexer.DAYS -> IntervalField.DAY;
            case BasaltSqlLexer.HOUR, BasaltSqlLexer.HOURS -> IntervalField.HOUR;
            case BasaltSqlLexer.MINUTE, BasaltSqlLexer.MINUTES -> IntervalField.MINUTE;
            case BasaltSqlLexer.SECOND, BasaltSqlLexer.SECONDS -> IntervalField.SECOND;
            case BasaltSqlLexer.MILLISECOND, BasaltSqlLexer.MILLISECONDS -> IntervalField.MILLISECOND;
            case BasaltSqlLexer.MICROSECOND, BasaltSqlLexer.MICROSECONDS -> IntervalField.MICROSECOND;
            default -> throw new IllegalStateException("unexpected interval field " + token.getText());
        };
    }

    @Override
    public Object visitPositionalParameter(BasaltSqlParser.PositionalParameterContext context)
    {
        int position = Arrays.binarySearch(questionMarkTokens, context.QUESTION_MARK().getSymbol().getTokenIndex());
        return new Parameter(location(context), position + 1);
    }

    @Override
    public Object visitNumberedParameter(BasaltSqlParser.NumberedParameterContext context)
    {
        String text = context.getText().substring(1);
        try {
            int position = Integer.parseInt(text);
            if (position < 1) {
                throw error(context, "parameter $" + text + " is out of range");
            }
            return new Parameter(location(context), position);
        }
        catch (NumberFormatException e) {
            throw error(context, "parameter $" + text + " is out of range");
        }
    }

    @Override
    public Object visitParameterExpression(BasaltSqlParser.ParameterExpressionContext context)
    {
        return visit(context.parameter());
    }

    @Override
    public Object visitSpecialDateTimeFunction(BasaltSqlParser.SpecialDateTimeFunctionContext context)
    {
        NodeLocation location = location(context);
        return new FunctionCall(location, QualifiedName.of(location, context.name.getText().toLowerCase(Locale.ROOT)), List.of(),
                false, false, List.of(), Optional.empty(), Optional.empty(), false);
    }

    @Override
    public Object visitPosition(BasaltSqlParser.PositionContext context)
    {
        return new Position(location(context), expression(context.needle), expression(context.haystack));
    }

    @Override
    public Object visitSubstring(BasaltSqlParser.SubstringContext context)
    {
        return new Substring(location(context), expression(context.valueExpression(0)), expression(context.start), optionalExpression(context.length));
    }

    @Override
    public Object visitTrim(BasaltSqlParser.TrimContext context)
    {
        return new Trim(location(context), trimSpecification(context.trimSpecification()), optionalExpression(context.chars),
                expression(context.value));
    }

    @Override
    public Object visitTrimSpecificationOnly(BasaltSqlParser.TrimSpecificationOnlyContext context)
    {
        return new Trim(location(context), trimSpecification(context.trimSpecification()), Optional.empty(), expression(context.value));
    }

    private static TrimSpecification trimSpecification(BasaltSqlParser.TrimSpecificationContext context)
    {
        if (context == null || context.BOTH() != null) {
            return TrimSpecification.BOTH;
        }
        return context.LEADING() != null ? TrimSpecification.LEADING : TrimSpecification.TRAILING;
    }

    @Override
    public Object visitExtract(BasaltSqlParser.ExtractContext context)
    {
        String field = context.identifier() != null ? identifier(context.identifier()).value() : stringValue(context.string());
        return new Extract(location(context), field.toUpperCase(Locale.ROOT), expression(context.valueExpression()));
    }

    @Override
    public Object visitCast(BasaltSqlParser.CastContext context)
    {
        return new Cast(location(context), expression(context.expression()), type(context.type()), context.TRY_CAST() != null);
    }

    @Override
    public Object visitDoubleColonCast(BasaltSqlParser.DoubleColonCastContext context)
    {
        return new Cast(location(context), expression(context.primaryExpression()), type(context.type()), false);
    }

    @Override
    public Object visitFunctionCall(BasaltSqlParser.FunctionCallContext context)
    {
        NodeLocation location = location(context);
        QualifiedName name = functionName(context.functionName());
        boolean star = context.ASTERISK() != null;
        boolean distinct = context.setQuantifier() != null && context.setQuantifier().DISTINCT() != null;
        List<Expression> arguments = expressions(context.expression());
        List<OrderItem> orderBy = sortItems(context.sortItem());
        if (context.withinGroup() != null) {
            // f(args) WITHIN GROUP (ORDER BY x) (ordered-set aggregates): the sort keys are the call's ORDER BY
            if (!orderBy.isEmpty()) {
                throw new BasaltException(ErrorCode.SYNTAX_ERROR, "ORDER BY and WITHIN GROUP cannot both be given" + at(location),
                        location.line(), location.column(), null);
            }
            orderBy = sortItems(context.withinGroup().sortItem());
        }
        Optional<Expression> filter = context.filter() == null ? Optional.empty() : Optional.of(expression(context.filter().booleanExpression()));
        Optional<WindowSpecification> window = Optional.empty();
        if (context.over() != null) {
            BasaltSqlParser.OverContext over = context.over();
            window = Optional.of(over.windowName != null
                    ? new WindowSpecification(location(over), Optional.of(identifier(over.windowName)), List.of(), List.of(), Optional.empty())
                    : windowSpecification(over.windowSpecification()));
        }
        boolean ignoreNulls = context.nullTreatment() != null && context.nullTreatment().IGNORE() != null;

        boolean plain = !star && !distinct && orderBy.isEmpty() && filter.isEmpty() && window.isEmpty() && name.parts().size() == 1;
        if (plain) {
            // the comma forms of functions that also have special syntax get the same node
            String simpleName = name.suffix();
            if (simpleName.equals("substring") && (arguments.size() == 2 || arguments.size() == 3)) {
                return new Substring(location, arguments.get(0), arguments.get(1),
                        arguments.size() == 3 ? Optional.of(arguments.get(2)) : Optional.empty());
            }
            if (simpleName.equals("trim") && (arguments.size() == 1 || arguments.size() == 2)) {
                return new Trim(location, TrimSpecification.BOTH, arguments.size() == 2 ? Optional.of(arguments.get(1)) : Optional.empty(),
                        arguments.get(0));
            }
        }
        return new FunctionCall(location, name, arguments, distinct, star, orderBy, filter, window, ignoreNulls);
    }

    private QualifiedName functionName(BasaltSqlParser.FunctionNameContext context)
    {
        if (context.qualifiedName() != null) {
            return qualifiedName(context.qualifiedName());
        }
        return QualifiedName.of(location(context), context.getText().toLowerCase(Locale.ROOT));
    }

    private WindowSpecification windowSpecification(BasaltSqlParser.WindowSpecificationContext context)
    {
        Optional<WindowFrame> frame = Optional.empty();
        BasaltSqlParser.WindowFrameContext frameContext = context.windowFrame();
        if (frameContext != null) {
            FrameType type = switch (frameContext.frameType.getType()) {
                case BasaltSqlLexer.ROWS -> FrameType.ROWS;
                case BasaltSqlLexer.RANGE -> FrameType.RANGE;
                default -> FrameType.GROUPS;
            };
            Optional<FrameBound> end = frameContext.end == null ? Optional.empty() : Optional.of(frameBound(frameContext.end));
            frame = Optional.of(new WindowFrame(location(frameContext), type, frameBound(frameContext.start), end));
        }
        List<Expression> partitionBy = new ArrayList<>();
        for (BasaltSqlParser.ExpressionContext partition : context.partition) {
            partitionBy.add(expression(partition));
        }
        return new WindowSpecification(location(context), optionalIdentifier(context.existingWindowName), partitionBy,
                sortItems(context.sortItem()), frame);
    }

    private FrameBound frameBound(BasaltSqlParser.FrameBoundContext context)
    {
        return switch (context) {
            case BasaltSqlParser.UnboundedFrameContext c -> new FrameBound(location(c),
                    c.boundType.getType() == BasaltSqlLexer.PRECEDING ? FrameBoundType.UNBOUNDED_PRECEDING : FrameBoundType.UNBOUNDED_FOLLOWING,
                    Optional.empty());
            case BasaltSqlParser.CurrentRowBoundContext c -> new FrameBound(location(c), FrameBoundType.CURRENT_ROW, Optional.empty());
            case BasaltSqlParser.BoundedFrameContext c -> new FrameBound(location(c),
                    c.boundType.getType() == BasaltSqlLexer.PRECEDING ? FrameBoundType.PRECEDING : FrameBoundType.FOLLOWING,
                    Optional.of(expression(c.expression())));
            default -> throw new IllegalStateException("unexpected frame bound " + context.getClass());
        };
    }

    @Override
    public Object visitExists(BasaltSqlParser.ExistsContext context)
    {
        return new Exists(location(context), query(context.query()));
    }

    @Override
    public Object visitSimpleCase(BasaltSqlParser.SimpleCaseContext context)
    {
        return new SimpleCase(location(context), expression(context.operand), whenClauses(context.whenClause()),
                optionalExpression(context.elseExpression));
    }

    @Override
    public Object visitSearchedCase(BasaltSqlParser.SearchedCaseContext context)
    {
        return new SearchedCase(location(context), whenClauses(context.whenClause()), optionalExpression(context.elseExpression));
    }

    private List<WhenClause> whenClauses(List<BasaltSqlParser.WhenClauseContext> contexts)
    {
        List<WhenClause> clauses = new ArrayList<>(contexts.size());
        for (BasaltSqlParser.WhenClauseContext context : contexts) {
            clauses.add(new WhenClause(location(context), expression(context.condition), expression(context.result)));
        }
        return clauses;
    }

    @Override
    public Object visitSubqueryExpression(BasaltSqlParser.SubqueryExpressionContext context)
    {
        return new ScalarSubquery(location(context), query(context.query()));
    }

    @Override
    public Object visitParenthesizedExpression(BasaltSqlParser.ParenthesizedExpressionContext context)
    {
        return visit(context.expression());
    }

    @Override
    public Object visitColumnReference(BasaltSqlParser.ColumnReferenceContext context)
    {
        return new ColumnReference(location(context), qualifiedName(context.qualifiedName()));
    }

    // ------------------------------------------------------------------------------------------- types

    private TypeName type(BasaltSqlParser.TypeContext context)
    {
        return switch (context) {
            case BasaltSqlParser.DoublePrecisionTypeContext c -> new TypeName("DOUBLE PRECISION", List.of());
            case BasaltSqlParser.VaryingCharacterTypeContext c -> new TypeName("CHARACTER VARYING", typeParameters(c.typeParameters()));
            case BasaltSqlParser.TimestampTypeContext c -> new TypeName(c.WITHOUT() != null ? "TIMESTAMP WITHOUT TIME ZONE" : "TIMESTAMP", List.of());
            case BasaltSqlParser.TimestampWithTimeZoneTypeContext c -> new TypeName("TIMESTAMP WITH TIME ZONE", List.of());
            case BasaltSqlParser.SimpleTypeContext c -> new TypeName(identifier(c.identifier()).value().toUpperCase(Locale.ROOT),
                    typeParameters(c.typeParameters()));
            default -> throw new IllegalStateException("unexpected type " + context.getClass());
        };
    }

    private List<Integer> typeParameters(BasaltSqlParser.TypeParametersContext context)
    {
        if (context == null) {
            return List.of();
        }
        List<Integer> parameters = new ArrayList<>();
        for (org.antlr.v4.runtime.tree.TerminalNode value : context.INTEGER_VALUE()) {
            try {
                parameters.add(Integer.parseInt(value.getText()));
            }
            catch (NumberFormatException e) {
                throw error(value.getSymbol(), "type parameter " + value.getText() + " is out of range");
            }
        }
        return parameters;
    }

    // ------------------------------------------------------------------------------------------- names and strings

    private QualifiedName qualifiedName(BasaltSqlParser.QualifiedNameContext context)
    {
        List<Identifier> parts = new ArrayList<>();
        for (BasaltSqlParser.IdentifierContext part : context.identifier()) {
            parts.add(identifier(part));
        }
        return new QualifiedName(location(context), parts);
    }

    private Optional<QualifiedName> optionalQualifiedName(BasaltSqlParser.QualifiedNameContext context)
    {
        return context == null ? Optional.empty() : Optional.of(qualifiedName(context));
    }

    private Identifier identifier(BasaltSqlParser.IdentifierContext context)
    {
        return (Identifier) visit(context);
    }

    private Optional<Identifier> optionalIdentifier(BasaltSqlParser.IdentifierContext context)
    {
        return context == null ? Optional.empty() : Optional.of(identifier(context));
    }

    private List<Identifier> identifiers(BasaltSqlParser.ColumnAliasesContext context)
    {
        if (context == null) {
            return List.of();
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (BasaltSqlParser.IdentifierContext identifier : context.identifier()) {
            identifiers.add(identifier(identifier));
        }
        return identifiers;
    }

    @Override
    public Object visitUnquotedIdentifier(BasaltSqlParser.UnquotedIdentifierContext context)
    {
        return new Identifier(location(context), context.getText().toLowerCase(Locale.ROOT), false);
    }

    @Override
    public Object visitQuotedIdentifier(BasaltSqlParser.QuotedIdentifierContext context)
    {
        return quotedIdentifier(context, '"');
    }

    @Override
    public Object visitBackQuotedIdentifier(BasaltSqlParser.BackQuotedIdentifierContext context)
    {
        return quotedIdentifier(context, '`');
    }

    private Identifier quotedIdentifier(ParserRuleContext context, char quote)
    {
        String text = context.getText();
        String value = text.substring(1, text.length() - 1).replace(String.valueOf(quote) + quote, String.valueOf(quote));
        if (value.isEmpty()) {
            throw error(context, "zero-length delimited identifier");
        }
        return new Identifier(location(context), value, true);
    }

    private String stringValue(BasaltSqlParser.StringContext context)
    {
        String text = context.getText();
        if (context instanceof BasaltSqlParser.EscapedStringLiteralContext) {
            return unescape(context, text.substring(2, text.length() - 1));
        }
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** Resolves the backslash escapes of an E'...' string (PostgreSQL's set). */
    private String unescape(ParserRuleContext context, String body)
    {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
                continue;
            }
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'x' -> {
                    int end = i + 1;
                    while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        throw error(context, "invalid hexadecimal escape in string", ErrorCode.INVALID_ESCAPE_SEQUENCE);
                    }
                    out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
                    i = end - 1;
                }
                case 'u', 'U' -> {
                    int digits = next == 'u' ? 4 : 8;
                    if (i + digits >= body.length()) {
                        throw error(context, "invalid Unicode escape in string", ErrorCode.INVALID_ESCAPE_SEQUENCE);
                    }
                    try {
                        int codePoint = Integer.parseInt(body.substring(i + 1, i + 1 + digits), 16);
                        out.appendCodePoint(codePoint);
                    }
                    catch (NumberFormatException e) {
                        throw error(context, "invalid Unicode escape in string", ErrorCode.INVALID_ESCAPE_SEQUENCE);
                    }
                    catch (IllegalArgumentException e) {
                        throw error(context, "invalid Unicode code point in string", ErrorCode.INVALID_ESCAPE_SEQUENCE);
                    }
                    i += digits;
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    }
                    else {
                        // \\, \', and any other escaped character stand for themselves
                        out.append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------- helpers

    private List<Expression> expressions(List<? extends ParserRuleContext> contexts)
    {
        List<Expression> expressions = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            expressions.add(expression(context));
        }
        return expressions;
    }

    private Optional<Expression> optionalExpression(ParserRuleContext context)
    {
        return context == null ? Optional.empty() : Optional.of(expression(context));
    }

    static NodeLocation location(ParserRuleContext context)
    {
        return location(context.getStart());
    }

    static NodeLocation location(Token token)
    {
        return new NodeLocation(Math.max(1, token.getLine()), token.getCharPositionInLine() + 1);
    }

    static String at(NodeLocation location)
    {
        return " at line " + location.line() + ", column " + location.column();
    }

    private static BasaltException error(ParserRuleContext context, String message)
    {
        return error(context, message, ErrorCode.SYNTAX_ERROR);
    }

    private static BasaltException error(ParserRuleContext context, String message, ErrorCode code)
    {
        NodeLocation location = location(context);
        return new BasaltException(code, message + at(location), location.line(), location.column(), null);
    }

    private static BasaltException error(Token token, String message)
    {
        NodeLocation location = location(token);
        return new BasaltException(ErrorCode.SYNTAX_ERROR, message + at(location), location.line(), location.column(), null);
    }

    @Override
    protected Object defaultResult()
    {
        return null;
    }

    @Override
    public Object visitChildren(org.antlr.v4.runtime.tree.RuleNode node)
    {
        // every rule that produces a node is handled explicitly; reaching here is a bug in this class
        if (node.getChildCount() == 1 && node.getChild(0) instanceof ParseTree child && !(child instanceof org.antlr.v4.runtime.tree.TerminalNode)) {
            return visit(child);
        }
        throw new IllegalStateException("AstBuilder does not handle " + node.getClass().getSimpleName());
    }
}
