package dev.basalt.planner.rule;

import dev.basalt.parser.SqlParser;
import dev.basalt.parser.tree.Expression;
import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.analyzer.AnalyzerContext;
import dev.basalt.planner.analyzer.QueryAnalyzer;
import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.SymbolAllocator;
import dev.basalt.planner.stats.StatsEstimator;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Picks an index for each filtered scan of the optimized plan (runs after the optimizer, since it needs the catalog).
 * An index is usable when
 * <ul>
 * <li>the filter has an equality, range or IN on the index's first key column (the lookup's key predicates are
 * the filter's such predicates on the index's key columns),</li>
 * <li>the filter implies the index's predicate (a partial index holds only the rows it covers): every conjunct of
 * the index predicate is one of the filter's conjuncts, or follows from what the filter says about one column
 * (index {@code WHERE x > 10} is implied by {@code x = 20}, {@code x > 15}, {@code x BETWEEN 11 AND 30},
 * {@code x IN (12, 13)}; {@code x IS NOT NULL} by any comparison on x; {@code s LIKE 'ab%'} by {@code s LIKE 'abc%'}),</li>
 * <li>and the key predicates are selective: by statistics they keep at most {@link #MAX_SELECTIVITY} of the rows
 * (reading through an index costs random access per row; past about a tenth of the table a scan that skips row
 * groups by zone maps is as fast).</li>
 * </ul>
 * The most selective usable index wins. The filter stays above the scan (it still checks every conjunct).
 */
public final class ChooseIndexes
{
    /** The largest estimated fraction of a table's rows a lookup may return and still be chosen. */
    public static final double MAX_SELECTIVITY = 0.10;

    private final Catalog catalog;
    private final PlannerSettings settings;
    private final StatsEstimator stats;

    public ChooseIndexes(Catalog catalog, PlannerSettings settings, StatsEstimator stats)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.stats = requireNonNull(stats, "stats is null");
    }

    public LogicalPlan apply(LogicalPlan plan)
    {
        if (plan instanceof Filter filter && filter.source() instanceof Scan scan && scan.index().isEmpty()) {
            Optional<IndexLookup> lookup = choose(filter, scan);
            if (lookup.isPresent()) {
                return new Filter(scan.withIndex(lookup.get()), filter.predicate());
            }
            return plan;
        }
        List<LogicalPlan> sources = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan source : plan.sources()) {
            LogicalPlan rewritten = apply(source);
            changed |= rewritten != source;
            sources.add(rewritten);
        }
        return changed ? plan.withSources(sources) : plan;
    }

    private Optional<IndexLookup> choose(Filter filter, Scan scan)
    {
        List<IndexDefinition> indexes = catalog.listIndexes(scan.table());
        if (indexes.isEmpty()) {
            return Optional.empty();
        }
        List<RowExpression> conjuncts = Expressions.conjuncts(filter.predicate());
        // the filter over table ordinals, to compare with index predicates (bound over ordinals too)
        Map<Integer, RowExpression> toOrdinal = new HashMap<>();
        for (int i = 0; i < scan.outputs().size(); i++) {
            Symbol symbol = scan.outputs().get(i);
            if (scan.columns().get(i) != Scan.ROW_ID) {
                toOrdinal.put(symbol.id(), new InputReference(scan.columns().get(i), symbol.type()));
            }
        }
        Set<RowExpression> ordinalConjuncts = new HashSet<>();
        List<ColumnPredicate> predicates = new ArrayList<>();
        List<RowExpression> predicateConjuncts = new ArrayList<>();
        for (RowExpression conjunct : conjuncts) {
            ordinalConjuncts.add(Expressions.replaceSymbols(conjunct, toOrdinal));
            Optional<ColumnPredicateExtractor.Extracted> extracted = ColumnPredicateExtractor.extract(conjunct, reference -> ExtractScanPredicates.column(scan, reference));
            if (extracted.isPresent()) {
                predicates.add(extracted.get().predicate());
                predicateConjuncts.add(conjunct);
            }
        }
        Map<Integer, ColumnConstraint> constraints = new HashMap<>();
        for (ColumnPredicate predicate : predicates) {
            constraints.computeIfAbsent(predicate.column(), ColumnConstraint::new).add(predicate);
        }

        IndexLookup best = null;
        double bestSelectivity = MAX_SELECTIVITY;
        for (IndexDefinition index : indexes) {
            List<Integer> keyColumns = new ArrayList<>();
            for (String name : index.columns()) {
                OptionalInt ordinal = scan.schema().indexOf(name);
                if (ordinal.isEmpty()) {
                    break;
                }
                keyColumns.add(ordinal.getAsInt());
            }
            if (keyColumns.isEmpty()) {
                continue;
            }
            List<ColumnPredicate> keyPredicates = new ArrayList<>();
            List<RowExpression> keyConjuncts = new ArrayList<>();
            boolean searchable = false;
            for (int i = 0; i < predicates.size(); i++) {
                ColumnPredicate predicate = predicates.get(i);
                boolean sargable = predicate instanceof ColumnPredicate.Range || predicate instanceof ColumnPredicate.In;
                if (sargable && keyColumns.contains(predicate.column())) {
                    keyPredicates.add(predicate);
                    keyConjuncts.add(predicateConjuncts.get(i));
                    searchable |= predicate.column() == keyColumns.getFirst();
                }
            }
            if (!searchable || !impliesIndexPredicate(index, scan.schema(), ordinalConjuncts, constraints)) {
                continue;
            }
            double selectivity = stats.selectivity(Expressions.and(keyConjuncts), stats.estimate(scan));
            if (selectivity <= bestSelectivity) {
                bestSelectivity = selectivity;
                best = new IndexLookup(index.name(), ColumnPredicateExtractor.combine(keyPredicates));
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean impliesIndexPredicate(IndexDefinition index, TableSchema schema, Set<RowExpression> ordinalConjuncts, Map<Integer, ColumnConstraint> constraints)
    {
        if (index.predicate().isEmpty()) {
            return true;
        }
        Optional<RowExpression> bound = bindOverOrdinals(schema, index.predicate().get());
        if (bound.isEmpty()) {
            return false;
        }
        for (RowExpression conjunct : Expressions.conjuncts(bound.get())) {
            if (ordinalConjuncts.contains(conjunct)) {
                continue;
            }
            Optional<ColumnPredicateExtractor.Extracted> extracted = ColumnPredicateExtractor.extract(conjunct, InputReference::index);
            if (extracted.isEmpty() || !extracted.get().exact()) {
                return false;
            }
            ColumnConstraint constraint = constraints.get(extracted.get().predicate().column());
            if (constraint == null || !constraint.implies(extracted.get().predicate())) {
                return false;
            }
        }
        return true;
    }

    /** The index predicate over table ordinals (reference index = ordinal); empty when it no longer binds. */
    private Optional<RowExpression> bindOverOrdinals(TableSchema schema, String sql)
    {
        try {
            Expression parsed = new SqlParser().parseExpression(sql);
            SymbolAllocator symbols = new SymbolAllocator();
            List<Symbol> columns = new ArrayList<>();
            Map<Integer, RowExpression> toOrdinal = new HashMap<>();
            for (int i = 0; i < schema.columnCount(); i++) {
                Symbol symbol = symbols.newSymbol(schema.column(i).name(), schema.column(i).type());
                columns.add(symbol);
                toOrdinal.put(symbol.id(), new InputReference(i, symbol.type()));
            }
            RowExpression bound = new QueryAnalyzer(new AnalyzerContext(catalog, settings, List.of(), symbols))
                    .analyzeRowPredicate(schema, columns, parsed, "index predicates");
            // simplified as the optimizer simplifies the query's filter, so equal conjuncts compare equal
            return Optional.of(ExpressionSimplifier.simplify(Expressions.replaceSymbols(bound, toOrdinal)));
        }
        catch (BasaltException e) {
            // an index whose predicate no longer binds (a column was dropped) is simply not used
            return Optional.empty();
        }
    }
}
