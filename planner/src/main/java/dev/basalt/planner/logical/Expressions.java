package dev.basalt.planner.logical;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.type.BooleanType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Helpers over {@link RowExpression} trees: children, rewriting, symbol references, conjuncts. */
public final class Expressions
{
    public static final Constant TRUE = new Constant(true, BooleanType.BOOLEAN);
    public static final Constant FALSE = new Constant(false, BooleanType.BOOLEAN);

    private Expressions() {}

    public static List<RowExpression> children(RowExpression expression)
    {
        return switch (expression) {
            case InputReference reference -> List.of();
            case Constant constant -> List.of();
            case Call call -> call.arguments();
            case Cast cast -> List.of(cast.input());
            case CaseExpression caseExpression -> {
                List<RowExpression> children = new ArrayList<>();
                for (CaseExpression.WhenClause clause : caseExpression.whenClauses()) {
                    children.add(clause.condition());
                    children.add(clause.result());
                }
                children.add(caseExpression.elseValue());
                yield children;
            }
            case InListExpression inList -> {
                List<RowExpression> children = new ArrayList<>();
                children.add(inList.value());
                children.addAll(inList.list());
                yield children;
            }
            case LikeExpression like -> {
                List<RowExpression> children = new ArrayList<>();
                children.add(like.value());
                children.add(like.pattern());
                like.escape().ifPresent(children::add);
                yield children;
            }
        };
    }

    /** The expression with its children replaced (same count and order as {@link #children}). */
    public static RowExpression withChildren(RowExpression expression, List<RowExpression> children)
    {
        return switch (expression) {
            case InputReference reference -> reference;
            case Constant constant -> constant;
            case Call call -> new Call(call.function(), children, call.type());
            case Cast cast -> new Cast(children.getFirst(), cast.type(), cast.tryCast());
            case CaseExpression caseExpression -> {
                List<CaseExpression.WhenClause> clauses = new ArrayList<>();
                for (int i = 0; i < caseExpression.whenClauses().size(); i++) {
                    clauses.add(new CaseExpression.WhenClause(children.get(2 * i), children.get(2 * i + 1)));
                }
                yield new CaseExpression(clauses, children.getLast(), caseExpression.type());
            }
            case InListExpression inList -> new InListExpression(children.getFirst(), children.subList(1, children.size()));
            case LikeExpression like -> new LikeExpression(children.get(0), children.get(1),
                    children.size() > 2 ? Optional.of(children.get(2)) : Optional.empty(), like.caseInsensitive());
        };
    }

    /**
     * Rewrites top-down: where {@code replacer} returns non-null, that replaces the subtree (not visited further);
     * elsewhere the children are rewritten. Returns the same instance when nothing changed.
     */
    public static RowExpression rewrite(RowExpression expression, UnaryOperator<RowExpression> replacer)
    {
        RowExpression replaced = replacer.apply(expression);
        if (replaced != null) {
            return replaced;
        }
        List<RowExpression> children = children(expression);
        if (children.isEmpty()) {
            return expression;
        }
        List<RowExpression> newChildren = new ArrayList<>(children.size());
        boolean changed = false;
        for (RowExpression child : children) {
            RowExpression newChild = rewrite(child, replacer);
            changed |= newChild != child;
            newChildren.add(newChild);
        }
        return changed ? withChildren(expression, newChildren) : expression;
    }

    /** Rewrites bottom-up: {@code rewriter} sees each node after its children were rewritten. */
    public static RowExpression rewriteBottomUp(RowExpression expression, UnaryOperator<RowExpression> rewriter)
    {
        List<RowExpression> children = children(expression);
        RowExpression current = expression;
        if (!children.isEmpty()) {
            List<RowExpression> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (RowExpression child : children) {
                RowExpression newChild = rewriteBottomUp(child, rewriter);
                changed |= newChild != child;
                newChildren.add(newChild);
            }
            if (changed) {
                current = withChildren(expression, newChildren);
            }
        }
        return rewriter.apply(current);
    }

    /** Replaces references to the given symbol ids by the mapped expressions. */
    public static RowExpression replaceSymbols(RowExpression expression, Map<Integer, ? extends RowExpression> mapping)
    {
        return rewrite(expression, node -> node instanceof InputReference reference ? mapping.get(reference.index()) : null);
    }

    /** Ids of the symbols an expression references, in first-use order. */
    public static Set<Integer> symbolIds(RowExpression expression)
    {
        Set<Integer> ids = new LinkedHashSet<>();
        collectSymbolIds(expression, ids);
        return ids;
    }

    private static void collectSymbolIds(RowExpression expression, Set<Integer> ids)
    {
        if (expression instanceof InputReference reference) {
            ids.add(reference.index());
            return;
        }
        for (RowExpression child : children(expression)) {
            collectSymbolIds(child, ids);
        }
    }

    public static Set<Integer> ids(List<Symbol> symbols)
    {
        Set<Integer> ids = new LinkedHashSet<>();
        for (Symbol symbol : symbols) {
            ids.add(symbol.id());
        }
        return ids;
    }

    /** True when every symbol the expression references is among {@code available}. */
    public static boolean referencesOnly(RowExpression expression, Set<Integer> available)
    {
        return available.containsAll(symbolIds(expression));
    }

    /** The operands of a (nested) AND, or the expression itself. */
    public static List<RowExpression> conjuncts(RowExpression expression)
    {
        List<RowExpression> conjuncts = new ArrayList<>();
        collectConjuncts(expression, conjuncts);
        return conjuncts;
    }

    private static void collectConjuncts(RowExpression expression, List<RowExpression> conjuncts)
    {
        if (expression instanceof Call call && call.function() == Function.AND) {
            for (RowExpression argument : call.arguments()) {
                collectConjuncts(argument, conjuncts);
            }
        }
        else if (!expression.equals(TRUE)) {
            conjuncts.add(expression);
        }
    }

    /** AND of the conjuncts: TRUE for none, the conjunct itself for one. */
    public static RowExpression and(List<RowExpression> conjuncts)
    {
        List<RowExpression> flat = new ArrayList<>();
        for (RowExpression conjunct : conjuncts) {
            collectConjuncts(conjunct, flat);
        }
        return switch (flat.size()) {
            case 0 -> TRUE;
            case 1 -> flat.getFirst();
            default -> new Call(Function.AND, flat, BooleanType.BOOLEAN);
        };
    }

    public static RowExpression and(RowExpression left, RowExpression right)
    {
        return and(List.of(left, right));
    }

    /** AND of the conjuncts, empty when there are none. */
    public static Optional<RowExpression> andOptional(List<RowExpression> conjuncts)
    {
        RowExpression combined = and(conjuncts);
        return combined.equals(TRUE) ? Optional.empty() : Optional.of(combined);
    }

    /** The operands of a (nested) OR, or the expression itself. */
    public static List<RowExpression> disjuncts(RowExpression expression)
    {
        List<RowExpression> result = new ArrayList<>();
        if (expression instanceof Call call && call.function() == Function.OR) {
            for (RowExpression argument : call.arguments()) {
                result.addAll(disjuncts(argument));
            }
        }
        else {
            result.add(expression);
        }
        return result;
    }

    /** The comparison with its operands swapped ({@code a < b} is {@code b > a}); other functions unchanged. */
    public static Function flipComparison(Function function)
    {
        return switch (function) {
            case LESS_THAN -> Function.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Function.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Function.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
            default -> function;
        };
    }

    /**
     * A two-argument call with a lone constant moved to the right, comparisons flipped ({@code 5 < a} is
     * {@code a > 5}); otherwise the call itself.
     */
    public static Call constantOnRight(Call call)
    {
        if (call.arguments().size() == 2 && call.argument(0) instanceof Constant && !(call.argument(1) instanceof Constant)) {
            return new Call(flipComparison(call.function()), List.of(call.argument(1), call.argument(0)), call.type());
        }
        return call;
    }

    public static Call booleanCall(Function function, RowExpression... arguments)
    {
        return new Call(function, List.of(arguments), BooleanType.BOOLEAN);
    }

    /** False when evaluating the expression twice may give different values (RANDOM, UUID): never duplicate or move it. */
    public static boolean isDeterministic(RowExpression expression)
    {
        if (expression instanceof Call call && (call.function() == Function.RANDOM || call.function() == Function.UUID)) {
            return false;
        }
        for (RowExpression child : children(expression)) {
            if (!isDeterministic(child)) {
                return false;
            }
        }
        return true;
    }
}
