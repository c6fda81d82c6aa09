package dev.basalt.execution.testing;

import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A catalog of {@link TestingTable}s. */
public final class TestingCatalog
        implements Catalog
{
    private final Map<String, Table> tables = new TreeMap<>();

    public TestingCatalog add(String name, Table table)
    {
        tables.put(name, table);
        return this;
    }

    @Override
    public Optional<Table> getTable(String name)
    {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public List<String> listTables()
    {
        return new ArrayList<>(tables.keySet());
    }

    @Override
    public Table createTable(TableSchema schema)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void dropTable(String name)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void alterTable(String name, TableChange change)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ViewDefinition> getView(String name)
    {
        return Optional.empty();
    }

    @Override
    public List<String> listViews()
    {
        return List.of();
    }

    @Override
    public void createView(ViewDefinition view, boolean orReplace)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void dropView(String name)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<IndexDefinition> listIndexes(String table)
    {
        return List.of();
    }

    @Override
    public Optional<IndexDefinition> getIndex(String name)
    {
        return Optional.empty();
    }

    @Override
    public void createIndex(IndexDefinition index)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void dropIndex(String name)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rebuildIndex(String name)
    {
        throw new UnsupportedOperationException();
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void dropTrigger(String name)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public Transaction beginTransaction()
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
