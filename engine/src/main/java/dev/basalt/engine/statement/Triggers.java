package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.parser.SqlParser;
import dev.basalt.parser.TriggerRowReferences;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.Update;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.TriggerDefinition.Event;
import dev.basalt.spi.catalog.TriggerDefinition.Timing;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The row triggers of one INSERT, UPDATE or DELETE on one table. Each body statement (and WHEN condition) is stored
 * as SQL; its NEW.column / OLD.column references become '?' parameters that take the row's values, and the
 * statement runs in the triggering statement's transaction (so a failure fails, and in autocommit rolls back, the
 * whole statement). BEFORE triggers fire per row before any row is written; AFTER triggers fire per row once all
 * rows of the statement are written (like PostgreSQL's AFTER ROW triggers, unlike SQLite, which interleaves them
 * with the row changes). The rows a statement changes are computed before any trigger fires.
 */
final class Triggers
{
    /** Deeper trigger chains (a trigger whose body fires triggers, ...) fail: they are almost always endless recursion. */
    static final int MAX_DEPTH = 16;

    private final StatementContext context;
    private final List<Compiled> before;
    private final List<Compiled> after;

    private Triggers(StatementContext context, List<Compiled> before, List<Compiled> after)
    {
        this.context = requireNonNull(context, "context is null");
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
    }

    /** The triggers that fire for this statement; {@code assigned} are the columns an UPDATE sets (else empty). */
    static Triggers of(StatementContext context, TableSchema schema, Event event, Set<String> assigned)
    {
        List<TriggerDefinition> definitions = context.catalog().listTriggers(schema.name());
        List<Compiled> before = new ArrayList<>();
        List<Compiled> after = new ArrayList<>();
        for (TriggerDefinition definition : definitions) {
            if (definition.event() != event || !firesFor(definition, assigned)) {
                continue;
            }
            if (context.triggerDepth() >= MAX_DEPTH) {
                throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "too many levels of trigger recursion: trigger \"" + definition.name()
                        + "\" would fire more than " + MAX_DEPTH + " levels deep (a trigger that fires itself without end?)");
            }
            Compiled compiled = compile(definition, schema);
            switch (definition.timing()) {
                case BEFORE -> before.add(compiled);
                case AFTER -> after.add(compiled);
                case INSTEAD_OF -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "INSTEAD OF triggers are not supported");
            }
        }
        return new Triggers(context, before, after);
    }

    private static boolean firesFor(TriggerDefinition definition, Set<String> assigned)
    {
        if (definition.event() != Event.UPDATE || definition.updateColumns().isEmpty()) {
            return true;
        }
        for (String column : definition.updateColumns()) {
            if (assigned.contains(column)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty()
    {
        return before.isEmpty() && after.isEmpty();
    }

    /** Fires the BEFORE triggers for every row; {@code oldRows} / {@code newRows} may be null when the event has none. */
    void fireBefore(List<Object[]> oldRows, List<Object[]> newRows)
    {
        fire(before, oldRows, newRows);
    }

    void fireAfter(List<Object[]> oldRows, List<Object[]> newRows)
    {
        fire(after, oldRows, newRows);
    }

    private void fire(List<Compiled> triggers, List<Object[]> oldRows, List<Object[]> newRows)
    {
        if (triggers.isEmpty()) {
            return;
        }
        int rows = oldRows != null ? oldRows.size() : newRows.size();
        for (int row = 0; row < rows; row++) {
            Object[] oldRow = oldRows == null ? null : oldRows.get(row);
            Object[] newRow = newRows == null ? null : newRows.get(row);
            for (Compiled trigger : triggers) {
                if (trigger.when().isPresent() && !isTrue(trigger.when().get(), oldRow, newRow)) {
                    continue;
                }
                for (Bound statement : trigger.body()) {
                    run(statement, oldRow, newRow);
                }
            }
        }
    }

    private boolean isTrue(Bound condition, Object[] oldRow, Object[] newRow)
    {
        try (QueryResult result = StatementDispatcher.execute(condition.statement(), context.forTriggerStatement(condition.sql(), condition.parameters(oldRow, newRow)))) {
            List<List<Object>> rows = result.fetchAll();
            return !rows.isEmpty() && Boolean.TRUE.equals(rows.getFirst().getFirst());
        }
    }

    private void run(Bound statement, Object[] oldRow, Object[] newRow)
    {
        try (QueryResult result = StatementDispatcher.execute(statement.statement(), context.forTriggerStatement(statement.sql(), statement.parameters(oldRow, newRow)))) {
            if (result.isQuery()) {
                // a SELECT's rows are discarded, but it still runs (its errors fail the statement)
                ColumnBatch batch = result.nextBatch();
                while (batch != null) {
                    batch.close();
                    batch = result.nextBatch();
                }
            }
        }
    }

    // ---------------------------------------------------------------- compiling stored SQL

    /** A trigger ready to run: its WHEN as a one-value query, its body statements. */
    record Compiled(TriggerDefinition definition, Optional<Bound> when, List<Bound> body) {}

    /** One statement with '?' for the row references; {@code ordinals} are the referenced columns' positions. */
    record Bound(String sql, Statement statement, List<TriggerRowReferences.Reference> references, int[] ordinals)
    {
        List<Object> parameters(Object[] oldRow, Object[] newRow)
        {
            List<Object> values = new ArrayList<>(ordinals.length);
            for (int i = 0; i < ordinals.length; i++) {
                Object[] row = references.get(i).old() ? oldRow : newRow;
                values.add(row[ordinals[i]]);
            }
            return values;
        }
    }

    /**
     * Parses a stored (or new) trigger and resolves its NEW/OLD references against the table: 42P01 when the event
     * has no such row (NEW of DELETE, OLD of INSERT), 42703 for an unknown column.
     */
    static Compiled compile(TriggerDefinition definition, TableSchema schema)
    {
        SqlParser parser = new SqlParser();
        Optional<Bound> when = Optional.empty();
        if (definition.whenSql().isPresent()) {
            when = Optional.of(bind(definition, schema, parser, "SELECT CASE WHEN (" + definition.whenSql().get() + ") THEN TRUE ELSE FALSE END"));
        }
        List<Bound> body = new ArrayList<>();
        for (String text : SqlParser.splitStatements(definition.bodySql())) {
            body.add(bind(definition, schema, parser, text));
        }
        if (body.isEmpty()) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "trigger \"" + definition.name() + "\" has an empty body");
        }
        return new Compiled(definition, when, body);
    }

    private static Bound bind(TriggerDefinition definition, TableSchema schema, SqlParser parser, String text)
    {
        TriggerRowReferences rewritten = TriggerRowReferences.rewrite(text);
        Statement statement = parser.parse(rewritten.sql());
        switch (statement) {
            case Query q -> {}
            case Insert i -> {}
            case Update u -> {}
            case Delete d -> {}
            default -> throw new BasaltException(ErrorCode.SYNTAX_ERROR, "a trigger body may only contain INSERT, UPDATE, DELETE and SELECT statements");
        }
        List<TriggerRowReferences.Reference> references = rewritten.references();
        int[] ordinals = new int[references.size()];
        for (int i = 0; i < references.size(); i++) {
            TriggerRowReferences.Reference reference = references.get(i);
            String row = reference.old() ? "OLD" : "NEW";
            boolean available = reference.old() ? definition.event() != Event.INSERT : definition.event() != Event.DELETE;
            if (!available) {
                throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "trigger \"" + definition.name() + "\": there is no " + row + " row in a "
                        + definition.event() + " trigger (" + row.toLowerCase(Locale.ROOT) + "." + reference.column() + ")");
            }
            OptionalInt ordinal = schema.indexOf(reference.column());
            if (ordinal.isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "trigger \"" + definition.name() + "\": column \"" + reference.column()
                        + "\" of " + row + " (table \"" + schema.name() + "\") does not exist");
            }
            ordinals[i] = ordinal.getAsInt();
        }
        return new Bound(rewritten.sql(), statement, references, ordinals);
    }

    // ---------------------------------------------------------------- rows as Java values

    /** Appends the live rows of a batch's columns {@code first .. first + types.size() - 1} as Java values. */
    static void addRows(ColumnBatch batch, int first, List<DataType> types, List<Object[]> rows)
    {
        for (int row = 0; row < batch.rowCount(); row++) {
            int position = batch.position(row);
            Object[] values = new Object[types.size()];
            for (int column = 0; column < values.length; column++) {
                values[column] = Values.read(batch.column(first + column), types.get(column), position);
            }
            rows.add(values);
        }
    }

    static List<DataType> types(TableSchema schema)
    {
        List<DataType> types = new ArrayList<>(schema.columnCount());
        for (int i = 0; i < schema.columnCount(); i++) {
            types.add(schema.column(i).type());
        }
        return types;
    }

    /** The current values of the rows with these ids, in the order of {@code ids} (the OLD rows of UPDATE and DELETE). */
    static List<Object[]> readRows(Table table, long[] ids, int count, BufferAllocator allocator)
    {
        TableSchema schema = table.schema();
        List<DataType> types = types(schema);
        Set<Long> wanted = new HashSet<>();
        for (int i = 0; i < count; i++) {
            wanted.add(ids[i]);
        }
        List<Integer> columns = new ArrayList<>(schema.columnCount());
        for (int i = 0; i < schema.columnCount(); i++) {
            columns.add(i);
        }
        Map<Long, Object[]> found = new HashMap<>();
        try (CloseableIterator<ColumnBatch> batches = table.scan(new ScanSpec(columns, List.of()).withRowIds(), allocator)) {
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    BigIntVector rowIds = (BigIntVector) batch.column(schema.columnCount());
                    for (int row = 0; row < batch.rowCount(); row++) {
                        int position = batch.position(row);
                        long id = rowIds.get(position);
                        if (wanted.contains(id)) {
                            Object[] values = new Object[types.size()];
                            for (int column = 0; column < values.length; column++) {
                                values[column] = Values.read(batch.column(column), types.get(column), position);
                            }
                            found.put(id, values);
                        }
                    }
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object[] values = found.get(ids[i]);
            if (values == null) {
                throw new BasaltException(ErrorCode.INTERNAL_ERROR, "row " + ids[i] + " of table \"" + schema.name() + "\" vanished while firing triggers");
            }
            rows.add(values);
        }
        return rows;
    }

    static Timing timingOf(dev.basalt.parser.tree.TriggerTiming timing)
    {
        return switch (timing) {
            case BEFORE -> Timing.BEFORE;
            case AFTER -> Timing.AFTER;
            case INSTEAD_OF -> Timing.INSTEAD_OF;
        };
    }

    static Event eventOf(dev.basalt.parser.tree.TriggerEvent event)
    {
        return switch (event) {
            case INSERT -> Event.INSERT;
            case UPDATE -> Event.UPDATE;
            case DELETE -> Event.DELETE;
        };
    }
}
