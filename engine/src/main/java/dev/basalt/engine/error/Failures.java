package dev.basalt.engine.error;

import dev.basalt.engine.memory.MemorySize;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.memory.OutOfMemoryException;

/** Maps whatever a statement threw to the one exception users see, with a SQLSTATE. */
public final class Failures
{
    private Failures() {}

    /**
     * The BasaltException for a failure. Arrow allocation failures (also when an operator wrapped them) become
     * 53200 naming the limit; anything unexpected becomes INTERNAL with the cause attached.
     */
    public static BasaltException toBasalt(Throwable failure, long memoryLimitBytes)
    {
        if (failure instanceof BasaltException basalt && basalt.code() != ErrorCode.INTERNAL_ERROR) {
            return basalt;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryException) {
                return new BasaltException(ErrorCode.OUT_OF_MEMORY, "out of memory: the query needs more than its memory limit of "
                        + MemorySize.format(memoryLimitBytes) + " (raise it with SET memory_limit = '...')", failure);
            }
            if (cause instanceof OutOfMemoryError) {
                return new BasaltException(ErrorCode.OUT_OF_MEMORY, "out of memory: the JVM heap is exhausted (" + cause.getMessage() + ")", failure);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return BasaltException.wrap(failure);
    }

    /** Closes a resource after a failure, keeping the original failure and recording the secondary one. */
    public static void closeAfterFailure(AutoCloseable resource, Throwable failure)
    {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        }
        catch (Throwable secondary) {
            if (secondary != failure) {
                failure.addSuppressed(secondary);
            }
        }
    }
}
