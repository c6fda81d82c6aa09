package dev.basalt.shell;

import dev.basalt.engine.Database;
import dev.basalt.engine.DatabaseOptions;
import dev.basalt.engine.Session;
import dev.basalt.jdbc.DriverVersion;
import dev.basalt.jdbc.MemorySize;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code basalt [path] [-c SQL] [-f FILE]}: the Basalt shell. Interactive on a terminal; otherwise it runs
 * {@code -c}, {@code -f} or standard input as a script without prompts and exits 1 if any statement failed.
 */
@Command(name = "basalt", mixinStandardHelpOptions = true, versionProvider = BasaltShell.Version.class,
        description = {"The Basalt SQL shell. Statements end with ';'. Enter .help inside for the meta commands.",
                "Without PATH the database lives in memory and is gone on exit."},
        exitCodeOnInvalidInput = 2)
public final class BasaltShell implements Callable<Integer>
{
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "database directory (created if absent)")
    Path database;

    @Option(names = {"-c", "--command"}, paramLabel = "SQL", description = "run SQL (statements separated by ';') and exit")
    String command;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "run the statements in FILE and exit")
    Path file;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "Arrow memory the database may use, e.g. 4GB")
    String memoryLimit;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000", description = "rows of a result to print (0: all; default ${DEFAULT-VALUE})")
    long maxRows;

    @Option(names = "--timer", description = "print the time of each statement also when not interactive")
    boolean timer;

    private final BufferedReader stdin;
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final boolean terminalAttached;

    /** The shell on the process's standard streams. */
    public BasaltShell()
    {
        this(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.console() != null && System.console().isTerminal());
    }

    /** A shell on given streams, never interactive (tests). */
    public BasaltShell(BufferedReader stdin, PrintWriter stdout, PrintWriter stderr, boolean terminalAttached)
    {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminalAttached = terminalAttached;
    }

    public static void main(String[] args)
    {
        // Arrow's Netty allocator may use Unsafe even when started without flags (see the JDBC driver's ArrowSupport)
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "false");
        }
        System.exit(run(new BasaltShell(), args));
    }

    /** Parses {@code args} and runs; returns the exit code. */
    public static int run(BasaltShell shell, String... args)
    {
        CommandLine commandLine = new CommandLine(shell)
                .setOut(shell.stdout)
                .setErr(shell.stderr)
                .setExecutionExceptionHandler((exception, line, parsed) -> {
                    // last resort: a message, never a stack trace
                    BasaltException error = BasaltException.wrap(exception);
                    line.getErr().print(ErrorFormatter.format(error, null));
                    line.getErr().flush();
                    return 1;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException
    {
        DatabaseOptions options = DatabaseOptions.defaults();
        if (memoryLimit != null) {
            long bytes;
            try {
                bytes = MemorySize.parse(memoryLimit);
            }
            catch (IllegalArgumentException e) {
                stderr.print(ErrorFormatter.format(new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "--memory-limit: " + e.getMessage()), null));
                stderr.flush();
                return 2;
            }
            options = new DatabaseOptions(bytes, bytes);
        }
        Database db;
        try {
            db = database == null ? Database.inMemory(options) : Database.open(database, options);
        }
        catch (RuntimeException | LinkageError e) {
            String what = database == null ? "an in-memory database" : "database " + database;
            BasaltException error = BasaltException.wrap(e);
            stderr.print(ErrorFormatter.format(new BasaltException(error.code(), "cannot open " + what + ": " + error.getMessage()), null));
            stderr.flush();
            return 1;
        }
        int exitCode;
        try (db; Session session = db.newSession()) {
            exitCode = runOn(session);
        }
        catch (RuntimeException | LinkageError e) {
            // closing the database failed (e.g. a leak check or a final write)
            stderr.print(ErrorFormatter.format(BasaltException.wrap(e), null));
            exitCode = 1;
        }
        stdout.flush();
        stderr.flush();
        return exitCode;
    }

    private int runOn(Session session) throws IOException
    {
        if (command == null && file == null && terminalAttached) {
            // dumb(true): a terminal JLine cannot drive (TERM=dumb, odd emulators) still works, without a warning
            try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
                InteractiveShell.run(terminal, session, maxRows, banner());
            }
            return 0;
        }
        ShellSession shell = new ShellSession(session, stdout, stderr, timer, maxRows);
        if (file != null) {
            if (!Files.isReadable(file)) {
                stderr.print(ErrorFormatter.format(new BasaltException(ErrorCode.IO_ERROR, "cannot read " + file), null));
                return 1;
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                shell.runScript(reader);
            }
        }
        if (command != null && !shell.quitRequested()) {
            shell.runScript(new BufferedReader(new StringReader(command)));
        }
        if (command == null && file == null) {
            shell.runScript(stdin);
        }
        return shell.hadError() ? 1 : 0;
    }

    private String banner()
    {
        String where = database == null
                ? "Connected to a transient in-memory database (pass a path to keep data)."
                : "Database: " + database.toAbsolutePath().normalize();
        return "Basalt " + DriverVersion.version() + "\n" + where + "\nEnter .help for usage hints.";
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"Basalt " + DriverVersion.version()};
        }
    }
}
