package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.SqlParser;
import dev.basalt.parser.tree.CreateView;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.NodeLocation;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Statement;
import dev.basalt.planner.Planner;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] v [(columns)] AS query. The query is bound now (an invalid one
 * fails here); the view stores the query's original SQL text and is re-bound on every use. TEMP views are
 * stored like the others (there are no per-session objects yet).
 */
public final class CreateViewExecution implements StatementExecution
{
    private final CreateView statement;

    public CreateViewExecution(CreateView statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        if (statement.orReplace() && statement.ifNotExists()) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "CREATE VIEW cannot have both OR REPLACE and IF NOT EXISTS");
        }
        if (Planner.parameterCount(statement) > 0) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "a view's query cannot have parameters");
        }
        Catalog catalog = context.catalog();
        if (catalog.getTable(name).isPresent()) {
            if (statement.ifNotExists()) {
                return new UpdateCountResult(0);
            }
            if (statement.orReplace()) {
                throw new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is a table, not a view");
            }
            throw CreateTableExecution.duplicate(catalog, name);
        }
        if (catalog.getView(name).isPresent() && !statement.orReplace()) {
            if (statement.ifNotExists()) {
                return new UpdateCountResult(0);
            }
            throw CreateTableExecution.duplicate(catalog, name);
        }
        List<String> aliases = new ArrayList<>();
        for (Identifier alias : statement.columnAliases()) {
            aliases.add(alias.value());
        }
        List<String> columnNames = context.planner().viewColumnNames(statement.query(), aliases);
        String sql = queryText(context, statement.query());
        catalog.createView(new ViewDefinition(name, sql, columnNames), statement.orReplace());
        return new UpdateCountResult(0);
    }

    /**
     * The query's own text: from where the query starts to the end of the statement (the query is its last part).
     * Falls back to the formatted AST when that text does not parse back into a query.
     */
    static String queryText(StatementContext context, Query query)
    {
        // the splitter drops the terminating ';' and anything after it (a comment)
        List<String> statements = SqlParser.splitStatements(textFrom(context.sql(), query.location()));
        if (statements.isEmpty()) {
            return SqlFormatter.format(query);
        }
        String text = statements.getFirst();
        try {
            Statement parsed = context.parser().parse(text);
            if (parsed instanceof Query) {
                return text;
            }
        }
        catch (BasaltException e) {
            // e.g. a location that is not where the text starts: use the formatter
        }
        return SqlFormatter.format(query);
    }

    private static String textFrom(String sql, NodeLocation location)
    {
        int offset = 0;
        for (int line = 1; line < location.line(); line++) {
            int newline = sql.indexOf('\n', offset);
            if (newline < 0) {
                return "";
            }
            offset = newline + 1;
        }
        offset += location.column() - 1;
        return offset <= sql.length() ? sql.substring(offset) : "";
    }
}
