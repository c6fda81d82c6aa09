package dev.basalt.sqllogictest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares formatted query results with an expected block. Expected lines may hold one value each (SQLite) or one
 * row each (DuckDB; values separated by tabs or spaces): the layout is recognised from the line count. Sort modes
 * apply to both sides, so an author may write a rowsort block in any order. A hash block is compared regardless of
 * any {@code hash-threshold}: MD5 over the sorted values, each followed by a newline.
 */
public final class ResultMatcher
{
    private static final int SHOWN_LINES = 24;

    private ResultMatcher() {}

    /** Null when {@code rows} (formatted values) match {@code expected}, else a readable explanation. */
    public static String mismatch(ExpectedResult expected, List<List<String>> rows, int columnCount, SortMode sortMode)
    {
        List<String> values = flatten(sorted(rows, sortMode));
        return switch (expected) {
            case ExpectedResult.Hash hash -> {
                String actualHash = md5(values);
                if (hash.valueCount() == values.size() && hash.md5().equals(actualHash)) {
                    yield null;
                }
                yield "expected " + hash.valueCount() + " values hashing to " + hash.md5() + " but got "
                        + values.size() + " values hashing to " + actualHash + "\n" + show("actual", render(rows, sortMode, 0));
            }
            case ExpectedResult.Lines lines -> compareLines(lines.lines(), rows, values, columnCount, sortMode);
        };
    }

    private static String compareLines(List<String> expected, List<List<String>> rows, List<String> values, int columnCount,
            SortMode sortMode)
    {
        boolean valueWise = expected.size() == values.size() && (columnCount <= 1 || expected.size() != rows.size());
        if (valueWise) {
            List<String> expectedValues = new ArrayList<>(expected.size());
            for (String line : expected) {
                expectedValues.add(line.strip());
            }
            if (sortMode == SortMode.VALUESORT) {
                expectedValues.sort(Comparator.naturalOrder());
            }
            else if (sortMode == SortMode.ROWSORT && columnCount > 0) {
                expectedValues = flatten(sortRows(chunk(expectedValues, columnCount)));
            }
            List<String> actualValues = new ArrayList<>(values.size());
            for (String value : values) {
                actualValues.add(value.strip());
            }
            if (expectedValues.equals(actualValues)) {
                return null;
            }
        }
        else if (expected.size() == rows.size() && sortMode != SortMode.VALUESORT) {
            // DuckDB layout: one row per line. Compare rows with whitespace runs collapsed (values may contain spaces).
            List<String> expectedRows = new ArrayList<>(expected.size());
            for (String line : expected) {
                expectedRows.add(normalize(line));
            }
            List<String> actualRows = new ArrayList<>(rows.size());
            for (List<String> row : sorted(rows, sortMode)) {
                actualRows.add(normalize(String.join(" ", row)));
            }
            if (sortMode == SortMode.ROWSORT) {
                expectedRows.sort(Comparator.naturalOrder());
                actualRows.sort(Comparator.naturalOrder());
            }
            if (expectedRows.equals(actualRows)) {
                return null;
            }
        }
        else if (sortMode == SortMode.VALUESORT) {
            List<String> expectedTokens = new ArrayList<>();
            for (String line : expected) {
                for (String token : line.strip().split("\\s+")) {
                    if (!token.isEmpty()) {
                        expectedTokens.add(token);
                    }
                }
            }
            List<String> actualTokens = new ArrayList<>();
            for (String value : values) {
                for (String token : value.strip().split("\\s+")) {
                    if (!token.isEmpty()) {
                        actualTokens.add(token);
                    }
                }
            }
            expectedTokens.sort(Comparator.naturalOrder());
            actualTokens.sort(Comparator.naturalOrder());
            if (expectedTokens.equals(actualTokens)) {
                return null;
            }
        }
        return "result mismatch (" + rows.size() + " rows x " + columnCount + " columns)\n"
                + show("expected", expected) + show("actual", render(rows, sortMode, 0));
    }

    /**
     * The expected block {@code -Dslt.complete} writes: one row per line, values separated by tabs, in the record's
     * sort order (valuesort: one value per line), or a hash line when there are more than {@code hashThreshold}
     * values (threshold 0 = never).
     */
    public static List<String> render(List<List<String>> rows, SortMode sortMode, int hashThreshold)
    {
        List<List<String>> ordered = sorted(rows, sortMode);
        List<String> values = flatten(ordered);
        if (hashThreshold > 0 && values.size() > hashThreshold) {
            return List.of(values.size() + " values hashing to " + md5(values));
        }
        if (sortMode == SortMode.VALUESORT) {
            return values;
        }
        List<String> lines = new ArrayList<>(ordered.size());
        for (List<String> row : ordered) {
            lines.add(String.join("\t", row));
        }
        return lines;
    }

    /** A result's identity for labels: its value count and hash after sorting. */
    public static String fingerprint(List<List<String>> rows, SortMode sortMode)
    {
        List<String> values = flatten(sorted(rows, sortMode));
        return values.size() + " values hashing to " + md5(values);
    }

    static String md5(List<String> values)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (String value : values) {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static List<List<String>> sorted(List<List<String>> rows, SortMode sortMode)
    {
        return switch (sortMode) {
            case NOSORT -> rows;
            case ROWSORT -> sortRows(rows);
            case VALUESORT -> {
                List<String> values = flatten(rows);
                values.sort(Comparator.naturalOrder());
                List<List<String>> single = new ArrayList<>(values.size());
                for (String value : values) {
                    single.add(List.of(value));
                }
                yield single;
            }
        };
    }

    /** SQLite's runner sorts rows by comparing values column by column with strcmp. */
    private static List<List<String>> sortRows(List<List<String>> rows)
    {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort((left, right) -> {
            int n = Math.min(left.size(), right.size());
            for (int i = 0; i < n; i++) {
                int c = left.get(i).compareTo(right.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(left.size(), right.size());
        });
        return copy;
    }

    private static List<List<String>> chunk(List<String> values, int columnCount)
    {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += columnCount) {
            rows.add(values.subList(i, Math.min(values.size(), i + columnCount)));
        }
        return rows;
    }

    private static List<String> flatten(List<List<String>> rows)
    {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows) {
            values.addAll(row);
        }
        return values;
    }

    private static String normalize(String line)
    {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static String show(String title, List<String> lines)
    {
        StringBuilder out = new StringBuilder(title).append(" (").append(lines.size()).append(" lines):\n");
        for (int i = 0; i < Math.min(lines.size(), SHOWN_LINES); i++) {
            out.append("    ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > SHOWN_LINES) {
            out.append("    ...\n");
        }
        return out.toString();
    }
}
