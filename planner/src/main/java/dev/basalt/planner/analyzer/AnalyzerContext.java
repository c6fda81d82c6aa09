package dev.basalt.planner.analyzer;

import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.spi.catalog.Catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What binding one statement needs: the catalog, settings, '?' parameter values and the symbol allocator.
 * {@code viewPath} names the views being expanded around the current query (outermost first), to reject a view
 * that reads itself.
 */
public record AnalyzerContext(Catalog catalog, PlannerSettings settings, List<Object> parameters, SymbolAllocator symbols, List<String> viewPath)
{
    public AnalyzerContext
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(settings, "settings is null");
        // parameters may hold nulls (SQL NULL), so no List.copyOf
        parameters = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameters, "parameters is null")));
        requireNonNull(symbols, "symbols is null");
        viewPath = List.copyOf(requireNonNull(viewPath, "viewPath is null"));
    }

    public AnalyzerContext(Catalog catalog, PlannerSettings settings, List<Object> parameters, SymbolAllocator symbols)
    {
        this(catalog, settings, parameters, symbols, List.of());
    }

    /** The context for binding the body of view {@code view}: no parameters (a view's SQL has none), path extended. */
    AnalyzerContext enteringView(String view)
    {
        List<String> path = new ArrayList<>(viewPath);
        path.add(view);
        return new AnalyzerContext(catalog, settings, List.of(), symbols, path);
    }
}
