package dev.basalt.sqllogictest;

import dev.basalt.engine.Database;
import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Runs records on a fresh in-memory Basalt database; closing checks that no Arrow memory leaked. */
public final class BasaltConnection implements SltConnection
{
    /** Guards the test JVM against a runaway result (e.g. an accidental cross product); real results are far smaller. */
    private static final long MAX_RESULT_VALUES = 20_000_000L;

    private final Database database;
    private final Session session;

    private BasaltConnection(Database database, Session session)
    {
        this.database = requireNonNull(database, "database is null");
        this.session = requireNonNull(session, "session is null");
    }

    public static BasaltConnection inMemory()
    {
        Database database = Database.inMemory();
        try {
            return new BasaltConnection(database, database.newSession());
        }
        catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public ExecutionResult execute(String sql)
    {
        try (QueryResult result = session.execute(sql)) {
            if (!result.isQuery()) {
                return ExecutionResult.update(result.updateCount());
            }
            List<Column> columns = result.columns();
            List<DataType> types = new ArrayList<>(columns.size());
            for (Column column : columns) {
                types.add(column.type());
            }
            List<List<Object>> rows = new ArrayList<>();
            long values = 0;
            ColumnBatch batch;
            while ((batch = result.nextBatch()) != null) {
                try (ColumnBatch current = batch) {
                    if (current.columnCount() != types.size()) {
                        throw new SltEngineException(ErrorCode.INTERNAL_ERROR.sqlState(), "batch has " + current.columnCount()
                                + " columns, result declares " + types.size(), 0, 0, true, null);
                    }
                    for (int row = 0; row < current.rowCount(); row++) {
                        int position = current.position(row);
                        List<Object> rowValues = new ArrayList<>(types.size());
                        for (int c = 0; c < types.size(); c++) {
                            rowValues.add(Values.read(current.column(c), types.get(c), position));
                        }
                        rows.add(rowValues);
                    }
                    values += (long) current.rowCount() * Math.max(1, types.size());
                    if (values > MAX_RESULT_VALUES) {
                        throw new SltEngineException(null, "result has more than " + MAX_RESULT_VALUES
                                + " values; the runner stopped reading it", 0, 0, true, null);
                    }
                }
            }
            return ExecutionResult.query(types.size(), rows);
        }
        catch (BasaltException e) {
            throw new SltEngineException(e.sqlState(), e.getMessage(), e.line(), e.column(),
                    e.code().category() == ErrorCode.Category.INTERNAL, e);
        }
        catch (SltEngineException e) {
            throw e;
        }
        catch (RuntimeException | StackOverflowError e) {
            throw new SltEngineException(null, "escaped " + e, 0, 0, true, e);
        }
    }

    @Override
    public void close()
    {
        try {
            session.close();
        }
        finally {
            long leaked = database.allocatedMemory();
            database.close();
            if (leaked != 0) {
                throw new IllegalStateException("the database still held " + leaked + " bytes of Arrow memory after its session closed");
            }
        }
    }
}
