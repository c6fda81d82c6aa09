package dev.basalt.parser;

import dev.basalt.parser.antlr4.BasaltSqlLexer;
import dev.basalt.parser.antlr4.BasaltSqlParser;
import dev.basalt.parser.tree.AddColumn;
import dev.basalt.parser.tree.AllColumns;
import dev.basalt.parser.tree.AlterTable;
import dev.basalt.parser.tree.Analyze;
import dev.basalt.parser.tree.ArithmeticBinary;
import dev.basalt.parser.tree.ArithmeticUnary;
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
import dev.basalt.parser.tree.Concat;
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
import dev.basalt.parser.tree.Exists;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Extract;
import dev.basalt.parser.tree.FrameBound;
import dev.basalt.parser.tree.FunctionCall;
import dev.basalt.parser.tree.GroupingElement;
import dev.basalt.parser.tree.GroupingExpression;
import dev.basalt.parser.tree.GroupingSets;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.InList;
import dev.basalt.parser.tree.InSubquery;
import dev.basalt.parser.tree.Insert;
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
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.NaturalJoin;
import dev.basalt.parser.tree.Not;
import dev.basalt.parser.tree.NullLiteral;
import dev.basalt.parser.tree.OrderItem;
import dev.basalt.parser.tree.Parameter;
import dev.basalt.parser.tree.ParenthesizedQuery;
import dev.basalt.parser.tree.Position;
import dev.basalt.parser.tree.QualifiedName;
import dev.basalt.parser.tree.QuantifiedComparison;
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
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * AST back to SQL text that this parser reads back into the same tree (positions aside). Binary operators are
 * fully parenthesized, identifiers are quoted only when needed (upper case, special characters, reserved words).
 * Used for EXPLAIN output, error messages and default column names.
 */
public final class SqlFormatter
{
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> RESERVED_WORDS = reservedWords();

    private SqlFormatter() {}

    public static String format(Statement statement)
    {
        return switch (statement) {
            case Query query -> query(query);
            case Explain e -> "EXPLAIN " + (e.analyze() ? "ANALYZE " : "") + format(e.statement());
            case CreateTable c -> {
                StringBuilder out = new StringBuilder("CREATE TABLE ");
                if (c.ifNotExists()) {
                    out.append("IF NOT EXISTS ");
                }
                out.append(name(c.name())).append(" (");
                String separator = "";
                for (ColumnDefinition column : c.columns()) {
                    out.append(separator).append(columnDefinition(column));
                    separator = ", ";
                }
                for (TableConstraint constraint : c.constraints()) {
                    out.append(separator)
                            .append(constraint.type() == TableConstraintType.PRIMARY_KEY ? "PRIMARY KEY " : "UNIQUE ")
                            .append(identifierList(constraint.columns()));
                    separator = ", ";
                }
                yield out.append(')').toString();
            }
            case CreateTableAs c -> "CREATE TABLE " + (c.ifNotExists() ? "IF NOT EXISTS " : "") + name(c.name())
                    + optionalIdentifierList(c.columnAliases()) + " AS " + query(c.query());
            case DropTable d -> "DROP TABLE " + (d.ifExists() ? "IF EXISTS " : "") + name(d.name());
            case CreateView c -> "CREATE " + (c.orReplace() ? "OR REPLACE " : "") + (c.temporary() ? "TEMPORARY " : "") + "VIEW "
                    + (c.ifNotExists() ? "IF NOT EXISTS " : "") + name(c.name()) + optionalIdentifierList(c.columnAliases())
                    + " AS " + query(c.query());
            case DropView d -> "DROP VIEW " + (d.ifExists() ? "IF EXISTS " : "") + name(d.name());
            case CreateTrigger c -> "CREATE TRIGGER " + (c.ifNotExists() ? "IF NOT EXISTS " : "") + name(c.name()) + " "
                    + c.timing().name().replace('_', ' ') + " " + c.event()
                    + (c.updateColumns().isEmpty() ? "" : " OF " + join(c.updateColumns(), SqlFormatter::identifier))
                    + " ON " + name(c.table()) + " FOR EACH ROW" + c.whenSql().map(w -> " WHEN " + w).orElse("")
                    + " BEGIN " + c.bodySql() + " END";
            case DropTrigger d -> "DROP TRIGGER " + (d.ifExists() ? "IF EXISTS " : "") + name(d.name());
            case CreateIndex c -> "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX " + (c.ifNotExists() ? "IF NOT EXISTS " : "")
                    + name(c.name()) + " ON " + name(c.table()) + " " + identifierList(c.columns())
                    + c.where().map(w -> " WHERE " + format(w)).orElse("");
            case DropIndex d -> "DROP INDEX " + (d.ifExists() ? "IF EXISTS " : "") + name(d.name());
            case Insert i -> {
                String verb = switch (i.conflictAction()) {
                    case ERROR -> "INSERT";
                    case REPLACE -> "INSERT OR REPLACE";
                    case IGNORE -> "INSERT OR IGNORE";
                };
                yield verb + " INTO " + name(i.table()) + optionalIdentifierList(i.columns()) + " " + (i.defaultValues() ? "DEFAULT VALUES" : query(i.query()));
            }
            case Update u -> "UPDATE " + name(u.table()) + u.alias().map(a -> " AS " + identifier(a)).orElse("") + " SET "
                    + join(u.assignments(), a -> identifier(a.column()) + " = " + format(a.value()))
                    + u.where().map(w -> " WHERE " + format(w)).orElse("");
            case Delete d -> "DELETE FROM " + name(d.table()) + d.alias().map(a -> " AS " + identifier(a)).orElse("")
                    + d.where().map(w -> " WHERE " + format(w)).orElse("");
            case AlterTable a -> "ALTER TABLE " + (a.ifExists() ? "IF EXISTS " : "") + name(a.table()) + " " + switch (a.action()) {
                case AddColumn add -> "ADD COLUMN " + (add.ifNotExists() ? "IF NOT EXISTS " : "") + columnDefinition(add.column());
                case DropColumn drop -> "DROP COLUMN " + (drop.ifExists() ? "IF EXISTS " : "") + identifier(drop.column());
                case RenameColumn rename -> "RENAME COLUMN " + identifier(rename.from()) + " TO " + identifier(rename.to());
                case RenameTable rename -> "RENAME TO " + name(rename.newName());
            };
            case CopyFrom c -> "COPY " + name(c.table()) + optionalIdentifierList(c.columns()) + " FROM " + string(c.path())
                    + copyOptions(c.options());
            case CopyTo c -> "COPY " + c.table().map(t -> name(t) + optionalIdentifierList(c.columns()))
                    .orElseGet(() -> "(" + query(c.query().orElseThrow()) + ")")
                    + " TO " + string(c.path()) + copyOptions(c.options());
            case Call c -> "CALL " + name(c.name()) + "(" + join(c.arguments(), SqlFormatter::callArgument) + ")";
            case SetVariable s -> "SET " + name(s.name()) + " = " + format(s.value());
            case ResetVariable r -> "RESET " + r.name().map(SqlFormatter::name).orElse("ALL");
            case Begin b -> "BEGIN";
            case Commit c -> "COMMIT";
            case Rollback r -> "ROLLBACK";
            case Checkpoint c -> "CHECKPOINT";
            case Vacuum v -> "VACUUM" + v.table().map(t -> " " + name(t)).orElse("");
            case Reindex r -> "REINDEX " + name(r.name());
            case Analyze a -> "ANALYZE" + a.table().map(t -> " " + name(t)).orElse("");
            case ShowTables s -> "SHOW TABLES";
            case Describe d -> "DESCRIBE " + name(d.table());
        };
    }

    public static String format(Expression expression)
    {
        return switch (expression) {
            case LongLiteral l -> Long.toString(l.value());
            case DecimalLiteral d -> {
                // a decimal without fraction digits keeps its "." so that it reads back as a decimal
                String text = d.value().toPlainString();
                yield text.contains(".") ? text : text + ".";
            }
            case DoubleLiteral d -> {
                String text = Double.toString(d.value());
                yield text.contains("E") ? text : text + "E0";
            }
            case StringLiteral s -> string(s.value());
            case BinaryLiteral b -> "X'" + b.hex() + "'";
            case BooleanLiteral b -> b.value() ? "TRUE" : "FALSE";
            case NullLiteral n -> "NULL";
            case DateLiteral d -> "DATE " + string(d.value());
            case TimestampLiteral t -> "TIMESTAMP " + string(t.value());
            case IntervalLiteral i -> "INTERVAL " + string(i.value()) + i.from().map(f -> " " + f.name()).orElse("")
                    + i.to().map(t -> " TO " + t.name()).orElse("");
            case ColumnReference c -> name(c.name());
            case Parameter p -> "$" + p.position();
            case ArithmeticBinary a -> "(" + format(a.left()) + " " + a.operator().symbol() + " " + format(a.right()) + ")";
            case ArithmeticUnary u -> {
                String value = format(u.value());
                String sign = u.sign() == Sign.MINUS ? "-" : "+";
                // "-5" would read back as a negative literal, and "--" would start a comment
                boolean number = u.value() instanceof LongLiteral || u.value() instanceof DecimalLiteral || u.value() instanceof DoubleLiteral;
                yield "(" + sign + (number ? "(" + value + ")" : value) + ")";
            }
            case Comparison c -> "(" + format(c.left()) + " " + c.operator().symbol() + " " + format(c.right()) + ")";
            case Logical l -> "(" + format(l.left()) + " " + l.operator().name() + " " + format(l.right()) + ")";
            case Not n -> "(NOT " + format(n.value()) + ")";
            case IsNull n -> "(" + format(n.value()) + " IS NULL)";
            case IsNotNull n -> "(" + format(n.value()) + " IS NOT NULL)";
            case Between b -> "(" + format(b.value()) + (b.negated() ? " NOT" : "") + " BETWEEN " + format(b.min()) + " AND " + format(b.max()) + ")";
            case InList i -> "(" + format(i.value()) + (i.negated() ? " NOT" : "") + " IN (" + join(i.list(), SqlFormatter::format) + "))";
            case InSubquery i -> "(" + format(i.value()) + (i.negated() ? " NOT" : "") + " IN (" + query(i.subquery()) + "))";
            case Exists e -> "EXISTS (" + query(e.subquery()) + ")";
            case ScalarSubquery s -> "(" + query(s.query()) + ")";
            case QuantifiedComparison q -> "(" + format(q.value()) + " " + q.operator().symbol() + " " + q.quantifier().name()
                    + " (" + query(q.subquery()) + "))";
            case Like l -> "(" + format(l.value()) + (l.negated() ? " NOT" : "") + (l.caseInsensitive() ? " ILIKE " : " LIKE ")
                    + format(l.pattern()) + l.escape().map(e -> " ESCAPE " + format(e)).orElse("") + ")";
            case Concat c -> "(" + format(c.left()) + " || " + format(c.right()) + ")";
            case SimpleCase c -> "CASE " + format(c.operand()) + whenClauses(c.whenClauses())
                    + c.defaultValue().map(d -> " ELSE " + format(d)).orElse("") + " END";
            case SearchedCase c -> "CASE" + whenClauses(c.whenClauses()) + c.defaultValue().map(d -> " ELSE " + format(d)).orElse("") + " END";
            case Cast c -> (c.safe() ? "TRY_CAST(" : "CAST(") + format(c.value()) + " AS " + c.type().text() + ")";
            case Extract e -> "EXTRACT(" + (isPlain(e.field().toLowerCase(Locale.ROOT)) ? e.field() : string(e.field()))
                    + " FROM " + format(e.value()) + ")";
            case FunctionCall f -> functionCall(f);
            case Substring s -> "substring(" + format(s.value()) + " FROM " + format(s.start())
                    + s.length().map(l -> " FOR " + format(l)).orElse("") + ")";
            case Position p -> "position(" + format(p.needle()) + " IN " + format(p.haystack()) + ")";
            case Trim t -> "trim(" + t.specification().name() + t.characters().map(c -> " " + format(c)).orElse("") + " FROM "
                    + format(t.value()) + ")";
            case DefaultValue d -> "DEFAULT";
        };
    }

    /** A name part, quoted when the parser would otherwise read it differently. */
    public static String identifier(String value)
    {
        if (isPlain(value)) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static boolean isPlain(String value)
    {
        return PLAIN_IDENTIFIER.matcher(value).matches() && !RESERVED_WORDS.contains(value);
    }

    private static String identifier(Identifier identifier)
    {
        return identifier(identifier.value());
    }

    private static String name(QualifiedName name)
    {
        return join(name.parts(), SqlFormatter::identifier, ".");
    }

    private static String string(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String query(Query query)
    {
        StringBuilder out = new StringBuilder();
        query.with().ifPresent(with -> out.append(with(with)).append(' '));
        out.append(queryBody(query.body()));
        if (!query.orderBy().isEmpty()) {
            out.append(" ORDER BY ").append(join(query.orderBy(), SqlFormatter::orderItem));
        }
        query.limit().ifPresent(limit -> out.append(" LIMIT ").append(format(limit)));
        query.offset().ifPresent(offset -> out.append(" OFFSET ").append(format(offset)));
        return out.toString();
    }

    private static String with(With with)
    {
        return "WITH " + (with.recursive() ? "RECURSIVE " : "") + join(with.queries(), SqlFormatter::withQuery);
    }

    private static String withQuery(WithQuery query)
    {
        return identifier(query.name()) + optionalIdentifierList(query.columnAliases()) + " AS (" + query(query.query()) + ")";
    }

    private static String queryBody(QueryBody body)
    {
        return switch (body) {
            case QuerySpecification s -> querySpecification(s);
            case SetOperation s -> setOperand(s.left()) + " " + s.operator().name() + (s.all() ? " ALL " : " ") + setOperand(s.right());
            case Values v -> "VALUES " + join(v.rows(), row -> "(" + join(row, SqlFormatter::format) + ")");
            case ParenthesizedQuery p -> "(" + query(p.query()) + ")";
        };
    }

    private static String setOperand(QueryBody body)
    {
        return body instanceof SetOperation ? "(" + queryBody(body) + ")" : queryBody(body);
    }

    private static String querySpecification(QuerySpecification specification)
    {
        StringBuilder out = new StringBuilder("SELECT ");
        if (specification.distinct()) {
            out.append("DISTINCT ");
        }
        if (!specification.distinctOn().isEmpty()) {
            out.append("DISTINCT ON (").append(join(specification.distinctOn(), SqlFormatter::format)).append(") ");
        }
        out.append(join(specification.selectItems(), SqlFormatter::selectItem));
        if (!specification.from().isEmpty()) {
            out.append(" FROM ").append(join(specification.from(), SqlFormatter::relation));
        }
        specification.where().ifPresent(where -> out.append(" WHERE ").append(format(where)));
        specification.groupBy().ifPresent(groupBy -> out.append(" GROUP BY ").append(join(groupBy.elements(), SqlFormatter::groupingElement)));
        specification.having().ifPresent(having -> out.append(" HAVING ").append(format(having)));
        if (!specification.windows().isEmpty()) {
            out.append(" WINDOW ").append(join(specification.windows(), SqlFormatter::windowDefinition));
        }
        specification.qualify().ifPresent(qualify -> out.append(" QUALIFY ").append(format(qualify)));
        return out.toString();
    }

    private static String selectItem(SelectItem item)
    {
        return switch (item) {
            case AllColumns a -> a.qualifier().map(q -> name(q) + ".*").orElse("*");
            case SingleColumn s -> format(s.expression()) + s.alias().map(a -> " AS " + identifier(a)).orElse("");
        };
    }

    private static String groupingElement(GroupingElement element)
    {
        return switch (element) {
            case GroupingExpression g -> format(g.expression());
            case Rollup r -> "ROLLUP (" + join(r.expressions(), SqlFormatter::format) + ")";
            case Cube c -> "CUBE (" + join(c.expressions(), SqlFormatter::format) + ")";
            case GroupingSets g -> "GROUPING SETS (" + join(g.sets(), set -> "(" + join(set, SqlFormatter::format) + ")") + ")";
        };
    }

    private static String windowDefinition(WindowDefinition definition)
    {
        return identifier(definition.name()) + " AS (" + windowSpecification(definition.specification()) + ")";
    }

    private static String relation(Relation relation)
    {
        return switch (relation) {
            case Table t -> name(t.name()) + alias(t.alias(), t.columnAliases());
            case SubqueryRelation s -> "(" + query(s.query()) + ")" + alias(s.alias(), s.columnAliases());
            case TableFunctionRelation f -> name(f.name()) + "(" + join(f.arguments(), SqlFormatter::format) + ")"
                    + alias(f.alias(), f.columnAliases());
            case Join j -> {
                String right = j.right() instanceof Join ? "(" + relation(j.right()) + ")" : relation(j.right());
                String left = relation(j.left());
                if (j.type() == JoinType.CROSS) {
                    yield left + " CROSS JOIN " + right;
                }
                JoinCriteria criteria = j.criteria().orElseThrow();
                String type = switch (j.type()) {
                    case INNER, CROSS -> "";
                    case LEFT -> "LEFT ";
                    case RIGHT -> "RIGHT ";
                    case FULL -> "FULL ";
                };
                yield switch (criteria) {
                    case NaturalJoin n -> left + " NATURAL " + type + "JOIN " + right;
                    case JoinOn on -> left + " " + type + "JOIN " + right + " ON " + format(on.condition());
                    case JoinUsing using -> left + " " + type + "JOIN " + right + " USING " + identifierList(using.columns());
                };
            }
        };
    }

    private static String alias(Optional<Identifier> alias, List<Identifier> columnAliases)
    {
        return alias.map(a -> " AS " + identifier(a) + optionalIdentifierList(columnAliases)).orElse("");
    }

    private static String orderItem(OrderItem item)
    {
        String nulls = switch (item.nullOrdering()) {
            case FIRST -> " NULLS FIRST";
            case LAST -> " NULLS LAST";
            case UNSPECIFIED -> "";
        };
        return format(item.expression()) + (item.ordering() == SortOrder.DESCENDING ? " DESC" : "") + nulls;
    }

    private static String functionCall(FunctionCall call)
    {
        StringBuilder out = new StringBuilder(name(call.name())).append('(');
        if (call.star()) {
            out.append('*');
        }
        else {
            if (call.distinct()) {
                out.append("DISTINCT ");
            }
            out.append(join(call.arguments(), SqlFormatter::format));
        }
        if (!call.orderBy().isEmpty()) {
            out.append(" ORDER BY ").append(join(call.orderBy(), SqlFormatter::orderItem));
        }
        out.append(')');
        call.filter().ifPresent(filter -> out.append(" FILTER (WHERE ").append(format(filter)).append(')'));
        if (call.ignoreNulls()) {
            out.append(" IGNORE NULLS");
        }
        call.window().ifPresent(window -> {
            boolean nameOnly = window.existingName().isPresent() && window.partitionBy().isEmpty() && window.orderBy().isEmpty()
                    && window.frame().isEmpty();
            out.append(" OVER ").append(nameOnly ? identifier(window.existingName().get()) : "(" + windowSpecification(window) + ")");
        });
        return out.toString();
    }

    private static String windowSpecification(WindowSpecification specification)
    {
        StringBuilder out = new StringBuilder();
        specification.existingName().ifPresent(name -> out.append(identifier(name)));
        if (!specification.partitionBy().isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append("PARTITION BY ").append(join(specification.partitionBy(), SqlFormatter::format));
        }
        if (!specification.orderBy().isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append("ORDER BY ").append(join(specification.orderBy(), SqlFormatter::orderItem));
        }
        specification.frame().ifPresent(frame -> out.append(out.isEmpty() ? "" : " ").append(windowFrame(frame)));
        return out.toString();
    }

    private static String windowFrame(WindowFrame frame)
    {
        return frame.type().name() + frame.end().map(end -> " BETWEEN " + frameBound(frame.start()) + " AND " + frameBound(end))
                .orElseGet(() -> " " + frameBound(frame.start()));
    }

    private static String frameBound(FrameBound bound)
    {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING -> format(bound.offset().orElseThrow()) + " PRECEDING";
            case FOLLOWING -> format(bound.offset().orElseThrow()) + " FOLLOWING";
        };
    }

    private static String whenClauses(List<WhenClause> clauses)
    {
        StringBuilder out = new StringBuilder();
        for (WhenClause clause : clauses) {
            out.append(" WHEN ").append(format(clause.operand())).append(" THEN ").append(format(clause.result()));
        }
        return out.toString();
    }

    private static String columnDefinition(ColumnDefinition column)
    {
        StringBuilder out = new StringBuilder(identifier(column.name())).append(' ').append(column.type().text());
        if (column.primaryKey()) {
            out.append(" PRIMARY KEY");
        }
        else if (!column.nullable()) {
            out.append(" NOT NULL");
        }
        if (column.unique()) {
            out.append(" UNIQUE");
        }
        // DEFAULT takes an arithmetic-level expression; parentheses keep any expression readable
        column.defaultValue().ifPresent(value -> out.append(" DEFAULT (").append(format(value)).append(')'));
        return out.toString();
    }

    private static String callArgument(CallArgument argument)
    {
        return argument.name().map(name -> identifier(name) + " => ").orElse("") + format(argument.value());
    }

    private static String copyOptions(Map<String, Expression> options)
    {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        String separator = "";
        for (Map.Entry<String, Expression> option : options.entrySet()) {
            String value = option.getValue() instanceof StringLiteral s && !option.getKey().equals("null") && !option.getKey().equals("delimiter")
                    && !option.getKey().equals("quote") && !option.getKey().equals("escape") && PLAIN_IDENTIFIER.matcher(s.value()).matches()
                    ? s.value()
                    : format(option.getValue());
            String name = option.getKey().equals("null") ? "NULL" : identifier(option.getKey());
            out.append(separator).append(name).append(' ').append(value);
            separator = ", ";
        }
        return out.append(')').toString();
    }

    private static String identifierList(List<Identifier> identifiers)
    {
        return "(" + join(identifiers, SqlFormatter::identifier) + ")";
    }

    private static String optionalIdentifierList(List<Identifier> identifiers)
    {
        return identifiers.isEmpty() ? "" : " " + identifierList(identifiers);
    }

    private static <T> String join(List<T> items, Function<T, String> formatter)
    {
        return join(items, formatter, ", ");
    }

    private static <T> String join(List<T> items, Function<T, String> formatter, String separator)
    {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(formatter.apply(items.get(i)));
        }
        return out.toString();
    }

    /** Keywords that the grammar does not accept as identifiers, derived from the generated parser. */
    private static Set<String> reservedWords()
    {
        IntervalSet nonReserved = BasaltSqlParser._ATN.nextTokens(BasaltSqlParser._ATN.ruleToStartState[BasaltSqlParser.RULE_nonReserved]);
        Vocabulary vocabulary = BasaltSqlLexer.VOCABULARY;
        Set<String> reserved = new HashSet<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            String symbolic = vocabulary.getSymbolicName(type);
            if (literal != null && symbolic != null && literal.equals("'" + symbolic + "'") && !nonReserved.contains(type)) {
                reserved.add(symbolic.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(reserved);
    }
}
