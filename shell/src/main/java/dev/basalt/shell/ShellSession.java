package dev.basalt.shell;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;
import dev.basalt.jdbc.ValueFormatter;
import dev.basalt.parser.SqlParser;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What the shell does with input, whatever it comes from (terminal, pipe, file, {@code -c}): runs statements
 * and meta commands on one {@link Session} and prints results, update counts, timings and errors. Errors never
 * stop it and never print a stack trace; {@link #hadError()} tells the caller to exit non-zero.
 */
public final class ShellSession
{
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    // words that need quotes as column or table names
    private static final Set<String> RESERVED = Set.of("all", "and", "as", "asc", "between", "by", "case", "cast", "check",
            "create", "cross", "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false",
            "from", "full", "group", "having", "in", "inner", "insert", "intersect", "into", "is", "join", "left", "like",
            "limit", "not", "null", "offset", "on", "or", "order", "outer", "primary", "right", "select", "set", "table",
            "then", "true", "union", "update", "using", "values", "when", "where", "with");

    private final Session session;
    private final PrintWriter out;
    private final PrintWriter err;
    private final TableFormatter formatter = new TableFormatter(80);
    private boolean timer;
    private long maxRows;
    private boolean quit;
    private boolean hadError;

    /**
     * @param out results go here
     * @param err errors go here (the same writer as {@code out} interactively)
     */
    public ShellSession(Session session, PrintWriter out, PrintWriter err, boolean timer, long maxRows)
    {
        this.session = requireNonNull(session, "session is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.timer = timer;
        this.maxRows = maxRows;
    }

    public boolean hadError()
    {
        return hadError;
    }

    public boolean quitRequested()
    {
        return quit;
    }

    /**
     * Runs a script: statements end with {@code ;} and may span lines; a line starting with {@code .} or
     * {@code \} between statements is a meta command; an unterminated last statement runs at the end.
     */
    public void runScript(BufferedReader reader) throws IOException
    {
        StringBuilder buffer = new StringBuilder();
        String line;
        while (!quit && (line = reader.readLine()) != null) {
            if (MetaCommand.isMetaCommand(line) && isBlank(buffer.toString())) {
                buffer.setLength(0);
                runMetaCommand(line);
                continue;
            }
            buffer.append(line).append('\n');
            // only a line with a ';' can complete a statement: no rescanning a long statement on every line
            if (line.indexOf(';') >= 0 && SqlParser.isComplete(buffer.toString())) {
                runStatements(SqlParser.splitStatements(buffer.toString()));
                buffer.setLength(0);
            }
        }
        if (!quit) {
            runStatements(SqlParser.splitStatements(buffer.toString()));
        }
    }

    /** Runs one complete unit of interactive input: a meta command, or statements ending with {@code ;}. */
    public void runInput(String input)
    {
        if (MetaCommand.isMetaCommand(input)) {
            runMetaCommand(input);
            return;
        }
        runStatements(SqlParser.splitStatements(input));
    }

    /** True when {@code text} holds nothing to run: only whitespace and complete comments. */
    static boolean isBlank(String text)
    {
        // splitStatements drops comment-only pieces; the appended ';' terminates only if no string or comment is open
        return SqlParser.splitStatements(text).isEmpty() && SqlParser.isComplete(text + "\n;");
    }

    private void runStatements(List<String> statements)
    {
        for (String statement : statements) {
            if (quit) {
                return;
            }
            // no SQL statement starts with '.' or '\': `-c "CREATE ...; .tables"` runs the meta command too
            if (MetaCommand.isMetaCommand(statement)) {
                runMetaCommand(statement);
            }
            else {
                runStatement(statement);
            }
        }
    }

    /** Runs one statement (no trailing {@code ;} needed) and prints its outcome. */
    public void runStatement(String sql)
    {
        long start = System.nanoTime();
        try (QueryResult result = session.execute(sql)) {
            if (result.isQuery()) {
                printQuery(sql, result, start);
            }
            else {
                printUpdate(sql, result.updateCount(), start);
            }
        }
        catch (BasaltException e) {
            printError(e, sql);
        }
        catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            printError(BasaltException.wrap(e), sql);
        }
        out.flush();
        err.flush();
    }

    private void printQuery(String sql, QueryResult result, long start)
    {
        List<Column> columns = result.columns();
        int columnCount = columns.size();
        DataType[] types = new DataType[columnCount];
        boolean[] numeric = new boolean[columnCount];
        List<String> headers = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            types[c] = columns.get(c).type();
            numeric[c] = types[c].isNumeric();
            headers.add(columns.get(c).name());
        }
        List<String[]> rows = new ArrayList<>();
        long total = 0;
        while (true) {
            ColumnBatch next = result.nextBatch();
            if (next == null) {
                break;
            }
            try (ColumnBatch batch = next) {
                int rowCount = batch.rowCount();
                for (int r = 0; r < rowCount && (maxRows == 0 || total + r < maxRows); r++) {
                    int position = batch.position(r);
                    String[] row = new String[columnCount];
                    for (int c = 0; c < columnCount; c++) {
                        row[c] = ValueFormatter.format(Values.read(batch.column(c), types[c], position));
                    }
                    rows.add(row);
                }
                total += rowCount;
            }
        }
        long elapsed = System.nanoTime() - start;
        if (isExplain(sql)) {
            // plans are multi-line text: print them as they are, not escaped into a table
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (String cell : row) {
                    line.append(line.isEmpty() ? "" : " ").append(cell == null ? "" : cell);
                }
                out.println(line);
            }
        }
        else {
            out.print(formatter.format(headers, numeric, rows));
            String count = total == 1 ? "(1 row" : "(" + total + " rows";
            out.println(rows.size() < total ? count + ", " + rows.size() + " shown; .maxrows to change)" : count + ")");
        }
        printTime(elapsed);
    }

    private void printUpdate(String sql, long count, long start)
    {
        long elapsed = System.nanoTime() - start;
        String keyword = firstKeyword(sql);
        boolean changesRows = Set.of("insert", "update", "delete", "copy").contains(keyword);
        if (count > 0 || (changesRows && count == 0)) {
            out.println("OK, " + count + (count == 1 ? " row" : " rows") + " affected");
        }
        else {
            out.println("OK");
        }
        printTime(elapsed);
    }

    private void printTime(long nanos)
    {
        if (timer) {
            double millis = nanos / 1e6;
            out.println(millis < 1000 ? String.format(Locale.ROOT, "Time: %.1f ms", millis) : String.format(Locale.ROOT, "Time: %.3f s", millis / 1000));
        }
    }

    private void printError(BasaltException error, String sql)
    {
        hadError = true;
        err.print(ErrorFormatter.format(error, sql));
    }

    private static boolean isExplain(String sql)
    {
        return firstKeyword(sql).equals("explain");
    }

    /** The first word of a statement after comments, lower case. */
    static String firstKeyword(String sql)
    {
        String text = sql;
        while (true) {
            text = text.stripLeading();
            if (text.startsWith("--")) {
                int newline = text.indexOf('\n');
                text = newline < 0 ? "" : text.substring(newline + 1);
            }
            else if (text.startsWith("/*")) {
                int end = text.indexOf("*/");
                text = end < 0 ? "" : text.substring(end + 2);
            }
            else {
                break;
            }
        }
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT);
    }

    // ---- meta commands ---------------------------------------------------------------------------------------

    public void runMetaCommand(String line)
    {
        MetaCommand command = MetaCommand.parse(line);
        try {
            switch (command.name()) {
                case ".help", "\\?", "\\h" -> out.print(MetaCommand.HELP);
                case ".quit", ".exit", "\\q" -> quit = true;
                case ".tables", "\\dt" -> printTables();
                case ".schema", "\\d" -> printSchema(command.arguments());
                case ".timer", "\\timing" -> timer = onOff(command, timer);
                case ".maxrows" -> setMaxRows(command);
                default -> throw new BasaltException(ErrorCode.SYNTAX_ERROR, "unknown command " + command.name() + " (enter .help for the list)");
            }
        }
        catch (BasaltException e) {
            printError(e, null);
        }
        catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            printError(BasaltException.wrap(e), null);
        }
        out.flush();
        err.flush();
    }

    private void printTables()
    {
        TreeSet<String> names = new TreeSet<>();
        for (TableSchema table : session.listTables()) {
            names.add(table.name());
        }
        for (ViewDefinition view : session.viewDefinitions()) {
            names.add(view.name());
        }
        for (String name : names) {
            out.println(quote(name));
        }
    }

    private void printSchema(List<String> arguments)
    {
        if (arguments.size() > 1) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "usage: .schema [TABLE]");
        }
        List<TableSchema> tables = session.listTables();
        List<ViewDefinition> views = session.viewDefinitions();
        if (arguments.isEmpty()) {
            for (TableSchema table : tables) {
                out.print(createTable(table));
            }
            for (ViewDefinition view : views) {
                out.print(createView(view));
            }
            return;
        }
        String wanted = arguments.getFirst();
        String unquoted = wanted.startsWith("\"") && wanted.endsWith("\"") && wanted.length() > 1
                ? wanted.substring(1, wanted.length() - 1).replace("\"\"", "\"")
                : wanted.toLowerCase(Locale.ROOT);
        for (TableSchema table : tables) {
            if (table.name().equals(unquoted) || table.name().equals(wanted)) {
                out.print(createTable(table));
                return;
            }
        }
        for (ViewDefinition view : views) {
            if (view.name().equals(unquoted) || view.name().equals(wanted)) {
                out.print(createView(view));
                return;
            }
        }
        throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + wanted + "\" does not exist");
    }

    static String createView(ViewDefinition view)
    {
        StringBuilder out = new StringBuilder("CREATE VIEW ").append(quote(view.name())).append(" (");
        for (int i = 0; i < view.columnNames().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(view.columnNames().get(i)));
        }
        return out.append(") AS\n").append(view.sql()).append(";\n").toString();
    }

    static String createTable(TableSchema table)
    {
        StringBuilder out = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (\n");
        for (int i = 0; i < table.columnCount(); i++) {
            Column column = table.column(i);
            out.append("    ").append(quote(column.name())).append(' ').append(column.type().sqlName());
            if (!column.nullable()) {
                out.append(" NOT NULL");
            }
            out.append(i + 1 < table.columnCount() ? ",\n" : "\n");
        }
        return out.append(");\n").toString();
    }

    static String quote(String identifier)
    {
        if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private boolean onOff(MetaCommand command, boolean current)
    {
        if (command.arguments().isEmpty()) {
            boolean toggled = !current;
            out.println(command.name().substring(1) + " is " + (toggled ? "on" : "off"));
            return toggled;
        }
        return switch (command.arguments().getFirst().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new BasaltException(ErrorCode.SYNTAX_ERROR, "usage: " + command.name() + " on|off");
        };
    }

    private void setMaxRows(MetaCommand command)
    {
        try {
            long value = Long.parseLong(command.arguments().size() == 1 ? command.arguments().getFirst() : "");
            if (value < 0) {
                throw new NumberFormatException();
            }
            maxRows = value;
        }
        catch (NumberFormatException e) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "usage: .maxrows N (0 prints every row)");
        }
    }
}
