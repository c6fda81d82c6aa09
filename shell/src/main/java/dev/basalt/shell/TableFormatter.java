package dev.basalt.shell;

import org.jline.utils.WCWidth;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Renders a result as an ASCII table, psql/MySQL style:
 * <pre>
 * +----+-------+-------+
 * | id | name  | price |
 * +----+-------+-------+
 * |  1 | apple |  1.50 |
 * |  2 | NULL  |  0.99 |
 * +----+-------+-------+
 * </pre>
 * Numbers are right-aligned, NULL is printed as {@code NULL}, control characters as escapes ({@code \n}) so a
 * row stays on one line, and cells wider than {@code maxColumnWidth} display cells end in {@code ...}. Widths
 * count terminal cells (East Asian wide characters take two).
 */
public final class TableFormatter
{
    public static final String NULL_TEXT = "NULL";
    private static final String ELLIPSIS = "...";

    private final int maxColumnWidth;

    public TableFormatter(int maxColumnWidth)
    {
        if (maxColumnWidth < ELLIPSIS.length() + 1) {
            throw new IllegalArgumentException("maxColumnWidth too small: " + maxColumnWidth);
        }
        this.maxColumnWidth = maxColumnWidth;
    }

    /**
     * @param headers column names
     * @param rightAligned per column: true for numbers
     * @param rows cell texts, null for NULL
     */
    public String format(List<String> headers, boolean[] rightAligned, List<String[]> rows)
    {
        requireNonNull(headers, "headers is null");
        int columns = headers.size();
        if (columns == 0) {
            return "";
        }
        String[] headerCells = new String[columns];
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            headerCells[c] = cell(headers.get(c));
            widths[c] = displayWidth(headerCells[c]);
        }
        String[][] cells = new String[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String[] rendered = new String[columns];
            for (int c = 0; c < columns; c++) {
                String value = c < row.length ? row[c] : null;
                rendered[c] = value == null ? NULL_TEXT : cell(value);
                widths[c] = Math.max(widths[c], displayWidth(rendered[c]));
            }
            cells[r] = rendered;
        }
        StringBuilder out = new StringBuilder();
        String border = border(widths);
        out.append(border);
        appendRow(out, headerCells, widths, new boolean[columns]);
        out.append(border);
        for (String[] row : cells) {
            appendRow(out, row, widths, rightAligned);
        }
        out.append(border);
        return out.toString();
    }

    private static String border(int[] widths)
    {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.repeat('-', width + 2).append('+');
        }
        return line.append('\n').toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths, boolean[] rightAligned)
    {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            int padding = widths[c] - displayWidth(cells[c]);
            out.append(' ');
            if (rightAligned[c]) {
                out.repeat(' ', padding).append(cells[c]);
            }
            else {
                out.append(cells[c]).repeat(' ', padding);
            }
            out.append(" |");
        }
        out.append('\n');
    }

    /** Escapes control characters and truncates to the maximum width. */
    String cell(String value)
    {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxColumnWidth + 8));
        int limit = maxColumnWidth - ELLIPSIS.length();
        int width = 0;
        int cutAt = -1;
        int i = 0;
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            String escaped = switch (codePoint) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(codePoint) ? String.format("\\x%02x", codePoint) : null;
            };
            int pieceWidth = escaped != null ? escaped.length() : Math.max(0, WCWidth.wcwidth(codePoint));
            if (cutAt < 0 && width + pieceWidth > limit) {
                cutAt = out.length();
            }
            if (escaped != null) {
                out.append(escaped);
            }
            else {
                out.appendCodePoint(codePoint);
            }
            width += pieceWidth;
            if (width > maxColumnWidth) {
                out.setLength(cutAt);
                return out.append(ELLIPSIS).toString();
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Terminal cells taken by text without control characters. */
    static int displayWidth(String text)
    {
        int width = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(codePoint));
            i += Character.charCount(codePoint);
        }
        return width;
    }
}
