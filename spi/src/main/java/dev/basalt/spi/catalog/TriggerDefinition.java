package dev.basalt.spi.catalog;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A row trigger: {@code CREATE TRIGGER name {BEFORE|AFTER|INSTEAD OF} {INSERT|DELETE|UPDATE [OF columns]} ON table
 * [FOR EACH ROW] [WHEN condition] BEGIN statement; ... END}. {@code whenSql} and {@code bodySql} are SQL text (the
 * body: the statements between BEGIN and END, each ending with ';'); they may reference NEW.column / OLD.column
 * where the event provides them. Storage only keeps the definition; the engine fires it.
 */
public record TriggerDefinition(String name, String table, Timing timing, Event event, List<String> updateColumns, Optional<String> whenSql, String bodySql)
{
    public enum Timing
    {
        BEFORE, AFTER, INSTEAD_OF
    }

    public enum Event
    {
        INSERT, UPDATE, DELETE
    }

    public TriggerDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(timing, "timing is null");
        requireNonNull(event, "event is null");
        updateColumns = List.copyOf(requireNonNull(updateColumns, "updateColumns is null"));
        requireNonNull(whenSql, "whenSql is null");
        requireNonNull(bodySql, "bodySql is null");
    }
}
