package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Node;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

/** Builds binder errors that carry the SQL position of the offending node. */
final class SemanticErrors
{
    private SemanticErrors() {}

    static BasaltException error(ErrorCode code, String message, Node node)
    {
        if (node == null) {
            return new BasaltException(code, message);
        }
        return new BasaltException(code, message, node.location().line(), node.location().column(), null);
    }

    static BasaltException notSupported(String what, Node node)
    {
        return error(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported yet", node);
    }

    /** Re-throws a value error (bad literal text) with the node's position. */
    static BasaltException at(BasaltException e, Node node)
    {
        if (e.line() != 0 || node == null) {
            return e;
        }
        return new BasaltException(e.code(), e.getMessage(), node.location().line(), node.location().column(), e);
    }
}
