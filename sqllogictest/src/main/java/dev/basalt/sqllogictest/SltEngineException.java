package dev.basalt.sqllogictest;

/**
 * An error reported by the engine under test, reduced to what records can check.
 *
 * @param internal true when the failure is the engine's own fault (SQLSTATE class XX, or a raw Java exception
 *     such as a NullPointerException that escaped): such errors never satisfy a plain {@code statement error}
 */
public final class SltEngineException extends RuntimeException
{
    private final String sqlState;
    private final int line;
    private final int column;
    private final boolean internal;

    public SltEngineException(String sqlState, String message, int line, int column, boolean internal, Throwable cause)
    {
        super(message, cause);
        this.sqlState = sqlState;
        this.line = line;
        this.column = column;
        this.internal = internal;
    }

    /** Null when the engine gave none. */
    public String sqlState()
    {
        return sqlState;
    }

    public int line()
    {
        return line;
    }

    public int column()
    {
        return column;
    }

    public boolean internal()
    {
        return internal;
    }

    /** {@code ERROR 42601: message (at line 1, column 8)}: the text error regexes are matched against. */
    public String describe()
    {
        StringBuilder out = new StringBuilder("ERROR ");
        out.append(sqlState == null ? "?????" : sqlState).append(": ").append(getMessage());
        if (line > 0) {
            out.append(" (at line ").append(line).append(", column ").append(column).append(')');
        }
        return out.toString();
    }
}
