package dev.basalt.shell;

import dev.basalt.spi.error.BasaltException;

/**
 * The text of an error, never a stack trace: {@code Error 42601: <message>}, and for errors with a position a
 * psql-like excerpt of the offending line with a caret under the column.
 */
public final class ErrorFormatter
{
    /** Characters of a long line shown around the error position. */
    private static final int WINDOW = 100;

    private ErrorFormatter() {}

    /** @param sql the statement text the error's line and column refer to, or null */
    public static String format(BasaltException error, String sql)
    {
        StringBuilder out = new StringBuilder();
        out.append("Error ").append(error.sqlState()).append(": ").append(error.getMessage()).append('\n');
        if (sql != null && error.line() > 0 && error.column() > 0) {
            appendCaret(out, sql, error.line(), error.column());
        }
        return out.toString();
    }

    private static void appendCaret(StringBuilder out, String sql, int lineNumber, int column)
    {
        String[] lines = sql.split("\r?\n", -1);
        if (lineNumber > lines.length) {
            return;
        }
        String line = lines[lineNumber - 1];
        int offset = Math.min(column - 1, line.length());
        int start = 0;
        int end = line.length();
        if (line.length() > WINDOW) {
            start = Math.max(0, offset - WINDOW / 2);
            end = Math.min(line.length(), start + WINDOW);
        }
        String prefix = "LINE " + lineNumber + ": " + (start > 0 ? "..." : "");
        String excerpt = line.substring(start, end);
        out.append(prefix).append(excerpt).append(end < line.length() ? "..." : "").append('\n');
        // tabs stay tabs so the caret lines up however the terminal expands them
        StringBuilder padding = new StringBuilder();
        padding.repeat(' ', prefix.length());
        String before = line.substring(start, offset);
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\t') {
                padding.append('\t');
            }
            else if (!Character.isLowSurrogate(c)) {
                int codePoint = before.codePointAt(i);
                padding.repeat(' ', Math.max(0, org.jline.utils.WCWidth.wcwidth(codePoint)));
            }
        }
        out.append(padding).append("^\n");
    }
}
