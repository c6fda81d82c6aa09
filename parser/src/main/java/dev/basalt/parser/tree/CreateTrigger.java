package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE TRIGGER [IF NOT EXISTS] name [BEFORE|AFTER|INSTEAD OF] {INSERT|DELETE|UPDATE [OF columns]} ON table
 * [FOR EACH ROW] [WHEN condition] BEGIN statement; ... END}. {@code whenSql} and {@code bodySql} are the source text
 * of the condition and of the body statements (each ending with ';'), which is what the catalog stores.
 */
public record CreateTrigger(
        NodeLocation location,
        QualifiedName name,
        QualifiedName table,
        TriggerTiming timing,
        TriggerEvent event,
        List<Identifier> updateColumns,
        Optional<Expression> when,
        List<Statement> body,
        Optional<String> whenSql,
        String bodySql,
        boolean ifNotExists)
        implements Statement
{
    public CreateTrigger
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(timing, "timing is null");
        requireNonNull(event, "event is null");
        updateColumns = List.copyOf(requireNonNull(updateColumns, "updateColumns is null"));
        requireNonNull(when, "when is null");
        body = List.copyOf(requireNonNull(body, "body is null"));
        requireNonNull(whenSql, "whenSql is null");
        requireNonNull(bodySql, "bodySql is null");
    }
}
