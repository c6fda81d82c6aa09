package dev.basalt.jdbc;

import dev.basalt.spi.catalog.Column;

import java.sql.Statement;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A small result held in memory: database metadata, generated keys. */
final class ListResultSet extends AbstractResultSet
{
    private final List<List<Object>> rows;
    private int current = -1;

    ListResultSet(List<Column> columns, List<List<Object>> rows, Statement statement)
    {
        super(columns, statement, 0);
        this.rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    static ListResultSet empty(List<Column> columns)
    {
        return new ListResultSet(columns, List.of(), null);
    }

    @Override
    protected boolean advance()
    {
        if (current + 1 >= rows.size()) {
            current = rows.size();
            return false;
        }
        current++;
        return true;
    }

    @Override
    protected Object read(int index)
    {
        return rows.get(current).get(index);
    }

    @Override
    protected boolean hasFirstRow()
    {
        return !rows.isEmpty();
    }

    @Override
    protected void release()
    {
    }
}
