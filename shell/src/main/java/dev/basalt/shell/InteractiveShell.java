package dev.basalt.shell;

import dev.basalt.engine.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The terminal loop: JLine line editing, history in {@code ~/.basalt_history}, multi-line statements with a
 * continuation prompt ({@code basalt*>} inside a transaction). Ctrl-C discards the current input, Ctrl-D (on an
 * empty line) leaves; leaving rolls back an open transaction.
 */
final class InteractiveShell
{
    static final String PROMPT = "basalt> ";
    /** Inside BEGIN ... COMMIT, as psql marks it. */
    static final String TRANSACTION_PROMPT = "basalt*> ";
    static final String CONTINUATION_PROMPT = "   ...> ";

    private InteractiveShell() {}

    static void run(Terminal terminal, Session session, long maxRows, String banner) throws IOException
    {
        PrintWriter out = terminal.writer();
        LineReader reader = LineReaderBuilder.builder()
                .appName("basalt")
                .terminal(terminal)
                .parser(new SqlLineParser())
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".basalt_history"))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // '!' is SQL (!=), not history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        ShellSession shell = new ShellSession(session, out, out, true, maxRows);
        out.println(banner);
        out.flush();
        while (!shell.quitRequested()) {
            String input;
            try {
                input = reader.readLine(session.inTransaction() ? TRANSACTION_PROMPT : PROMPT);
            }
            catch (UserInterruptException e) {
                continue;
            }
            catch (EndOfFileException e) {
                break;
            }
            if (!input.isBlank()) {
                shell.runInput(input);
            }
        }
        try {
            reader.getHistory().save();
        }
        catch (IOException e) {
            // an unwritable history file must not spoil leaving the shell
        }
    }
}
