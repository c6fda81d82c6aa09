package dev.basalt.execution.testing;

import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;

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
    public void close() {}
}
