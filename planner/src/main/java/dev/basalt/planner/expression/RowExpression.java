package dev.basalt.planner.expression;

import dev.basalt.spi.type.DataType;

/**
 * A bound, typed scalar expression over the columns of one input (the output of a plan node's source).
 * The binder has resolved every name to an {@link InputReference} and inserted every implicit cast, so
 * execution never has to guess a type. Immutable; compiled by execution into vectorized evaluators.
 */
public sealed interface RowExpression
        permits InputReference, Constant, Call, Cast, CaseExpression, InListExpression, LikeExpression
{
    DataType type();
}
