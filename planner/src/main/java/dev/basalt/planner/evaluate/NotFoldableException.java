package dev.basalt.planner.evaluate;

/**
 * The planner cannot (or should not) compute a value at planning time; the expression is left for execution.
 * Never reaches a user: callers catch it and keep the unfolded expression.
 */
public final class NotFoldableException extends RuntimeException
{
    public NotFoldableException(String message)
    {
        super(message, null, false, false);
    }
}
