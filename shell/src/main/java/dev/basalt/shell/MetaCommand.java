package dev.basalt.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** A shell command such as {@code .tables} or {@code \q}: a line starting with {@code .} or {@code \}. */
public record MetaCommand(String name, List<String> arguments)
{
    public static final String HELP = """
            Statements end with ';' and may span lines.
            .help               show this help
            .tables             list the tables
            .schema [TABLE]     show the CREATE TABLE statement of every table, or of one
            .timer on|off       show how long each statement takes
            .maxrows N          print at most N rows of a result (0: all)
            .quit, .exit, \\q    leave the shell (Ctrl-D does too)
            """;

    public MetaCommand
    {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }

    public static boolean isMetaCommand(String line)
    {
        String stripped = line.strip();
        return stripped.startsWith(".") || stripped.startsWith("\\");
    }

    /** Parses a line for which {@link #isMetaCommand} is true; a trailing {@code ;} is ignored. */
    public static MetaCommand parse(String line)
    {
        String stripped = line.strip();
        while (stripped.endsWith(";")) {
            stripped = stripped.substring(0, stripped.length() - 1).strip();
        }
        String[] words = stripped.split("\\s+");
        return new MetaCommand(words[0].toLowerCase(Locale.ROOT), Arrays.asList(words).subList(1, words.length));
    }
}
