package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Apply;
import dev.basalt.planner.logical.Aggregation;
import dev.basalt.planner.logical.EnforceSingleRow;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.NullRejection;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Output;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.TopN;
import dev.basalt.planner.logical.Values;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFunction;
import dev.basalt.planner.logical.Ordering;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes {@link Apply} nodes (subqueries as bound) by decorrelating them: correlated predicates (those naming
 * symbols of the enclosing query) are pulled out of the subquery plan and become join conditions, so no subquery
 * is ever re-executed per outer row.
 * <ul>
 *   <li>EXISTS / IN / ANY: SEMI, ANTI or MARK join as the binder chose (ANY's comparison is part of the condition;
 *       in a MARK join correlation conjuncts are wrapped in {@code COALESCE(c, FALSE)} so they only filter).</li>
 *   <li>Uncorrelated scalar subquery: cross join with the subquery (through {@link EnforceSingleRow} unless it is a
 *       global aggregate, which always has one row).</li>
 *   <li>Other correlated scalar subquery: SINGLE join on the correlated predicates (a LEFT join that fails with
 *       21000 when an outer row matches two inner rows).</li>
 *   <li>Correlated scalar subquery over a global aggregate: the aggregate is grouped by the correlated inner columns
 *       (equalities) or by the DISTINCT outer values joined in (other predicates), and LEFT joined on them; COUNT's
 *       empty-group 0 is restored with COALESCE.</li>
 * </ul>
 * Shapes it cannot decorrelate fail with 0A000 at the subquery's position.
 */
public final class DecorrelateSubqueries extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Apply apply)) {
            return null;
        }
        return new Decorrelation(context).apply(apply);
    }

    /** One decorrelation: needs the symbol allocator for new symbols. */
    private static final class Decorrelation
    {
        private final RuleContext context;
        /** > 0 while pulling below a node that counts rows (or under a scalar subquery): rows must not be duplicated. */
        private int duplicateSensitive;

        Decorrelation(RuleContext context)
        {
            this.context = context;
        }

        private LogicalPlan apply(Apply entry)
        {
            LogicalPlan outer = entry.input();
            LogicalPlan subquery = entry.subquery();
            Set<Integer> produced = new HashSet<>();
            collectProduced(subquery, produced);
            duplicateSensitive = entry.kind() == Apply.Kind.SCALAR ? 1 : 0;
            Decorrelated decorrelated = pull(subquery, produced, entry, outer);
            List<RowExpression> correlated = decorrelated.correlated();
            Set<Integer> available = new HashSet<>(Expressions.ids(outer.outputs()));
            available.addAll(Expressions.ids(decorrelated.plan().outputs()));
            Set<Integer> outerProduced = new HashSet<>();
            collectProduced(outer, outerProduced);
            for (RowExpression conjunct : correlated) {
                if (!Expressions.referencesOnly(conjunct, available)
                        && !(entry.joinType() == JoinType.SEMI && entry.kind() != Apply.Kind.SCALAR && readsOnlyEnclosing(conjunct, available, outerProduced))) {
                    throw notSupported("a subquery correlated with a query more than one level up or with aggregated columns", entry);
                }
            }
            if (entry.comparison().isPresent() && !Expressions.referencesOnly(entry.comparison().get(), available)) {
                throw notSupported("this use of an aggregate or outer column with IN / ANY (subquery)", entry);
            }
            Symbol output = entry.output();
            return switch (entry.kind()) {
                case EXISTS, ANY -> {
                    if (decorrelated.groupedByCorrelation()) {
                        throw notSupported("EXISTS / IN over a correlated global aggregate", entry);
                    }
                    JoinType type = entry.joinType();
                    List<RowExpression> condition = new ArrayList<>();
                    for (RowExpression conjunct : correlated) {
                        // in a MARK join a NULL condition means "unknown"; a NULL correlation predicate only filters
                        condition.add(type == JoinType.MARK && entry.kind() == Apply.Kind.ANY
                                ? new Call(Function.COALESCE, List.of(conjunct, Expressions.FALSE), DataTypes.BOOLEAN)
                                : conjunct);
                    }
                    entry.comparison().ifPresent(condition::add);
                    yield new Join(type, outer, decorrelated.plan(), Expressions.andOptional(condition),
                            type == JoinType.MARK ? Optional.of(output) : Optional.empty());
                }
                case SCALAR -> {
                    if (correlated.isEmpty()) {
                        LogicalPlan single = isSingleRow(decorrelated.plan()) ? decorrelated.plan() : new EnforceSingleRow(decorrelated.plan());
                        yield Join.inner(outer, single, Optional.empty());
                    }
                    if (!decorrelated.groupedByCorrelation()) {
                        // any number of inner rows per outer row: the SINGLE join fails with 21000 on a second match
                        yield new Join(JoinType.SINGLE, outer, decorrelated.plan(), Expressions.andOptional(correlated), Optional.empty());
                    }
                    yield scalarJoin(outer, decorrelated, entry);
                }
            };
        }

        /**
         * Whether the symbols {@code conjunct} reads that are not {@code available} come from a query enclosing this
         * one (no symbol of {@code outerProduced}): such a conjunct stays in the SEMI join's condition, and the enclosing
         * query's decorrelation pulls it up from there (see the SEMI case of {@link #pull}).
         */
        private static boolean readsOnlyEnclosing(RowExpression conjunct, Set<Integer> available, Set<Integer> outerProduced)
        {
            for (Integer id : Expressions.symbolIds(conjunct)) {
                if (!available.contains(id) && outerProduced.contains(id)) {
                    return false;
                }
            }
            return true;
        }

        /** LEFT join of a correlated scalar aggregate; COUNTs (0 on no rows, not NULL) are re-computed above the join. */
        private LogicalPlan scalarJoin(LogicalPlan outer, Decorrelated decorrelated, Apply entry)
        {
            Optional<RowExpression> condition = Expressions.andOptional(decorrelated.correlated());
            if (decorrelated.counts().isEmpty()) {
                return new Join(JoinType.LEFT, outer, decorrelated.plan(), condition, Optional.empty());
            }
            // the shape is Project(Aggregate): join the aggregate, then project with COALESCE(count, 0)
            if (!(decorrelated.plan() instanceof Project project) || !(project.source() instanceof Aggregate aggregate)) {
                throw notSupported("a correlated scalar subquery with COUNT and HAVING / DISTINCT / ORDER BY", entry);
            }
            Join join = new Join(JoinType.LEFT, outer, aggregate, condition, Optional.empty());
            Map<Integer, RowExpression> replacements = new HashMap<>();
            for (Symbol count : decorrelated.counts()) {
                replacements.put(count.id(), new Call(Function.COALESCE, List.of(count.reference(), new Constant(0L, DataTypes.BIGINT)), DataTypes.BIGINT));
            }
            List<Symbol> outputs = new ArrayList<>(join.outputs());
            List<RowExpression> expressions = new ArrayList<>();
            for (Symbol symbol : outputs) {
                expressions.add(replacements.containsKey(symbol.id()) ? replacements.get(symbol.id()) : symbol.reference());
            }
            for (int i = 0; i < project.outputs().size(); i++) {
                Symbol symbol = project.outputs().get(i);
                if (!outputs.contains(symbol)) {
                    outputs.add(symbol);
                    expressions.add(Expressions.replaceSymbols(project.expressions().get(i), replacements));
                }
            }
            return new Project(join, outputs, expressions);
        }

        private static boolean isSingleRow(LogicalPlan plan)
        {
            return switch (plan) {
                case Project project -> isSingleRow(project.source());
                case Sort sort -> isSingleRow(sort.source());
                case Aggregate aggregate -> aggregate.groupingKeys().isEmpty();
                case Values values -> values.rows().size() == 1;
                default -> false;
            };
        }

        /**
         * A subquery plan without its correlated predicates. {@code groupedByCorrelation}: a global aggregate now grouped
         * by the correlated columns (at most one row per outer row); {@code counts}: its COUNT outputs.
         */
        private record Decorrelated(LogicalPlan plan, List<RowExpression> correlated, boolean groupedByCorrelation, List<Symbol> counts)
        {
            Decorrelated
            {
                correlated = List.copyOf(correlated);
                counts = List.copyOf(counts);
            }

            static Decorrelated of(LogicalPlan plan)
            {
                return new Decorrelated(plan, List.of(), false, List.of());
            }

            Decorrelated with(LogicalPlan newPlan)
            {
                return new Decorrelated(newPlan, correlated, groupedByCorrelation, counts);
            }
        }

        /** {@link #pull} below a node whose result depends on how often a row occurs (aggregation, LIMIT). */
        private Decorrelated pullCounted(LogicalPlan node, Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            duplicateSensitive++;
            try {
                return pull(node, produced, entry, outer);
            }
            finally {
                duplicateSensitive--;
            }
        }

        private Decorrelated pull(LogicalPlan node, Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            return switch (node) {
                case Filter filter -> {
                    Decorrelated source = pull(filter.source(), produced, entry, outer);
                    List<RowExpression> kept = new ArrayList<>();
                    List<RowExpression> correlated = new ArrayList<>(source.correlated());
                    for (RowExpression conjunct : Expressions.conjuncts(filter.predicate())) {
                        if (produced.containsAll(Expressions.symbolIds(conjunct))) {
                            kept.add(conjunct);
                        }
                        else {
                            correlated.add(conjunct);
                        }
                    }
                    LogicalPlan plan = kept.isEmpty() ? source.plan() : new Filter(source.plan(), Expressions.and(kept));
                    yield new Decorrelated(plan, correlated, source.groupedByCorrelation(), source.counts());
                }
                case Project project -> {
                    Decorrelated source = pull(project.source(), produced, entry, outer);
                    for (RowExpression expression : project.expressions()) {
                        if (!produced.containsAll(Expressions.symbolIds(expression))) {
                            throw notSupported("outer column references in a subquery's SELECT list", entry);
                        }
                    }
                    if (source.correlated().isEmpty()) {
                        yield source.with(project.withSources(List.of(source.plan())));
                    }
                    // keep the inner columns the pulled-up predicates read
                    List<Symbol> outputs = new ArrayList<>(project.outputs());
                    List<RowExpression> expressions = new ArrayList<>(project.expressions());
                    Set<Integer> needed = new HashSet<>();
                    for (RowExpression conjunct : source.correlated()) {
                        needed.addAll(Expressions.symbolIds(conjunct));
                    }
                    for (Symbol symbol : source.plan().outputs()) {
                        if (needed.contains(symbol.id()) && !outputs.contains(symbol)) {
                            outputs.add(symbol);
                            expressions.add(symbol.reference());
                        }
                    }
                    yield source.with(new Project(source.plan(), outputs, expressions));
                }
                case Aggregate aggregate -> {
                    Decorrelated source = pullCounted(aggregate.source(), produced, entry, outer);
                    if (source.correlated().isEmpty()) {
                        yield source.with(aggregate.withSources(List.of(source.plan())));
                    }
                    if (source.groupedByCorrelation()) {
                        throw notSupported("correlated subqueries with nested aggregations", entry);
                    }
                    Set<Integer> sourceIds = Expressions.ids(source.plan().outputs());
                    List<Symbol> keys = new ArrayList<>(aggregate.groupingKeys());
                    List<Symbol> simpleKeys = new ArrayList<>();
                    for (RowExpression conjunct : source.correlated()) {
                        simpleKeys.add(correlationKey(conjunct, produced, sourceIds, source.plan()));
                    }
                    LogicalPlan input = source.plan();
                    List<RowExpression> correlated = source.correlated();
                    if (!simpleKeys.contains(null)) {
                        for (Symbol inner : simpleKeys) {
                            if (!keys.contains(inner)) {
                                keys.add(inner);
                            }
                        }
                    }
                    else {
                        // general case: join the inner rows with the distinct outer values they are correlated with, group
                        // by those values, then correlate on them by equality
                        Domain domain = domain(outer, correlated, produced, entry);
                        input = Join.inner(domain.plan(), source.plan(), Optional.of(Expressions.and(domain.predicates())));
                        keys.addAll(domain.symbols());
                        correlated = domain.equalities();
                    }
                    boolean global = aggregate.groupingKeys().isEmpty();
                    List<Symbol> counts = new ArrayList<>();
                    for (Aggregation aggregation : aggregate.aggregations()) {
                        if (aggregation.function() == AggregateFunction.COUNT || aggregation.function() == AggregateFunction.COUNT_STAR) {
                            counts.add(aggregation.output());
                        }
                    }
                    yield new Decorrelated(new Aggregate(input, keys, aggregate.aggregations()), correlated, global, global ? counts : List.of());
                }
                case Join join -> {
                    Decorrelated left = pull(join.left(), produced, entry, outer);
                    Decorrelated right = pull(join.right(), produced, entry, outer);
                    List<RowExpression> kept = new ArrayList<>();
                    List<RowExpression> correlated = new ArrayList<>();
                    for (RowExpression conjunct : join.condition().map(Expressions::conjuncts).orElse(List.of())) {
                        if (produced.containsAll(Expressions.symbolIds(conjunct))) {
                            kept.add(conjunct);
                        }
                        else {
                            correlated.add(conjunct);
                        }
                    }
                    boolean anyCorrelation = !left.correlated().isEmpty() || !right.correlated().isEmpty() || !correlated.isEmpty();
                    if (anyCorrelation && join.type() == JoinType.SEMI && left.correlated().isEmpty() && duplicateSensitive == 0
                            && !left.groupedByCorrelation() && !right.groupedByCorrelation()) {
                        // a SEMI join correlated with an enclosing query (a nested EXISTS / IN): INNER join with the
                        // distinct right rows (the columns the conditions read), so the correlated predicates can be
                        // pulled up; a left row may now repeat, which only EXISTS / IN / ANY above can tolerate
                        List<RowExpression> pulled = new ArrayList<>(correlated);
                        pulled.addAll(right.correlated());
                        Set<Integer> read = new HashSet<>();
                        for (RowExpression conjunct : kept) {
                            read.addAll(Expressions.symbolIds(conjunct));
                        }
                        for (RowExpression conjunct : pulled) {
                            read.addAll(Expressions.symbolIds(conjunct));
                        }
                        List<Symbol> keys = new ArrayList<>();
                        for (Symbol symbol : right.plan().outputs()) {
                            if (read.contains(symbol.id())) {
                                keys.add(symbol);
                            }
                        }
                        LogicalPlan distinct = new Aggregate(right.plan(), keys, List.of());
                        yield new Decorrelated(Join.inner(left.plan(), distinct, Expressions.andOptional(kept)), pulled, false, List.of());
                    }
                    if (anyCorrelation && join.type() != JoinType.INNER) {
                        throw notSupported("correlated predicates inside an outer or semi join of a subquery", entry);
                    }
                    if (left.groupedByCorrelation() || right.groupedByCorrelation()) {
                        throw notSupported("correlated aggregations joined inside a subquery", entry);
                    }
                    correlated.addAll(left.correlated());
                    correlated.addAll(right.correlated());
                    Join plan = new Join(join.type(), left.plan(), right.plan(), Expressions.andOptional(kept), join.mark());
                    yield new Decorrelated(plan, correlated, false, List.of());
                }
                case Sort sort -> {
                    Decorrelated source = pull(sort.source(), produced, entry, outer);
                    yield source.with(sort.withSources(List.of(source.plan())));
                }
                case TopN topN -> limitPerOuterRow(topN, topN.source(), topN.orderings(), topN.count(), 0, produced, entry, outer);
                case Limit limit -> limitPerOuterRow(limit, limit.source(), null, limit.count(), limit.offset(), produced, entry, outer);
                case EnforceSingleRow enforce -> uncorrelatedOnly(enforce, produced, entry, outer, "scalar subqueries");
                case dev.basalt.planner.logical.Window window -> uncorrelatedOnly(window, produced, entry, outer, "window functions");
                case dev.basalt.planner.logical.RecursiveUnion union -> uncorrelatedOnly(union, produced, entry, outer, "WITH RECURSIVE");
                case dev.basalt.planner.logical.WorkTableScan scan -> Decorrelated.of(scan);
                case dev.basalt.planner.logical.SetOperation setOperation -> uncorrelatedOnly(setOperation, produced, entry, outer, "set operations");
                case Scan scan -> Decorrelated.of(scan);
                case Values values -> Decorrelated.of(values);
                case Output output -> uncorrelatedOnly(output, produced, entry, outer, "this subquery");
                case Apply apply -> uncorrelatedOnly(apply, produced, entry, outer, "nested subqueries");
            };
        }

        /**
         * LIMIT / ORDER BY ... LIMIT over correlated rows: the limit applies per outer row, i.e. per value of the
         * correlated inner columns, so it becomes {@code row_number() OVER (PARTITION BY those columns ORDER BY ...)}
         * restricted to {@code (offset, offset + count]}. Needs every correlated predicate to be
         * {@code inner column = outer expression} (other shapes have no per-outer-row partition).
         */
        private Decorrelated limitPerOuterRow(LogicalPlan node, LogicalPlan child, List<Ordering> orderings, long count, long offset,
                Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            Decorrelated source = pullCounted(child, produced, entry, outer);
            if (source.correlated().isEmpty() && !source.groupedByCorrelation()) {
                return Decorrelated.of(node);
            }
            if (source.groupedByCorrelation()) {
                throw notSupported("correlated subqueries with LIMIT over an aggregate", entry);
            }
            LogicalPlan input = source.plan();
            List<Ordering> order = orderings;
            if (order == null) {
                // LIMIT over ORDER BY: the sort is the window's order (it need not be kept below the window)
                order = List.of();
                if (input instanceof Sort sort) {
                    order = sort.orderings();
                    input = sort.source();
                }
                else if (input instanceof Project project && project.source() instanceof Sort sort) {
                    order = sort.orderings();
                    Set<Integer> projected = Expressions.ids(project.outputs());
                    for (Ordering ordering : order) {
                        if (!projected.contains(ordering.symbol().id())) {
                            throw notSupported("correlated subqueries with ORDER BY columns outside the select list and LIMIT", entry);
                        }
                    }
                }
            }
            Set<Integer> sourceIds = Expressions.ids(input.outputs());
            List<Symbol> partition = new ArrayList<>();
            for (RowExpression conjunct : source.correlated()) {
                Symbol key = correlationKey(conjunct, produced, sourceIds, input);
                if (key == null) {
                    throw notSupported("correlated subqueries with LIMIT and a correlation that is not an equality", entry);
                }
                if (!partition.contains(key)) {
                    partition.add(key);
                }
            }
            Symbol rowNumber = context.symbols().newSymbol("row_number", DataTypes.BIGINT);
            dev.basalt.planner.logical.Window window = new dev.basalt.planner.logical.Window(input, partition, order, List.of(
                    new dev.basalt.planner.logical.Window.Function(rowNumber, WindowFunction.ROW_NUMBER, Optional.empty(), List.of(), false, false,
                            WindowFrame.defaultFrame(!order.isEmpty()))));
            List<RowExpression> range = new ArrayList<>();
            if (offset > 0) {
                range.add(Expressions.booleanCall(Function.GREATER_THAN, rowNumber.reference(), new Constant(offset, DataTypes.BIGINT)));
            }
            range.add(Expressions.booleanCall(Function.LESS_THAN_OR_EQUAL, rowNumber.reference(),
                    new Constant(count > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + count, DataTypes.BIGINT)));
            Filter limited = new Filter(window, Expressions.and(range));
            List<Symbol> outputs = input.outputs();
            LogicalPlan plan = new Project(limited, outputs, outputs.stream().map(symbol -> (RowExpression) symbol.reference()).toList());
            return new Decorrelated(plan, source.correlated(), false, List.of());
        }

        private Decorrelated uncorrelatedOnly(LogicalPlan node, Set<Integer> produced, Apply entry, LogicalPlan outer, String what)
        {
            for (LogicalPlan source : node.sources()) {
                Decorrelated pulled = pull(source, produced, entry, outer);
                if (!pulled.correlated().isEmpty() || pulled.groupedByCorrelation()) {
                    throw notSupported("correlated subqueries with " + what, entry);
                }
            }
            return Decorrelated.of(node);
        }

        /**
         * The distinct values of the outer symbols that {@code correlated} reads, as fresh symbols; the predicates
         * rewritten over them; and the equalities (outer symbol = fresh symbol) that correlate the result again.
         */
        private record Domain(LogicalPlan plan, List<Symbol> symbols, List<RowExpression> predicates, List<RowExpression> equalities) {}

        private Domain domain(LogicalPlan outer, List<RowExpression> correlated, Set<Integer> produced, Apply entry)
        {
            List<Symbol> outerSymbols = new ArrayList<>();
            for (RowExpression conjunct : correlated) {
                for (Integer id : Expressions.symbolIds(conjunct)) {
                    if (!produced.contains(id)) {
                        Symbol symbol = outer.outputs().stream().filter(s -> s.id() == id).findFirst()
                                .orElseThrow(() -> notSupported("a subquery correlated with a query more than one level up", entry));
                        if (!outerSymbols.contains(symbol)) {
                            outerSymbols.add(symbol);
                        }
                    }
                }
            }
            List<Symbol> fresh = new ArrayList<>();
            Map<Integer, RowExpression> mapping = new HashMap<>();
            List<RowExpression> equalities = new ArrayList<>();
            for (Symbol symbol : outerSymbols) {
                // an outer NULL must not find inner rows (else the equality join below would lose them)
                boolean rejected = false;
                for (RowExpression conjunct : correlated) {
                    rejected |= NullRejection.rejectsNulls(conjunct, Set.of(symbol.id()));
                }
                if (!rejected) {
                    throw notSupported("correlated predicates that accept NULL outer values below an aggregation", entry);
                }
                Symbol copy = context.symbols().newSymbol(symbol.name(), symbol.type());
                fresh.add(copy);
                produced.add(copy.id());
                mapping.put(symbol.id(), copy.reference());
                equalities.add(Expressions.booleanCall(Function.EQUAL, symbol.reference(), copy.reference()));
            }
            List<RowExpression> predicates = new ArrayList<>();
            for (RowExpression conjunct : correlated) {
                predicates.add(Expressions.replaceSymbols(conjunct, mapping));
            }
            LogicalPlan values = new Project(outer, fresh, outerSymbols.stream().map(s -> (RowExpression) s.reference()).toList());
            return new Domain(new Aggregate(values, fresh, List.of()), fresh, predicates, equalities);
        }

        /** For {@code inner = outer-expression}: the inner column (an output of {@code source}); null for other shapes. */
        private static Symbol correlationKey(RowExpression conjunct, Set<Integer> produced, Set<Integer> sourceIds, LogicalPlan source)
        {
            if (!(conjunct instanceof Call call) || call.function() != Function.EQUAL) {
                return null;
            }
            for (int side = 0; side < 2; side++) {
                RowExpression inner = call.argument(side);
                RowExpression other = call.argument(1 - side);
                Set<Integer> otherIds = Expressions.symbolIds(other);
                boolean otherIsOuter = !otherIds.isEmpty();
                for (Integer id : otherIds) {
                    otherIsOuter &= !produced.contains(id);
                }
                if (inner instanceof InputReference reference && sourceIds.contains(reference.index()) && otherIsOuter) {
                    for (Symbol symbol : source.outputs()) {
                        if (symbol.id() == reference.index()) {
                            return symbol;
                        }
                    }
                }
            }
            return null;
        }

        private static void collectProduced(LogicalPlan plan, Set<Integer> produced)
        {
            produced.addAll(Expressions.ids(plan.outputs()));
            if (plan instanceof Join join) {
                // SEMI/ANTI/MARK hide their right side's columns from the output, but its predicates read them
                produced.addAll(Expressions.ids(join.right().outputs()));
            }
            for (LogicalPlan source : plan.sources()) {
                collectProduced(source, produced);
            }
        }

        private static BasaltException notSupported(String what, Apply entry)
        {
            return new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported yet", entry.location().line(), entry.location().column(), null);
        }
    }
}
