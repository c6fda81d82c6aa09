package dev.basalt.spi.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type that ends a query. Its message is written for the user (no stack trace is ever
 * shown); the code gives the SQLSTATE. Positions are 1-based and 0 when unknown.
 */
public class BasaltException extends RuntimeException
{
    private final ErrorCode code;
    private final int line;
    private final int column;

    public BasaltException(ErrorCode code, String message)
    {
        this(code, message, 0, 0, null);
    }

    public BasaltException(ErrorCode code, String message, Throwable cause)
    {
        this(code, message, 0, 0, cause);
    }

    public BasaltException(ErrorCode code, String message, int line, int column, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.line = line;
        this.column = column;
    }

    public ErrorCode code()
    {
        return code;
    }

    public String sqlState()
    {
        return code.sqlState();
    }

    /** 1-based line of the offending SQL text, or 0. */
    public int line()
    {
        return line;
    }

    /** 1-based column of the offending SQL text, or 0. */
    public int column()
    {
        return column;
    }

    /** "ERROR 42601: message", the form the shell prints. */
    public String toUserString()
    {
        return "ERROR " + code.sqlState() + ": " + getMessage();
    }

    /** Wraps any throwable as a BasaltException, mapping resource exhaustion to a clean error. */
    public static BasaltException wrap(Throwable t)
    {
        if (t instanceof BasaltException b) {
            return b;
        }
        if (t instanceof org.apache.arrow.memory.OutOfMemoryException) {
            return new BasaltException(ErrorCode.OUT_OF_MEMORY, "query exceeded its memory limit: " + t.getMessage(), t);
        }
        if (t instanceof OutOfMemoryError) {
            return new BasaltException(ErrorCode.OUT_OF_MEMORY, "out of memory: " + t.getMessage(), t);
        }
        if (t instanceof java.io.UncheckedIOException || t instanceof java.io.IOException) {
            return new BasaltException(ErrorCode.IO_ERROR, "I/O error: " + t.getMessage(), t);
        }
        if (t instanceof ArithmeticException) {
            return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: " + t.getMessage(), t);
        }
        return new BasaltException(ErrorCode.INTERNAL_ERROR, "internal error: " + t, t);
    }
}
