package dev.basalt.engine;

import dev.basalt.engine.error.Failures;
import dev.basalt.engine.statement.DescribeExecution;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.engine.statement.ViewSchemas;
import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.tree.AlterTable;
import dev.basalt.parser.tree.Analyze;
import dev.basalt.parser.tree.Begin;
import dev.basalt.parser.tree.Call;
import dev.basalt.parser.tree.Checkpoint;
import dev.basalt.parser.tree.Commit;
import dev.basalt.parser.tree.CopyFrom;
import dev.basalt.parser.tree.CopyTo;
import dev.basalt.parser.tree.CreateIndex;
import dev.basalt.parser.tree.CreateTable;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.parser.tree.CreateView;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.DropIndex;
import dev.basalt.parser.tree.DropTable;
import dev.basalt.parser.tree.DropTrigger;
import dev.basalt.parser.tree.DropView;
import dev.basalt.parser.tree.CreateTrigger;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Reindex;
import dev.basalt.parser.tree.ResetVariable;
import dev.basalt.parser.tree.Rollback;
import dev.basalt.parser.tree.SetVariable;
import dev.basalt.parser.tree.Update;
import dev.basalt.parser.tree.Vacuum;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.ViewDefinition;
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
 *
 * <p>Transactions: outside BEGIN ... COMMIT each statement that writes (DML, DDL, COPY FROM, CALL) runs in a
 * transaction of its own that commits when it succeeds and rolls back when it fails; read-only statements read
 * the latest committed state. After BEGIN every statement, queries included, runs in the session's transaction:
 * its snapshot plus its own changes. An error inside it fails the transaction: later statements get 25P02 until
 * ROLLBACK (COMMIT then rolls back and reports 25P02 too, as PostgreSQL's drivers do). Closing the session rolls
 * an open transaction back.
 */
public final class Session implements AutoCloseable
{
    /** How often an autocommit statement runs before a serialization failure (40001) reaches the user. */
    private static final int AUTOCOMMIT_ATTEMPTS = 5;

    private final Database database;
    private final SessionSettings settings;
    /** Results handed out and not closed yet; Database.close may close them from another thread. */
    private final Set<TrackedResult> openResults = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** The transaction opened by BEGIN; null in autocommit mode. */
    private Transaction transaction;
    /** True once a statement of {@link #transaction} failed: only ROLLBACK (or COMMIT, which rolls back) is accepted. */
    private boolean transactionFailed;

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
            QueryResult result = switch (statement) {
                case Begin begin -> begin();
                case Commit commit -> commit();
                case Rollback rollback -> rollback();
                default -> run(statement, sql, parameters);
            };
            if (!result.isQuery()) {
                return result;
            }
            TrackedResult tracked = new TrackedResult(result, openResults::remove);
            openResults.add(tracked);
            return tracked;
        }
        catch (Throwable failure) {
            BasaltException error = Failures.toBasalt(failure, settings.queryMemoryLimit());
            if (transaction != null && error.code() != ErrorCode.IN_FAILED_SQL_TRANSACTION && error.code() != ErrorCode.ACTIVE_SQL_TRANSACTION) {
                transactionFailed = true;
            }
            throw error;
        }
    }

    /** True between BEGIN and COMMIT / ROLLBACK. */
    public boolean inTransaction()
    {
        return transaction != null;
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
            Catalog catalog = currentCatalog();
            for (String name : catalog.listTables()) {
                // a table dropped concurrently between the two calls is simply left out
                Optional<Table> table = catalog.getTable(name);
                table.ifPresent(value -> tables.add(value.schema()));
            }
            return List.copyOf(tables);
        }
        catch (Throwable failure) {
            throw Failures.toBasalt(failure, settings.queryMemoryLimit());
        }
    }

    /**
     * The views as this session sees them, sorted by name, with their current column names and types (a view that
     * no longer binds, e.g. because a table it reads was dropped, is left out).
     */
    public List<TableSchema> listViews()
    {
        checkOpen();
        try {
            Catalog catalog = currentCatalog();
            Planner planner = context(catalog, "", List.of()).planner();
            List<TableSchema> views = new ArrayList<>();
            for (String name : catalog.listViews()) {
                Optional<ViewDefinition> view = catalog.getView(name);
                view.flatMap(value -> ViewSchemas.schema(planner, database.parser(), value)).ifPresent(views::add);
            }
            return List.copyOf(views);
        }
        catch (Throwable failure) {
            throw Failures.toBasalt(failure, settings.queryMemoryLimit());
        }
    }

    /** The stored definitions (name, SQL text, column names) of the views as this session sees them, sorted by name. */
    public List<ViewDefinition> viewDefinitions()
    {
        checkOpen();
        try {
            Catalog catalog = currentCatalog();
            List<ViewDefinition> views = new ArrayList<>();
            for (String name : catalog.listViews()) {
                catalog.getView(name).ifPresent(views::add);
            }
            return List.copyOf(views);
        }
        catch (Throwable failure) {
            throw Failures.toBasalt(failure, settings.queryMemoryLimit());
        }
    }

    /** Closes the results still open and rolls back an open transaction; a result that leaked memory makes this throw IllegalStateException. */
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
        if (transaction != null) {
            try {
                endTransaction(false);
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

    private QueryResult begin()
    {
        if (transaction != null) {
            throw new BasaltException(ErrorCode.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
        }
        transaction = database.catalog().beginTransaction();
        transactionFailed = false;
        return new UpdateCountResult(0);
    }

    private QueryResult commit()
    {
        if (transaction == null) {
            throw new BasaltException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "cannot commit: no transaction is active");
        }
        if (transactionFailed) {
            endTransaction(false);
            throw new BasaltException(ErrorCode.IN_FAILED_SQL_TRANSACTION, "the transaction failed earlier and was rolled back, not committed");
        }
        endTransaction(true);
        return new UpdateCountResult(0);
    }

    private QueryResult rollback()
    {
        if (transaction == null) {
            throw new BasaltException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "cannot roll back: no transaction is active");
        }
        endTransaction(false);
        return new UpdateCountResult(0);
    }

    /** Commits or rolls back the session's transaction; afterwards the session is in autocommit mode whatever happened. */
    private void endTransaction(boolean commit)
    {
        Transaction ending = transaction;
        transaction = null;
        transactionFailed = false;
        try (ending) {
            if (commit) {
                ending.commit();
            }
            else {
                ending.rollback();
            }
        }
    }

    private QueryResult run(Statement statement, String sql, List<Object> parameters)
    {
        if (transaction != null) {
            if (transactionFailed) {
                throw new BasaltException(ErrorCode.IN_FAILED_SQL_TRANSACTION, "current transaction is aborted, commands ignored until end of transaction block (ROLLBACK)");
            }
            if (statement instanceof Checkpoint || statement instanceof Vacuum) {
                throw new BasaltException(ErrorCode.ACTIVE_SQL_TRANSACTION, SqlFormatter.format(statement).split(" ")[0] + " cannot run inside a transaction block");
            }
            return StatementDispatcher.execute(statement, context(transaction, sql, parameters));
        }
        if (!writes(statement)) {
            // One snapshot for the whole statement, held until its result is closed: every scan of the query (a
            // self-join, each split of a parallel scan) reads the same committed state.
            Transaction snapshot = database.catalog().beginTransaction();
            try {
                QueryResult result = StatementDispatcher.execute(statement, context(snapshot, sql, parameters));
                if (!result.isQuery()) {
                    snapshot.close();
                    return result;
                }
                return new TrackedResult(result, closed -> snapshot.close());
            }
            catch (Throwable failure) {
                snapshot.close();
                throw failure;
            }
        }
        database.lockAutocommitWriter();
        try {
            for (int attempt = 1; ; attempt++) {
                try (Transaction autocommit = database.catalog().beginTransaction()) {
                    QueryResult result = StatementDispatcher.execute(statement, context(autocommit, sql, parameters));
                    autocommit.commit();
                    return result;
                }
                catch (BasaltException e) {
                    // A session's explicit transaction committed after this statement's snapshot (typically while it
                    // waited for the writer permit). Nothing of the statement is visible, so it simply runs again.
                    if (e.code() != ErrorCode.SERIALIZATION_FAILURE || attempt == AUTOCOMMIT_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
        finally {
            database.unlockAutocommitWriter();
        }
    }

    /** Whether a statement changes data or the catalog, and so needs a transaction (autocommit) of its own. */
    private static boolean writes(Statement statement)
    {
        return switch (statement) {
            case Query s -> false;
            case Explain s -> false;
            case ShowTables s -> false;
            case Describe s -> false;
            case CopyTo s -> false;
            case SetVariable s -> false;
            case ResetVariable s -> false;
            // storage compacts on its own, outside transactions
            case Checkpoint s -> false;
            case Vacuum s -> false;
            case Analyze s -> false;
            case Begin s -> false;
            case Commit s -> false;
            case Rollback s -> false;
            case CreateTable s -> true;
            case CreateTableAs s -> true;
            case DropTable s -> true;
            case CreateView s -> true;
            case DropView s -> true;
            case CreateIndex s -> true;
            case DropIndex s -> true;
            case CreateTrigger s -> true;
            case DropTrigger s -> true;
            case Reindex s -> true;
            case Insert s -> true;
            case Update s -> true;
            case Delete s -> true;
            case AlterTable s -> true;
            case CopyFrom s -> true;
            case Call s -> true;
        };
    }

    /** The catalog statements of this session see now: its transaction, or the latest committed state. */
    private Catalog currentCatalog()
    {
        return transaction != null ? transaction : database.catalog();
    }

    private StatementContext context(Catalog catalog, String sql, List<Object> parameters)
    {
        return new StatementContext(catalog, sql, database.parser(), database.rowFilterCompiler(), database.rootAllocator(), database.queryIds(), settings, parameters, database.workers());
    }

    private Optional<List<Column>> resultColumns(Statement statement, int parameterCount)
    {
        return switch (statement) {
            case Query query -> {
                try {
                    List<Object> nulls = new ArrayList<>(Collections.nCopies(parameterCount, null));
                    yield Optional.of(context(currentCatalog(), "", nulls).planner().planQuery(query, nulls).outputColumns());
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
