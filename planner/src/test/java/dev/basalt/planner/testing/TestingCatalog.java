package dev.basalt.planner.testing;

import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory catalog of schemas with fixed statistics (no storage). */
public final class TestingCatalog implements Catalog
{
    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, ViewDefinition> views = new TreeMap<>();
    private final Map<String, IndexDefinition> indexes = new TreeMap<>();

    /** Adds a table with the given row count and unknown column statistics. */
    public TestingCatalog table(String name, long rows, Column... columns)
    {
        List<TableStatistics.ColumnStatistics> statistics = new ArrayList<>();
        for (Column column : columns) {
            statistics.add(new TableStatistics.ColumnStatistics(null, null, 0, -1));
        }
        return table(new TableSchema(name, List.of(columns)), new TableStatistics(rows, statistics));
    }

    public TestingCatalog table(TableSchema schema, TableStatistics statistics)
    {
        tables.put(schema.name(), new TestingTable(schema, statistics));
        return this;
    }

    /** t1(a INTEGER, b BIGINT, c DECIMAL(15,2), d DATE, s VARCHAR, x SMALLINT, f DOUBLE, ts TIMESTAMP, flag BOOLEAN) and t2(a INTEGER, y VARCHAR(10), z DECIMAL(12,4)). */
    public static TestingCatalog simple()
    {
        return new TestingCatalog()
                .table("t1", 1000,
                        new Column("a", DataTypes.INTEGER),
                        new Column("b", DataTypes.BIGINT),
                        new Column("c", DataTypes.parse("DECIMAL(15,2)")),
                        new Column("d", DataTypes.DATE),
                        new Column("s", DataTypes.VARCHAR),
                        new Column("x", DataTypes.SMALLINT),
                        new Column("f", DataTypes.DOUBLE),
                        new Column("ts", DataTypes.TIMESTAMP),
                        new Column("flag", DataTypes.BOOLEAN))
                .table("t2", 100,
                        new Column("a", DataTypes.INTEGER),
                        new Column("y", DataTypes.parse("VARCHAR(10)")),
                        new Column("z", DataTypes.parse("DECIMAL(12,4)")))
                .table("t3", 10,
                        new Column("k", DataTypes.INTEGER),
                        new Column("v", DataTypes.VARCHAR));
    }

    @Override
    public Optional<Table> getTable(String name)
    {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public List<String> listTables()
    {
        return List.copyOf(tables.keySet());
    }

    @Override
    public Table createTable(TableSchema schema)
    {
        if (tables.containsKey(schema.name())) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "relation \"" + schema.name() + "\" already exists");
        }
        TestingTable table = new TestingTable(schema, new TableStatistics(0, List.of()));
        tables.put(schema.name(), table);
        return table;
    }

    @Override
    public void dropTable(String name)
    {
        if (tables.remove(name) == null) {
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
        }
    }

    /** Adds a view (no validation: tests also build broken views). */
    public TestingCatalog view(String name, String sql, String... columnNames)
    {
        views.put(name, new ViewDefinition(name, sql, List.of(columnNames)));
        return this;
    }

    /** Adds an index (no data is built: planning only looks at the definition). */
    public TestingCatalog index(IndexDefinition index)
    {
        indexes.put(index.name(), index);
        return this;
    }

    @Override
    public void alterTable(String name, TableChange change)
    {
        throw new UnsupportedOperationException("planning tests do not alter tables");
    }

    @Override
    public Optional<ViewDefinition> getView(String name)
    {
        return Optional.ofNullable(views.get(name));
    }

    @Override
    public List<String> listViews()
    {
        return List.copyOf(views.keySet());
    }

    @Override
    public void createView(ViewDefinition view, boolean orReplace)
    {
        if (tables.containsKey(view.name()) || (!orReplace && views.containsKey(view.name()))) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "relation \"" + view.name() + "\" already exists");
        }
        views.put(view.name(), view);
    }

    @Override
    public void dropView(String name)
    {
        if (views.remove(name) == null) {
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
        }
    }

    @Override
    public List<IndexDefinition> listIndexes(String table)
    {
        List<IndexDefinition> result = new ArrayList<>();
        for (IndexDefinition index : indexes.values()) {
            if (index.table().equals(table)) {
                result.add(index);
            }
        }
        return result;
    }

    @Override
    public Optional<IndexDefinition> getIndex(String name)
    {
        return Optional.ofNullable(indexes.get(name));
    }

    @Override
    public void createIndex(IndexDefinition index)
    {
        if (indexes.containsKey(index.name())) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "relation \"" + index.name() + "\" already exists");
        }
        indexes.put(index.name(), index);
    }

    @Override
    public void dropIndex(String name)
    {
        indexes.remove(name);
    }

    @Override
    public void rebuildIndex(String name)
    {
    }

    @Override
    public void compact(Optional<String> table)
    {
    }

    @Override
    public Optional<TriggerDefinition> getTrigger(String name)
    {
        return Optional.empty();
    }

    @Override
    public List<TriggerDefinition> listTriggers(String table)
    {
        return List.of();
    }

    @Override
    public void createTrigger(TriggerDefinition trigger)
    {
        throw new UnsupportedOperationException("planning tests do not create triggers");
    }

    @Override
    public void dropTrigger(String name)
    {
        throw new UnsupportedOperationException("planning tests do not drop triggers");
    }

    @Override
    public Transaction beginTransaction()
    {
        throw new UnsupportedOperationException("planning tests do not use transactions");
    }

    @Override
    public void close()
    {
    }
}
