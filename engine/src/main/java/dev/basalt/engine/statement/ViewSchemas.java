package dev.basalt.engine.statement;

import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.SqlParser;
import dev.basalt.parser.tree.Query;
import dev.basalt.planner.Planner;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns of a view as of now (names and types of {@code SELECT * FROM view}), for SHOW / DESCRIBE / JDBC. */
public final class ViewSchemas
{
    private ViewSchemas() {}

    /** Empty when the view no longer binds (e.g. a table it reads was dropped). */
    public static Optional<TableSchema> schema(Planner planner, SqlParser parser, ViewDefinition view)
    {
        try {
            return Optional.of(bind(planner, parser, view));
        }
        catch (BasaltException e) {
            return Optional.empty();
        }
    }

    /** Fails with the binding error when the view no longer binds. */
    public static TableSchema bind(Planner planner, SqlParser parser, ViewDefinition view)
    {
        Query query = (Query) parser.parse("SELECT * FROM " + SqlFormatter.identifier(view.name()));
        List<Column> output = planner.planQuery(query, List.of()).outputColumns();
        List<Column> columns = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            String name = i < view.columnNames().size() ? view.columnNames().get(i) : output.get(i).name();
            columns.add(new Column(name, output.get(i).type(), true));
        }
        return new TableSchema(view.name(), columns);
    }
}
