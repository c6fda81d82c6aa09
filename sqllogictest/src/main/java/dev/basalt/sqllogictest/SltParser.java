package dev.basalt.sqllogictest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the sqllogictest format: SQLite's (one value per line, {@code hash-threshold}, {@code skipif/onlyif},
 * {@code halt}) and the DuckDB/sqllogictest-rs extensions ({@code statement error <regex>}, an error message after
 * {@code ----}, {@code query error}, {@code statement count N}, {@code loop/foreach ... endloop}).
 * CRLF line endings are accepted. Unknown directives become {@link UnsupportedRecord}s.
 */
public final class SltParser
{
    /** A line after loop expansion: its text, 1-based line number in the file, and 0-based index (-1 inside a loop). */
    private record SourceLine(String text, int number, int index) {}

    private SltParser() {}

    public static SltFile parse(String name, String text)
    {
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        String[] raw = text.split("\n", -1);
        List<String> lines = new ArrayList<>(raw.length);
        for (String line : raw) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        // A trailing newline yields one empty last element: not a line of its own.
        if (!lines.isEmpty() && lines.getLast().isEmpty() && text.endsWith("\n")) {
            lines.removeLast();
        }
        List<SourceLine> source = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            source.add(new SourceLine(lines.get(i), i + 1, i));
        }
        List<SourceLine> expanded = expandLoops(name, source, Map.of());
        return new SltFile(name, lines, separator, parseRecords(name, expanded));
    }

    private static List<SltRecord> parseRecords(String name, List<SourceLine> lines)
    {
        List<SltRecord> records = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            SourceLine first = lines.get(i);
            String text = first.text().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                i++;
                continue;
            }
            String[] tokens = withoutComment(text).split("\\s+");
            switch (tokens[0]) {
                case "skipif", "onlyif" -> {
                    if (tokens.length < 2) {
                        throw parseError(name, first, "missing engine name");
                    }
                    conditions.add(new Condition(tokens[0].equals("onlyif"), tokens[1]));
                    i++;
                }
                case "hash-threshold" -> {
                    records.add(new HashThresholdRecord(first.number(), conditions, parseInt(name, first, tokens, 1)));
                    conditions = new ArrayList<>();
                    i++;
                }
                case "halt" -> {
                    records.add(new HaltRecord(first.number(), conditions));
                    conditions = new ArrayList<>();
                    i++;
                }
                case "statement" -> {
                    i = parseStatement(name, lines, i, tokens, text, conditions, records);
                    conditions = new ArrayList<>();
                }
                case "query" -> {
                    i = parseQuery(name, lines, i, tokens, text, conditions, records);
                    conditions = new ArrayList<>();
                }
                default -> {
                    records.add(new UnsupportedRecord(first.number(), conditions, text));
                    conditions = new ArrayList<>();
                    i = skipBlock(lines, i);
                }
            }
        }
        return records;
    }

    private static int parseStatement(String name, List<SourceLine> lines, int start, String[] tokens, String text,
            List<Condition> conditions, List<SltRecord> records)
    {
        SourceLine first = lines.get(start);
        if (tokens.length < 2) {
            throw parseError(name, first, "statement needs ok, error or count");
        }
        ErrorExpectation error = null;
        long count = -1;
        switch (tokens[1]) {
            case "ok" -> { }
            case "error" -> error = ErrorExpectation.parse(restAfter(text, 2));
            case "count" -> count = parseInt(name, first, tokens, 2);
            default -> throw parseError(name, first, "statement needs ok, error or count, not " + tokens[1]);
        }
        int i = start + 1;
        StringBuilder sql = new StringBuilder();
        while (i < lines.size() && !lines.get(i).text().isBlank() && !lines.get(i).text().strip().equals("----")) {
            appendLine(sql, lines.get(i).text());
            i++;
        }
        if (i < lines.size() && lines.get(i).text().strip().equals("----")) {
            i++;
            StringBuilder message = new StringBuilder();
            while (i < lines.size() && !lines.get(i).text().isBlank()) {
                appendLine(message, lines.get(i).text());
                i++;
            }
            if (error != null && !message.isEmpty()) {
                error = error.withSubstring(message.toString());
            }
        }
        if (sql.isEmpty()) {
            throw parseError(name, first, "statement without SQL");
        }
        records.add(new StatementRecord(first.number(), conditions, sql.toString(), error, count));
        return i;
    }

    private static int parseQuery(String name, List<SourceLine> lines, int start, String[] tokens, String text,
            List<Condition> conditions, List<SltRecord> records)
    {
        SourceLine first = lines.get(start);
        String types = "";
        SortMode sortMode = SortMode.NOSORT;
        String label = null;
        ErrorExpectation error = null;
        if (tokens.length >= 2 && tokens[1].equals("error")) {
            error = ErrorExpectation.parse(restAfter(text, 2));
        }
        else {
            if (tokens.length < 2) {
                throw parseError(name, first, "query needs a type string");
            }
            types = tokens[1];
            int next = 2;
            if (tokens.length > next) {
                SortMode mode = SortMode.parse(tokens[next]);
                if (mode != null) {
                    sortMode = mode;
                    next++;
                }
            }
            if (tokens.length > next) {
                label = tokens[next];
            }
        }
        int i = start + 1;
        StringBuilder sql = new StringBuilder();
        while (i < lines.size() && !lines.get(i).text().isBlank() && !lines.get(i).text().strip().equals("----")) {
            appendLine(sql, lines.get(i).text());
            i++;
        }
        if (sql.isEmpty()) {
            throw parseError(name, first, "query without SQL");
        }
        boolean hasSeparator = i < lines.size() && lines.get(i).text().strip().equals("----");
        int blockStart;
        List<String> expected = new ArrayList<>();
        boolean inLoop = first.index() < 0;
        if (hasSeparator) {
            i++;
            blockStart = i < lines.size() ? lines.get(i).index() : lines.getLast().index() + 1;
            while (i < lines.size() && !lines.get(i).text().isBlank()) {
                expected.add(lines.get(i).text());
                i++;
            }
        }
        else {
            blockStart = lines.get(i - 1).index() + 1;
        }
        int blockEnd = blockStart + expected.size();
        if (inLoop) {
            blockStart = -1;
            blockEnd = -1;
        }
        if (error != null && !expected.isEmpty()) {
            error = error.withSubstring(String.join("\n", expected));
            expected = List.of();
        }
        records.add(new QueryRecord(first.number(), conditions, sql.toString(), types, sortMode, label,
                ExpectedResult.of(expected), error, blockStart, blockEnd, hasSeparator));
        return i;
    }

    /**
     * Unrolls DuckDB's {@code loop var from to} (to exclusive) and {@code foreach var v1 v2 ...} blocks, replacing
     * {@code ${var}} in their bodies. Lines produced by a loop get index -1 (they cannot be rewritten).
     */
    private static List<SourceLine> expandLoops(String name, List<SourceLine> lines, Map<String, String> bindings)
    {
        List<SourceLine> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            SourceLine line = lines.get(i);
            String[] tokens = line.text().strip().split("\\s+");
            if (tokens[0].equals("loop") || tokens[0].equals("foreach")) {
                int end = findEndloop(name, lines, i);
                List<SourceLine> body = lines.subList(i + 1, end);
                for (String value : loopValues(name, line, tokens)) {
                    Map<String, String> inner = new HashMap<>(bindings);
                    inner.put(tokens[1], value);
                    List<SourceLine> substituted = new ArrayList<>(body.size());
                    for (SourceLine bodyLine : body) {
                        substituted.add(new SourceLine(substitute(bodyLine.text(), inner), bodyLine.number(), -1));
                    }
                    out.addAll(expandLoops(name, substituted, inner));
                }
                i = end + 1;
            }
            else {
                out.add(line);
                i++;
            }
        }
        return out;
    }

    private static int findEndloop(String name, List<SourceLine> lines, int loopLine)
    {
        int depth = 0;
        for (int i = loopLine; i < lines.size(); i++) {
            String first = lines.get(i).text().strip().split("\\s+")[0];
            if (first.equals("loop") || first.equals("foreach")) {
                depth++;
            }
            else if (first.equals("endloop")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw parseError(name, lines.get(loopLine), "loop without endloop");
    }

    private static List<String> loopValues(String name, SourceLine line, String[] tokens)
    {
        List<String> values = new ArrayList<>();
        if (tokens[0].equals("loop")) {
            if (tokens.length < 4) {
                throw parseError(name, line, "loop needs: loop <var> <from> <to>");
            }
            int from = parseInt(name, line, tokens, 2);
            int to = parseInt(name, line, tokens, 3);
            for (int v = from; v < to; v++) {
                values.add(Integer.toString(v));
            }
        }
        else {
            if (tokens.length < 3) {
                throw parseError(name, line, "foreach needs: foreach <var> <value>...");
            }
            values.addAll(List.of(tokens).subList(2, tokens.length));
        }
        return values;
    }

    private static String substitute(String text, Map<String, String> bindings)
    {
        String result = text;
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            result = result.replace("${" + binding.getKey() + "}", binding.getValue());
        }
        return result;
    }

    private static int skipBlock(List<SourceLine> lines, int start)
    {
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).text().isBlank()) {
            i++;
        }
        return i;
    }

    private static void appendLine(StringBuilder out, String line)
    {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(line);
    }

    /** A directive line with any trailing {@code # comment} removed (SQLite files write "onlyif mssql  # why"). */
    private static String withoutComment(String text)
    {
        int hash = text.indexOf(" #");
        return hash < 0 ? text : text.substring(0, hash).strip();
    }

    /** The directive line's text after its first {@code tokens} words, verbatim (a regex may contain spaces). */
    private static String restAfter(String text, int tokens)
    {
        String rest = text.strip();
        for (int t = 0; t < tokens; t++) {
            int space = indexOfWhitespace(rest);
            if (space < 0) {
                return "";
            }
            rest = rest.substring(space).stripLeading();
        }
        return rest;
    }

    private static int indexOfWhitespace(String text)
    {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int parseInt(String name, SourceLine line, String[] tokens, int index)
    {
        if (tokens.length <= index) {
            throw parseError(name, line, "missing number");
        }
        try {
            return Integer.parseInt(tokens[index]);
        }
        catch (NumberFormatException e) {
            throw parseError(name, line, "not a number: " + tokens[index]);
        }
    }

    private static IllegalArgumentException parseError(String name, SourceLine line, String message)
    {
        return new IllegalArgumentException(name + ":" + line.number() + ": " + message + ": " + line.text());
    }
}
