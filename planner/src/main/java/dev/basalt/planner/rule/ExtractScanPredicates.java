package dev.basalt.planner.rule;

import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Scan;
import dev.basalt.spi.catalog.ColumnPredicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies the parts of a filter directly above a scan that a zone map can use into {@link Scan#predicates()}
 * (see {@link ColumnPredicateExtractor}: comparisons with constants, BETWEEN, IN lists, LIKE 'prefix%', IS [NOT]
 * NULL, also through order-preserving casts of the column), merged per column, with values converted to the
 * column's canonical type (rounded so the hint never excludes a matching row). The filter itself stays: the
 * hints only let storage skip row groups.
 */
public final class ExtractScanPredicates extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Filter filter) || !(filter.source() instanceof Scan scan)) {
            return null;
        }
        List<ColumnPredicate> predicates = ColumnPredicateExtractor.combine(extract(filter.predicate(), scan));
        if (predicates.equals(scan.predicates())) {
            return null;
        }
        return new Filter(new Scan(scan.schema(), scan.columns(), scan.outputs(), predicates, scan.statistics(), scan.index()), filter.predicate());
    }

    /** The column predicates the conjuncts of {@code predicate} imply on {@code scan}'s table (not merged). */
    static List<ColumnPredicate> extract(RowExpression predicate, Scan scan)
    {
        List<ColumnPredicate> predicates = new ArrayList<>();
        for (RowExpression conjunct : Expressions.conjuncts(predicate)) {
            Optional<ColumnPredicateExtractor.Extracted> extracted = ColumnPredicateExtractor.extract(conjunct, reference -> column(scan, reference));
            extracted.ifPresent(e -> predicates.add(e.predicate()));
        }
        return predicates;
    }

    /** The table ordinal a reference reads from the scan, or -1 (also for the row id, which has no statistics). */
    static int column(Scan scan, InputReference reference)
    {
        for (int i = 0; i < scan.outputs().size(); i++) {
            if (scan.outputs().get(i).id() == reference.index()) {
                int column = scan.columns().get(i);
                return column == Scan.ROW_ID ? -1 : column;
            }
        }
        return -1;
    }
}
