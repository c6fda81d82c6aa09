package dev.basalt.planner.analyzer;

import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.spi.catalog.Catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What binding one statement needs: the catalog, settings, '?' parameter values and the symbol allocator. */
public record AnalyzerContext(Catalog catalog, PlannerSettings settings, List<Object> parameters, SymbolAllocator symbols)
{
    public AnalyzerContext
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(settings, "settings is null");
        // parameters may hold nulls (SQL NULL), so no List.copyOf
        parameters = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameters, "parameters is null")));
        requireNonNull(symbols, "symbols is null");
    }
}
