package dev.basalt.engine;

import dev.basalt.engine.error.Failures;
import dev.basalt.engine.statement.DescribeExecution;
import dev.basalt.engine.statement.ExplainExecution;
import dev.basalt.engine.statement.SessionSettings;
import dev.basalt.engine.statement.ShowTablesExecution;
import dev.basalt.engine.statement.StatementContext;
import dev.basalt.engine.statement.StatementDispatcher;
import dev.basalt.parser.tree.Describe;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.ShowTables;
import dev.basalt.parser.tree.Statement;
import dev.basalt.planner.Planner;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A connection-like handle on a {@link Database}: runs one statement at a time. Not thread-safe.
 * Errors are always {@link dev.basalt.spi.error.BasaltException}s carrying a SQLSTATE.
 */
public final class Session implements AutoCloseable
{
    private final Database database;
    private final SessionSettings settings;
    /** Results handed out and not closed yet; Database.close may close them from another thread. */
    private final Set<TrackedResult> openResults = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Session(Database database, long defaultQueryMemoryLimit)
    {
        this.database = requireNonNull(database, "database is null");
        this.settings = new SessionSettings(defaultQueryMemoryLimit);
    }

    /** Runs exactly one statement (a trailing ';' is allowed). The caller closes the result. */
    public QueryResult execute(String sql)
    {
        return execute(sql, List.of());
    }

    /**
     * Runs one statement whose {@code ?} parameters take {@code parameters} in order (Java objects as in
     * {@link dev.basalt.spi.value.Values}; null = NULL).
     */
    public QueryResult execute(String sql, List<Object> parameters)
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(parameters, "parameters is null");
        checkOpen();
        try {
            Statement statement = database.parser().parse(sql);
            int expected = Planner.parameterCount(statement);
            if (parameters.size() != expected) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "the statement has " + expected + " parameter(s) but "
                        + parameters.size() + " value(s) were given");
            }
            QueryResult result = StatementDispatcher.execute(statement, context(parameters));
            if (!result.isQuery()) {
                return result;
            }
            TrackedResult tracked = new TrackedResult(result, openResults::remove);
            openResults.add(tracked);
            return tracked;
        }
        catch (Throwable failure) {
            throw Failures.toBasalt(failure, settings.queryMemoryLimit());
        }
    }

    /** Number of '?' parameters of a statement, and their inferred types where known (for PreparedStatement). */
    public PreparedInfo prepare(String sql)
    {
        requireNonNull(sql, "sql is null");
        checkOpen();
        try {
            Statement statement = database.parser().parse(sql);
            int count = Planner.parameterCount(statement);
            List<DataType> types = Collections.nCopies(count, null);
            return new PreparedInfo(count, types, resultColumns(statement, count));
        }
        catch (Throwable failure) {
            throw Failures.toBasalt(failure, settings.queryMemoryLimit());
        }
    }

    /** The tables of the database as this session sees them, sorted by name (for JDBC metadata and the shell). */
    public List<TableSchema> listTables()
    {
        checkOpen();
        try {
            List<TableSchema> tables = new ArrayList<>();
            for (String name : database.catalog().listTables()) {
                // a table dropped concurrently between the two calls is simply left out
                Optional<Table> table = database.catalog().getTable(name);
                table.ifPresent(value -> tables.add(value.schema()));
            }
            return List.copyOf(tables);
        }
        catch (Throwable failure) {
            throw Failures.toBasalt(failure, settings.queryMemoryLimit());
        }
    }

    /** Closes the results still open; a result that leaked memory makes this throw IllegalStateException. */
    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (TrackedResult result : List.copyOf(openResults)) {
            try {
                result.close();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        database.sessionClosed(this);
        if (failure != null) {
            throw failure;
        }
    }

    private StatementContext context(List<Object> parameters)
    {
        return new StatementContext(database.catalog(), database.writeLock(), database.rootAllocator(), database.queryIds(), settings, parameters);
    }

    private Optional<List<Column>> resultColumns(Statement statement, int parameterCount)
    {
        return switch (statement) {
            case Query query -> {
                try {
                    List<Object> nulls = new ArrayList<>(Collections.nCopies(parameterCount, null));
                    yield Optional.of(context(nulls).planner().planQuery(query, nulls).outputColumns());
                }
                catch (RuntimeException e) {
                    // e.g. the table does not exist yet or a parameter's type matters: known at execution
                    yield Optional.empty();
                }
            }
            case Explain explain -> Optional.of(ExplainExecution.COLUMNS);
            case ShowTables showTables -> Optional.of(ShowTablesExecution.COLUMNS);
            case Describe describe -> Optional.of(DescribeExecution.COLUMNS);
            default -> Optional.empty();
        };
    }

    private void checkOpen()
    {
        if (closed) {
            throw new BasaltException(ErrorCode.CONNECTION_FAILURE, "the session is closed");
        }
        database.checkOpen();
    }
}
