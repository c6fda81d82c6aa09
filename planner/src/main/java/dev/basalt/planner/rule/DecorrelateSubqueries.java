package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
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
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 *   <li>A SELECT list reading outer columns: a scalar subquery's is computed above the join (with a match flag, so
 *       no inner row still gives NULL); an IN / ANY one becomes part of the join condition; EXISTS drops it. Deeper
 *       down (aggregate arguments, under DISTINCT), the distinct outer values are cross joined in as fresh columns
 *       (a "domain") that the subquery reads instead, correlated by IS NOT DISTINCT FROM (two hashable equalities).</li>
 *   <li>The same domain handles correlated predicates that are not {@code inner = outer} below aggregations, LIMIT,
 *       window functions and set operations, and the dependent right side of outer / semi / mark joins inside a
 *       subquery. Columns of queries further up stay free references, pulled out by those queries' decorrelation.</li>
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
            Optional<RowExpression> comparison = entry.comparison();
            Set<Integer> produced = new HashSet<>();
            collectProduced(subquery, produced);
            // a SELECT list reading outer columns is evaluated above the join, where both sides' columns are at hand
            RowExpression hoisted = null;
            Symbol matched = null;
            if (entry.kind() == Apply.Kind.SCALAR) {
                subquery = liftProjection(subquery, produced);
            }
            if (subquery instanceof Project top && readsOuter(top.expressions(), produced)
                    && (entry.kind() != Apply.Kind.SCALAR || top.expressionOf(entry.output()) != null)) {
                switch (entry.kind()) {
                    // EXISTS never reads the values
                    case EXISTS -> subquery = top.source();
                    case ANY -> {
                        Map<Integer, RowExpression> values = new HashMap<>();
                        for (int i = 0; i < top.outputs().size(); i++) {
                            values.put(top.outputs().get(i).id(), top.expressions().get(i));
                        }
                        comparison = comparison.map(expression -> Expressions.replaceSymbols(expression, values));
                        subquery = top.source();
                    }
                    case SCALAR -> {
                        hoisted = top.expressionOf(entry.output());
                        subquery = top.source();
                        if (!(subquery instanceof Aggregate aggregate && aggregate.groupingKeys().isEmpty())) {
                            // no inner row must give NULL, not the expression over NULL inner columns
                            matched = context.symbols().newSymbol("matched", DataTypes.BOOLEAN);
                            List<Symbol> outputs = new ArrayList<>(subquery.outputs());
                            List<RowExpression> expressions = new ArrayList<>();
                            for (Symbol symbol : outputs) {
                                expressions.add(symbol.reference());
                            }
                            outputs.add(matched);
                            expressions.add(Expressions.TRUE);
                            subquery = new Project(subquery, outputs, expressions);
                        }
                    }
                }
                produced.clear();
                collectProduced(subquery, produced);
            }
            duplicateSensitive = entry.kind() == Apply.Kind.SCALAR ? 1 : 0;
            Decorrelated decorrelated = pull(subquery, produced, entry, outer);
            List<RowExpression> correlated = decorrelated.correlated();
            Set<Integer> available = new HashSet<>(Expressions.ids(outer.outputs()));
            available.addAll(Expressions.ids(decorrelated.plan().outputs()));
            Set<Integer> outerProduced = new HashSet<>();
            collectProduced(outer, outerProduced);
            for (RowExpression conjunct : correlated) {
                // a column of a query further up stays in the join condition: that query's decorrelation pulls it out
                if (!Expressions.referencesOnly(conjunct, available) && !readsOnlyEnclosing(conjunct, available, outerProduced)) {
                    throw notSupported("a subquery correlated with a query more than one level up or with aggregated columns", entry);
                }
            }
            if (comparison.isPresent() && !Expressions.referencesOnly(comparison.get(), available)) {
                throw notSupported("this use of an aggregate or outer column with IN / ANY (subquery)", entry);
            }
            Symbol output = entry.output();
            LogicalPlan joined = join(entry, outer, decorrelated, correlated, comparison, output);
            if (hoisted == null) {
                return joined;
            }
            List<Symbol> outputs = new ArrayList<>(joined.outputs());
            List<RowExpression> expressions = new ArrayList<>();
            for (Symbol symbol : outputs) {
                expressions.add(symbol.reference());
            }
            outputs.add(output);
            expressions.add(matched == null ? hoisted
                    : new CaseExpression(List.of(new CaseExpression.WhenClause(matched.reference(), hoisted)), new Constant(null, hoisted.type()), hoisted.type()));
            return new Project(joined, outputs, expressions);
        }

        private LogicalPlan join(Apply entry, LogicalPlan outer, Decorrelated decorrelated, List<RowExpression> correlated,
                Optional<RowExpression> comparison, Symbol output)
        {
            return switch (entry.kind()) {
                case EXISTS, ANY -> {
                    if (decorrelated.groupedByCorrelation()) {
                        yield aggregateMembership(entry, outer, decorrelated, comparison, output);
                    }
                    JoinType type = entry.joinType();
                    List<RowExpression> condition = new ArrayList<>();
                    for (RowExpression conjunct : correlated) {
                        // in a MARK join a NULL condition means "unknown"; a NULL correlation predicate only filters. (Nor
                        // may it be a hash key: a hash MARK join takes any NULL comparison value as "unknown" for every
                        // row, while it only counts for the rows of the same outer values.)
                        if (type == JoinType.MARK && entry.kind() == Apply.Kind.ANY) {
                            condition.add(isNullSafeEquality(conjunct) ? conjunct
                                    : new Call(Function.COALESCE, List.of(conjunct, Expressions.FALSE), DataTypes.BOOLEAN));
                        }
                        else {
                            condition.addAll(hashable(conjunct));
                        }
                    }
                    comparison.ifPresent(condition::add);
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
                        yield new Join(JoinType.SINGLE, outer, decorrelated.plan(), Expressions.andOptional(hashable(correlated)), Optional.empty());
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

        /**
         * EXISTS / IN over a correlated global aggregate without HAVING: exactly one row per outer row, so EXISTS is
         * TRUE and IN is the comparison with that row's value (the scalar subquery's LEFT join).
         */
        private LogicalPlan aggregateMembership(Apply entry, LogicalPlan outer, Decorrelated decorrelated, Optional<RowExpression> comparison, Symbol output)
        {
            LogicalPlan plan = decorrelated.plan();
            if (!(plan instanceof Aggregate) && !(plan instanceof Project project && project.source() instanceof Aggregate)) {
                throw notSupported("EXISTS / IN over a correlated aggregate with HAVING", entry);
            }
            LogicalPlan input = outer;
            RowExpression value = Expressions.TRUE;
            if (entry.kind() == Apply.Kind.ANY) {
                input = scalarJoin(outer, decorrelated, entry);
                value = comparison.orElseThrow();
            }
            return switch (entry.joinType()) {
                case SEMI -> Project.identity(new Filter(input, value), outer.outputs());
                case ANTI -> Project.identity(new Filter(input, Expressions.booleanCall(Function.NOT, value)), outer.outputs());
                case MARK -> {
                    List<Symbol> outputs = new ArrayList<>(outer.outputs());
                    List<RowExpression> expressions = new ArrayList<>();
                    for (Symbol symbol : outputs) {
                        expressions.add(symbol.reference());
                    }
                    outputs.add(output);
                    expressions.add(value);
                    yield new Project(input, outputs, expressions);
                }
                case INNER, LEFT, RIGHT, FULL, SINGLE, RIGHT_SEMI, RIGHT_ANTI -> throw new IllegalStateException("subquery join type " + entry.joinType());
            };
        }

        /** LEFT join of a correlated scalar aggregate; COUNTs (0 on no rows, not NULL) are re-computed above the join. */
        private LogicalPlan scalarJoin(LogicalPlan outer, Decorrelated decorrelated, Apply entry)
        {
            Optional<RowExpression> condition = Expressions.andOptional(hashable(decorrelated.correlated()));
            if (decorrelated.counts().isEmpty()) {
                return new Join(JoinType.LEFT, outer, decorrelated.plan(), condition, Optional.empty());
            }
            // the shape is [Project](Aggregate): join the aggregate, then project with COALESCE(count, 0)
            Project project;
            Aggregate aggregate;
            if (decorrelated.plan() instanceof Aggregate bare) {
                aggregate = bare;
                project = Project.identity(bare, List.of());
            }
            else if (decorrelated.plan() instanceof Project top && top.source() instanceof Aggregate below) {
                aggregate = below;
                project = top;
            }
            else {
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
                    List<RowExpression> projected = project.expressions();
                    if (readsOuter(projected, produced)) {
                        source = withOuterDomain(source, projected, produced, entry, outer);
                        Map<Integer, RowExpression> mapping = new HashMap<>();
                        for (RowExpression conjunct : source.correlated()) {
                            if (isNullSafeEquality(conjunct) && conjunct instanceof Call call && call.argument(1) instanceof InputReference reference) {
                                mapping.putIfAbsent(reference.index(), call.argument(0));
                            }
                        }
                        List<RowExpression> replaced = new ArrayList<>();
                        for (RowExpression expression : projected) {
                            replaced.add(Expressions.replaceSymbols(expression, mapping));
                        }
                        projected = replaced;
                    }
                    if (source.correlated().isEmpty()) {
                        yield source.with(project.withSources(List.of(source.plan())));
                    }
                    // keep the inner columns the pulled-up predicates read
                    List<Symbol> outputs = new ArrayList<>(project.outputs());
                    List<RowExpression> expressions = new ArrayList<>(projected);
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
                    // inner column = outer value: group by the inner column
                    List<RowExpression> correlated = new ArrayList<>();
                    List<RowExpression> general = new ArrayList<>();
                    for (RowExpression conjunct : source.correlated()) {
                        Symbol inner = correlationKey(conjunct, produced, sourceIds, source.plan());
                        if (inner == null) {
                            general.add(conjunct);
                        }
                        else {
                            correlated.add(conjunct);
                            if (!keys.contains(inner)) {
                                keys.add(inner);
                            }
                        }
                    }
                    LogicalPlan input = source.plan();
                    if (!general.isEmpty()) {
                        // other predicates: join the inner rows with the distinct outer values they are correlated with,
                        // group by those values, then correlate on them by equality
                        Domain domain = domain(outer, general, produced, entry);
                        input = Join.inner(domain.plan(), source.plan(), Expressions.andOptional(hashable(domain.predicates())));
                        keys.addAll(domain.symbols());
                        correlated.addAll(domain.equalities());
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
                    List<RowExpression> dependent = new ArrayList<>(correlated);
                    dependent.addAll(right.correlated());
                    boolean preservesLeft = switch (join.type()) {
                        case LEFT, SINGLE, SEMI, ANTI, MARK -> true;
                        case INNER, RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI -> false;
                    };
                    if ((!dependent.isEmpty() || !left.correlated().isEmpty()) && preservesLeft && !left.groupedByCorrelation()
                            && (!right.groupedByCorrelation() || join.type() == JoinType.LEFT || join.type() == JoinType.SINGLE)) {
                        // the left side's correlated predicates only filter its rows: pulled up through the join. If the
                        // right side depends on the outer row: give the left side the distinct outer values (as fresh
                        // columns), make the dependence a join condition on them and correlate on them instead; a right
                        // side grouped by the correlation already has its empty groups handled above this join
                        LogicalPlan leftPlan = left.plan();
                        List<RowExpression> condition = new ArrayList<>(kept);
                        List<RowExpression> pulled = new ArrayList<>(left.correlated());
                        if (!dependent.isEmpty()) {
                            Domain domain = domain(outer, dependent, produced, entry);
                            leftPlan = Join.inner(domain.plan(), leftPlan, Optional.empty());
                            condition.addAll(hashable(domain.predicates()));
                            pulled.addAll(domain.equalities());
                        }
                        Join plan = new Join(join.type(), leftPlan, right.plan(), Expressions.andOptional(condition), join.mark());
                        yield new Decorrelated(plan, pulled, false, List.of());
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
                case dev.basalt.planner.logical.Window window -> windowPerOuterRow(window, produced, entry, outer);
                case dev.basalt.planner.logical.RecursiveUnion union -> uncorrelatedOnly(union, produced, entry, outer, "WITH RECURSIVE");
                case dev.basalt.planner.logical.WorkTableScan scan -> Decorrelated.of(scan);
                case dev.basalt.planner.logical.SeriesScan series -> Decorrelated.of(series);
                case dev.basalt.planner.logical.SetOperation setOperation -> setOperationPerOuterRow(setOperation, produced, entry, outer);
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
                if (offset == 0 && count >= 1) {
                    // one row per outer row already
                    return source;
                }
                throw notSupported("correlated subqueries with LIMIT 0 or OFFSET over an aggregate", entry);
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
            Partitioned partitioned = partitionByCorrelation(input, source.correlated(), produced, entry, outer);
            input = partitioned.input();
            List<Symbol> partition = partitioned.keys();
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
            return new Decorrelated(plan, partitioned.correlated(), false, List.of());
        }

        /** An input with one partition per outer row: its partition keys, and the predicates correlating them. */
        private record Partitioned(LogicalPlan input, List<Symbol> keys, List<RowExpression> correlated) {}

        /**
         * Partitions {@code input} by the outer row it belongs to: by the inner column of each {@code inner = outer}
         * predicate, and for the other predicates by the distinct outer values joined in (a domain, as below an
         * aggregation).
         */
        private Partitioned partitionByCorrelation(LogicalPlan input, List<RowExpression> conjuncts, Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            Set<Integer> sourceIds = Expressions.ids(input.outputs());
            List<Symbol> keys = new ArrayList<>();
            List<RowExpression> correlated = new ArrayList<>();
            List<RowExpression> general = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                Symbol key = correlationKey(conjunct, produced, sourceIds, input);
                if (key == null) {
                    general.add(conjunct);
                    continue;
                }
                correlated.add(conjunct);
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            LogicalPlan plan = input;
            if (!general.isEmpty()) {
                Domain domain = domain(outer, general, produced, entry);
                plan = Join.inner(domain.plan(), input, Expressions.andOptional(hashable(domain.predicates())));
                keys.addAll(domain.symbols());
                correlated.addAll(domain.equalities());
            }
            return new Partitioned(plan, keys, correlated);
        }

        /**
         * UNION / INTERSECT / EXCEPT of correlated branches: every branch is joined with the distinct values of all the
         * outer columns any branch reads, which become extra columns of the set operation (so rows of different outer
         * values never meet), correlated by IS NOT DISTINCT FROM.
         */
        private Decorrelated setOperationPerOuterRow(dev.basalt.planner.logical.SetOperation operation, Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            List<Decorrelated> branches = new ArrayList<>();
            List<RowExpression> all = new ArrayList<>();
            for (LogicalPlan input : operation.inputs()) {
                Decorrelated branch = pullCounted(input, produced, entry, outer);
                if (branch.groupedByCorrelation()) {
                    throw notSupported("set operations over correlated aggregations", entry);
                }
                branches.add(branch);
                all.addAll(branch.correlated());
            }
            if (all.isEmpty()) {
                return Decorrelated.of(operation);
            }
            List<LogicalPlan> inputs = new ArrayList<>();
            List<List<Symbol>> inputSymbols = new ArrayList<>();
            List<Symbol> outputs = new ArrayList<>(operation.outputs());
            List<RowExpression> correlated = new ArrayList<>();
            int offset = 0;
            for (int i = 0; i < branches.size(); i++) {
                Decorrelated branch = branches.get(i);
                Domain domain = domain(outer, all, produced, entry);
                List<RowExpression> predicates = domain.predicates().subList(offset, offset + branch.correlated().size());
                offset += branch.correlated().size();
                inputs.add(Join.inner(domain.plan(), branch.plan(), Expressions.andOptional(hashable(predicates))));
                List<Symbol> symbols = new ArrayList<>(operation.inputSymbols().get(i));
                symbols.addAll(domain.symbols());
                inputSymbols.add(symbols);
                if (i == 0) {
                    for (int j = 0; j < domain.symbols().size(); j++) {
                        Symbol fresh = domain.symbols().get(j);
                        Call equality = (Call) domain.equalities().get(j);
                        RowExpression outerValue = equality.argument(0).equals(fresh.reference()) ? equality.argument(1) : equality.argument(0);
                        Symbol output = context.symbols().newSymbol(fresh.name(), fresh.type());
                        produced.add(output.id());
                        outputs.add(output);
                        correlated.add(Expressions.booleanCall(Function.IS_NOT_DISTINCT_FROM, output.reference(), outerValue));
                    }
                }
            }
            LogicalPlan plan = new dev.basalt.planner.logical.SetOperation(operation.type(), operation.all(), inputs, inputSymbols, outputs);
            return new Decorrelated(plan, correlated, false, List.of());
        }

        /** Window functions over correlated rows: computed per outer row, i.e. also partitioned by the correlation. */
        private Decorrelated windowPerOuterRow(dev.basalt.planner.logical.Window window, Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            Decorrelated source = pullCounted(window.source(), produced, entry, outer);
            if (source.correlated().isEmpty() && !source.groupedByCorrelation()) {
                return Decorrelated.of(window);
            }
            if (source.groupedByCorrelation()) {
                throw notSupported("correlated subqueries with window functions over an aggregate", entry);
            }
            Partitioned partitioned = partitionByCorrelation(source.plan(), source.correlated(), produced, entry, outer);
            List<Symbol> partition = new ArrayList<>(partitioned.keys());
            for (Symbol symbol : window.partitionBy()) {
                if (!partition.contains(symbol)) {
                    partition.add(symbol);
                }
            }
            LogicalPlan plan = new dev.basalt.planner.logical.Window(partitioned.input(), partition, window.orderBy(), window.functions());
            return new Decorrelated(plan, partitioned.correlated(), false, List.of());
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
            Set<Integer> outerProduced = new HashSet<>();
            collectProduced(outer, outerProduced);
            for (RowExpression conjunct : correlated) {
                for (RowExpression reference : references(conjunct)) {
                    int id = ((InputReference) reference).index();
                    if (!produced.contains(id)) {
                        Symbol symbol = outer.outputs().stream().filter(s -> s.id() == id).findFirst().orElse(null);
                        if (symbol == null) {
                            if (outerProduced.contains(id)) {
                                throw notSupported("a subquery correlated with aggregated columns", entry);
                            }
                            // a column of a query further up: read (free) by the domain's projection, which that
                            // query's decorrelation then correlates in turn
                            symbol = new Symbol(id, "outer", reference.type());
                        }
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
                // when the predicates reject an outer NULL, no group exists for it and a plain equality suffices; else the
                // NULL has its own group, found again by IS NOT DISTINCT FROM
                boolean rejected = false;
                for (RowExpression conjunct : correlated) {
                    rejected |= NullRejection.rejectsNulls(conjunct, Set.of(symbol.id()));
                }
                Symbol copy = context.symbols().newSymbol(symbol.name(), symbol.type());
                fresh.add(copy);
                produced.add(copy.id());
                mapping.put(symbol.id(), copy.reference());
                equalities.add(rejected ? Expressions.booleanCall(Function.EQUAL, symbol.reference(), copy.reference())
                        : Expressions.booleanCall(Function.IS_NOT_DISTINCT_FROM, copy.reference(), symbol.reference()));
            }
            List<RowExpression> predicates = new ArrayList<>();
            for (RowExpression conjunct : correlated) {
                predicates.add(Expressions.replaceSymbols(conjunct, mapping));
            }
            LogicalPlan values = new Project(outer, fresh, outerSymbols.stream().map(s -> (RowExpression) s.reference()).toList());
            return new Domain(new Aggregate(values, fresh, List.of()), fresh, predicates, equalities);
        }

        /**
         * For {@code inner = outer-expression} (or {@code IS NOT DISTINCT FROM}): the inner column (an output of
         * {@code source}); null for other shapes.
         */
        private static Symbol correlationKey(RowExpression conjunct, Set<Integer> produced, Set<Integer> sourceIds, LogicalPlan source)
        {
            if (!(conjunct instanceof Call call) || call.function() != Function.EQUAL && call.function() != Function.IS_NOT_DISTINCT_FROM) {
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

        /**
         * {@code source} cross joined with the distinct values of the outer columns {@code expressions} read (one level
         * up), as fresh inner columns correlated by {@code outer IS NOT DISTINCT FROM fresh} (the first argument is the
         * fresh column, the second the outer one): the expressions can then be evaluated inside the subquery on
         * {@code fresh}, and every outer row still meets exactly its own inner rows.
         */
        private Decorrelated withOuterDomain(Decorrelated source, List<RowExpression> expressions, Set<Integer> produced, Apply entry, LogicalPlan outer)
        {
            if (source.groupedByCorrelation()) {
                throw notSupported("outer column references above a correlated aggregation nested in a subquery", entry);
            }
            // outer columns a deeper domain already brought in need no second one
            Set<Integer> present = new HashSet<>();
            for (RowExpression conjunct : source.correlated()) {
                if (isNullSafeEquality(conjunct) && conjunct instanceof Call call && call.argument(1) instanceof InputReference reference
                        && Expressions.symbolIds(call.argument(0)).size() == 1
                        && Expressions.ids(source.plan().outputs()).containsAll(Expressions.symbolIds(call.argument(0)))) {
                    present.add(reference.index());
                }
            }
            List<Symbol> outerSymbols = new ArrayList<>();
            for (RowExpression expression : expressions) {
                for (Integer id : Expressions.symbolIds(expression)) {
                    if (!produced.contains(id) && !present.contains(id)) {
                        Symbol symbol = null;
                        for (Symbol candidate : outer.outputs()) {
                            if (candidate.id() == id) {
                                symbol = candidate;
                            }
                        }
                        if (symbol == null) {
                            // a query further up: stays a free reference, which that query's decorrelation brings in
                            continue;
                        }
                        if (!outerSymbols.contains(symbol)) {
                            outerSymbols.add(symbol);
                        }
                    }
                }
            }
            if (outerSymbols.isEmpty()) {
                return source;
            }
            List<Symbol> fresh = new ArrayList<>();
            List<RowExpression> values = new ArrayList<>();
            List<RowExpression> correlated = new ArrayList<>(source.correlated());
            for (Symbol symbol : outerSymbols) {
                Symbol copy = context.symbols().newSymbol(symbol.name(), symbol.type());
                produced.add(copy.id());
                fresh.add(copy);
                values.add(symbol.reference());
                correlated.add(Expressions.booleanCall(Function.IS_NOT_DISTINCT_FROM, copy.reference(), symbol.reference()));
            }
            LogicalPlan domain = new Aggregate(new Project(outer, fresh, values), fresh, List.of());
            return new Decorrelated(Join.inner(domain, source.plan(), Optional.empty()), correlated, false, source.counts());
        }

        /** The symbol references in {@code expression}. */
        private static List<RowExpression> references(RowExpression expression)
        {
            List<RowExpression> references = new ArrayList<>();
            Expressions.rewrite(expression, node -> {
                if (node instanceof InputReference) {
                    references.add(node);
                }
                return null;
            });
            return references;
        }

        private static boolean readsOuter(List<RowExpression> expressions, Set<Integer> produced)
        {
            for (RowExpression expression : expressions) {
                if (!produced.containsAll(Expressions.symbolIds(expression))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A scalar subquery's SELECT projection moved above its LIMIT / ORDER BY (a projection is per row, so they
         * commute when the sort keys are plain columns), so that a projection reading outer columns ends up on top.
         */
        private static LogicalPlan liftProjection(LogicalPlan plan, Set<Integer> produced)
        {
            LogicalPlan child = switch (plan) {
                case Limit limit -> limit.source();
                case Sort sort -> sort.source();
                case TopN topN -> topN.source();
                default -> null;
            };
            if (child == null) {
                return plan;
            }
            LogicalPlan lifted = liftProjection(child, produced);
            if (!(lifted instanceof Project project) || !readsOuter(project.expressions(), produced)) {
                return lifted == child ? plan : plan.withSources(List.of(lifted));
            }
            List<Ordering> orderings = switch (plan) {
                case Sort sort -> sort.orderings();
                case TopN topN -> topN.orderings();
                default -> List.of();
            };
            List<Ordering> below = new ArrayList<>();
            for (Ordering ordering : orderings) {
                Symbol symbol = null;
                if (project.expressionOf(ordering.symbol()) instanceof InputReference reference) {
                    for (Symbol candidate : project.source().outputs()) {
                        if (candidate.id() == reference.index()) {
                            symbol = candidate;
                        }
                    }
                }
                if (symbol == null) {
                    return lifted == child ? plan : plan.withSources(List.of(lifted));
                }
                below.add(new Ordering(symbol, ordering.ascending(), ordering.nullsFirst()));
            }
            LogicalPlan moved = switch (plan) {
                case Sort sort -> new Sort(project.source(), below);
                case TopN topN -> new TopN(project.source(), below, topN.count());
                default -> plan.withSources(List.of(project.source()));
            };
            return project.withSources(List.of(moved));
        }

        private static boolean isNullSafeEquality(RowExpression conjunct)
        {
            return conjunct instanceof Call call && call.function() == Function.IS_NOT_DISTINCT_FROM;
        }

        private static List<RowExpression> hashable(List<RowExpression> conjuncts)
        {
            List<RowExpression> result = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                result.addAll(hashable(conjunct));
            }
            return result;
        }

        /**
         * {@code a IS NOT DISTINCT FROM b} as equalities a hash join can use: {@code (a IS NULL) = (b IS NULL)} and
         * {@code COALESCE(a, v) = COALESCE(b, v)} for some value v of the type; other conjuncts as they are.
         */
        private static List<RowExpression> hashable(RowExpression conjunct)
        {
            if (!(conjunct instanceof Call call) || call.function() != Function.IS_NOT_DISTINCT_FROM
                    || !call.argument(0).type().equals(call.argument(1).type())) {
                return List.of(conjunct);
            }
            DataType type = call.argument(0).type();
            Object value = someValue(type);
            if (value == null) {
                return List.of(conjunct);
            }
            Constant constant = new Constant(value, type);
            return List.of(
                    Expressions.booleanCall(Function.EQUAL, Expressions.booleanCall(Function.IS_NULL, call.argument(0)),
                            Expressions.booleanCall(Function.IS_NULL, call.argument(1))),
                    Expressions.booleanCall(Function.EQUAL, new Call(Function.COALESCE, List.of(call.argument(0), constant), type),
                            new Call(Function.COALESCE, List.of(call.argument(1), constant), type)));
        }

        /** Any non-NULL value of {@code type} (its canonical Java object), or null for types without a simple one. */
        private static Object someValue(DataType type)
        {
            if (type.equals(DataTypes.BOOLEAN)) {
                return false;
            }
            if (type.equals(DataTypes.SMALLINT)) {
                return (short) 0;
            }
            if (type.equals(DataTypes.INTEGER)) {
                return 0;
            }
            if (type.equals(DataTypes.BIGINT)) {
                return 0L;
            }
            if (type.equals(DataTypes.DOUBLE)) {
                return 0.0;
            }
            if (type instanceof DecimalType decimal) {
                return BigDecimal.ZERO.setScale(decimal.scale());
            }
            if (type instanceof VarcharType) {
                return "";
            }
            if (type.equals(DataTypes.DATE)) {
                return LocalDate.EPOCH;
            }
            if (type.equals(DataTypes.TIMESTAMP)) {
                return LocalDateTime.of(1970, 1, 1, 0, 0);
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
