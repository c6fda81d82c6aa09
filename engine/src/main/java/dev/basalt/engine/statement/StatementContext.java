package dev.basalt.engine.statement;

import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.execution.ExecutionContext;
import dev.basalt.parser.SqlParser;
import dev.basalt.planner.Planner;
import dev.basalt.planner.PlannerSettings;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.RowFilterCompiler;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Everything a statement execution may use: the catalog it runs against (the session's transaction, an
 * autocommit transaction of its own, or for read-only statements the database's catalog), the statement's SQL
 * text, the session's settings, the parameter values, and a source of per-query memory. Writers are serialized
 * by storage (one writing transaction per database).
 */
public final class StatementContext
{
    private final Catalog catalog;
    private final String sql;
    private final SqlParser parser;
    private final RowFilterCompiler rowFilterCompiler;
    private final BufferAllocator rootAllocator;
    private final AtomicLong queryIds;
    private final SessionSettings settings;
    private final List<Object> parameters;
    private final int triggerDepth;
    private final QueryWorkers workers;

    public StatementContext(Catalog catalog, String sql, SqlParser parser, RowFilterCompiler rowFilterCompiler, BufferAllocator rootAllocator,
            AtomicLong queryIds, SessionSettings settings, List<Object> parameters, QueryWorkers workers)
    {
        this(catalog, sql, parser, rowFilterCompiler, rootAllocator, queryIds, settings, parameters, 0, workers);
    }

    private StatementContext(Catalog catalog, String sql, SqlParser parser, RowFilterCompiler rowFilterCompiler, BufferAllocator rootAllocator,
            AtomicLong queryIds, SessionSettings settings, List<Object> parameters, int triggerDepth, QueryWorkers workers)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.sql = requireNonNull(sql, "sql is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.rowFilterCompiler = requireNonNull(rowFilterCompiler, "rowFilterCompiler is null");
        this.rootAllocator = requireNonNull(rootAllocator, "rootAllocator is null");
        this.queryIds = requireNonNull(queryIds, "queryIds is null");
        this.settings = requireNonNull(settings, "settings is null");
        // Parameters may be null (SQL NULL), which List.copyOf rejects.
        this.parameters = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameters, "parameters is null")));
        this.triggerDepth = triggerDepth;
        this.workers = requireNonNull(workers, "workers is null");
    }

    /** A context for a statement of a trigger body fired from this statement: same catalog (transaction), one level deeper. */
    public StatementContext forTriggerStatement(String triggerSql, List<Object> triggerParameters)
    {
        return new StatementContext(catalog, triggerSql, parser, rowFilterCompiler, rootAllocator, queryIds, settings, triggerParameters, triggerDepth + 1, workers);
    }

    /** How many triggers deep this statement runs (0 for a statement the user ran). */
    public int triggerDepth()
    {
        return triggerDepth;
    }

    public Catalog catalog()
    {
        return catalog;
    }

    /** The statement's SQL text (views keep the text of their query). */
    public String sql()
    {
        return sql;
    }

    public SqlParser parser()
    {
        return parser;
    }

    /** Compiles partial-index predicates (the same compiler storage uses). */
    public RowFilterCompiler rowFilterCompiler()
    {
        return rowFilterCompiler;
    }

    public SessionSettings settings()
    {
        return settings;
    }

    public List<Object> parameters()
    {
        return parameters;
    }

    public Planner planner()
    {
        return new Planner(catalog, new PlannerSettings(settings.integerDivision(), settings.sqliteCompatibility(), Set.of()));
    }

    /**
     * How a query's plan executes: in the statement's memory, on up to {@code threads} (the session setting) workers
     * of the database's shared pool; {@code SET threads = 1} runs everything on the calling thread.
     */
    public ExecutionContext executionContext(BufferAllocator allocator)
    {
        return new ExecutionContext(allocator, catalog, settings.threads(), workers.executor(), workers.minRowsPerThread());
    }

    /** Fresh memory for one statement, limited by the session's memory_limit; the caller closes it. */
    public QueryMemory newQueryMemory()
    {
        return QueryMemory.open(rootAllocator, "query-" + queryIds.incrementAndGet(), settings.queryMemoryLimit());
    }

    /** The value of parameter {@code position} (1-based). */
    public Object parameter(int position)
    {
        if (position < 1 || position > parameters.size()) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "no value given for parameter $" + position
                    + " (" + parameters.size() + " parameter value(s) given)");
        }
        return parameters.get(position - 1);
    }
}
