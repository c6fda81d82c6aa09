package dev.basalt.execution.memory;

import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The work tables of one query's recursive CTEs: a recursive union publishes the rows of its previous iteration
 * here under the work table's name, and the WorkTableScans of its step read them. A name can be shadowed by a
 * nested recursive CTE of the same name (a stack per name).
 */
public final class WorkTables
{
    private final Map<String, Deque<WorkTable>> tables = new HashMap<>();

    public synchronized WorkTable register(String name)
    {
        WorkTable table = new WorkTable(name);
        tables.computeIfAbsent(name, key -> new ArrayDeque<>()).push(table);
        return table;
    }

    public synchronized void unregister(WorkTable table)
    {
        Deque<WorkTable> stack = tables.get(table.name());
        if (stack != null) {
            stack.remove(table);
            if (stack.isEmpty()) {
                tables.remove(table.name());
            }
        }
    }

    public synchronized WorkTable get(String name)
    {
        Deque<WorkTable> stack = tables.get(name);
        if (stack == null || stack.isEmpty()) {
            throw new BasaltException(ErrorCode.INTERNAL_ERROR, "work table " + name + " is not defined by an enclosing recursive query");
        }
        return stack.peek();
    }

    /** The rows of one work table: owned by the recursive union, read (copied out) by scans. */
    public static final class WorkTable
    {
        private final String name;
        private ColumnStore rows;

        private WorkTable(String name)
        {
            this.name = name;
        }

        public String name()
        {
            return name;
        }

        /** The previous iteration's rows (null before the first iteration). */
        public ColumnStore rows()
        {
            return rows;
        }

        public void setRows(ColumnStore rows)
        {
            this.rows = rows;
        }
    }
}
