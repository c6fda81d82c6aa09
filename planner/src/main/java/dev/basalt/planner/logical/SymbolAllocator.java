package dev.basalt.planner.logical;

import dev.basalt.spi.type.DataType;

/** Hands out fresh {@link Symbol}s for one planning run. Not thread-safe (a run is single-threaded). */
public final class SymbolAllocator
{
    private int next;

    public Symbol newSymbol(String name, DataType type)
    {
        return new Symbol(next++, name, type);
    }
}
