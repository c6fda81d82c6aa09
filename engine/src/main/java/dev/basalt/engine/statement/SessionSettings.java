package dev.basalt.engine.statement;

import dev.basalt.engine.memory.MemorySize;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The settings one session changes with SET / RESET. Mutable, owned by its session (which is single-threaded).
 */
public final class SessionSettings
{
    private final long defaultQueryMemoryLimit;
    private boolean integerDivision;
    private boolean sqliteCompatibility;
    private long queryMemoryLimit;
    private int threads;

    public SessionSettings(long defaultQueryMemoryLimit)
    {
        this.defaultQueryMemoryLimit = defaultQueryMemoryLimit;
        resetAll();
    }

    /** {@code 1 / 2} is 0 (integer division, SQLite/PostgreSQL) instead of 0.5 (DuckDB's default). */
    public boolean integerDivision()
    {
        return integerDivision;
    }

    /**
     * Accept the few statements SQLite accepts where the standard (and PostgreSQL, DuckDB) raise an error; the
     * sqllogictest runner turns it on for SQLite's corpus. See {@code PlannerSettings#sqliteCompatibility}.
     */
    public boolean sqliteCompatibility()
    {
        return sqliteCompatibility;
    }

    /** The memory limit of each query this session runs. */
    public long queryMemoryLimit()
    {
        return queryMemoryLimit;
    }

    public int threads()
    {
        return threads;
    }

    /** Applies {@code SET name = value}; the value is the constant the statement gave (String, Long, Boolean, ...). */
    public void set(String name, Object value)
    {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "integer_division" -> integerDivision = toBoolean(name, value);
            case "sqlite_compatibility" -> sqliteCompatibility = toBoolean(name, value);
            case "memory_limit", "max_memory" -> queryMemoryLimit = toMemorySize(name, value);
            case "threads", "worker_threads" -> threads = toThreads(name, value);
            default -> throw unknown(name);
        }
    }

    public void reset(String name)
    {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "integer_division" -> integerDivision = false;
            case "sqlite_compatibility" -> sqliteCompatibility = false;
            case "memory_limit", "max_memory" -> queryMemoryLimit = defaultQueryMemoryLimit;
            case "threads", "worker_threads" -> threads = Runtime.getRuntime().availableProcessors();
            default -> throw unknown(name);
        }
    }

    public void resetAll()
    {
        integerDivision = false;
        sqliteCompatibility = false;
        queryMemoryLimit = defaultQueryMemoryLimit;
        threads = Runtime.getRuntime().availableProcessors();
    }

    private static boolean toBoolean(String name, Object value)
    {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
            return n.longValue() == 1;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes", "1", "t" -> {
                    return true;
                }
                case "false", "off", "no", "0", "f" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw invalidValue(name, value, "a boolean");
    }

    private static long toMemorySize(String name, Object value)
    {
        return switch (value) {
            case String s -> MemorySize.parse(s);
            case Long l when l > 0 -> l;
            case Integer i when i > 0 -> i;
            case BigDecimal d when d.signum() > 0 -> d.longValue();
            case null, default -> throw invalidValue(name, value, "a memory size such as '2GB'");
        };
    }

    private static int toThreads(String name, Object value)
    {
        long threads = switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case String s -> {
                try {
                    yield Long.parseLong(s.trim());
                }
                catch (NumberFormatException e) {
                    throw invalidValue(name, value, "a positive integer");
                }
            }
            case null, default -> throw invalidValue(name, value, "a positive integer");
        };
        if (threads < 1 || threads > 1024) {
            throw invalidValue(name, value, "a positive integer");
        }
        return (int) threads;
    }

    private static BasaltException unknown(String name)
    {
        return new BasaltException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name
                + "\" (known: integer_division, memory_limit, sqlite_compatibility, threads)");
    }

    private static BasaltException invalidValue(String name, Object value, String expected)
    {
        return new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + name + "\": "
                + (value instanceof String ? "'" + value + "'" : String.valueOf(value)) + " (expected " + expected + ")");
    }
}
