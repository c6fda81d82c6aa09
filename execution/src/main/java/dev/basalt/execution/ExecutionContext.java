package dev.basalt.execution;

import dev.basalt.spi.catalog.Catalog;
import org.apache.arrow.memory.BufferAllocator;

import static java.util.Objects.requireNonNull;

/**
 * What one query's execution may use: the query's own child allocator (its limit is the query's memory limit;
 * operators create their own children of it) and the catalog to resolve scanned tables.
 */
public record ExecutionContext(BufferAllocator allocator, Catalog catalog)
{
    public ExecutionContext
    {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(catalog, "catalog is null");
    }
}
