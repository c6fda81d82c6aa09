package dev.basalt.shell;

import dev.basalt.parser.SqlParser;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when interactive input is complete: a meta command line, or SQL whose last statement ends with
 * {@code ;}. Until then JLine keeps reading lines with the continuation prompt, and history keeps the whole
 * multi-line statement as one entry.
 */
final class SqlLineParser implements Parser
{
    private final DefaultParser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError
    {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
            throw new EOFError(-1, -1, "statement not terminated by ;", ";");
        }
        // word splitting only (no completion yet); SPLIT_LINE never rejects unbalanced quotes
        return words.parse(line, cursor, ParseContext.SPLIT_LINE);
    }

    /** Complete: a meta command, SQL ending with {@code ;}, or nothing to run (Enter on an empty line). */
    static boolean isComplete(String input)
    {
        return MetaCommand.isMetaCommand(input) || SqlParser.isComplete(input) || ShellSession.isBlank(input);
    }
}
