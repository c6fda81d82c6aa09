package dev.basalt.shell;

import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When interactive input is complete (JLine keeps prompting with the continuation prompt until it is). */
class SqlLineParserTest
{
    private final SqlLineParser parser = new SqlLineParser();

    @Test
    void incompleteStatementsAskForMoreLines()
    {
        assertThrows(EOFError.class, () -> parser.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("SELECT ';'", 10, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("SELECT 1;\nSELECT", 16, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("SELECT 1 -- ;", 13, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("/* open comment", 15, ParseContext.ACCEPT_LINE));
    }

    @Test
    void completeInputIsAccepted()
    {
        assertDoesNotThrow(() -> parser.parse("SELECT 1;", 9, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("SELECT\n  'a;b'\nFROM t; -- done", 20, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse(".tables", 7, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("\\q", 2, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("", 0, ParseContext.ACCEPT_LINE), "Enter on an empty line");
        assertDoesNotThrow(() -> parser.parse("-- just a comment", 17, ParseContext.ACCEPT_LINE));
        // completion and other contexts never reject input
        assertDoesNotThrow(() -> parser.parse("SELECT 'open", 12, ParseContext.COMPLETE));
    }

    @Test
    void blankInput()
    {
        assertTrue(ShellSession.isBlank("  \n"));
        assertTrue(ShellSession.isBlank("-- c\n/* d */"));
        assertFalse(ShellSession.isBlank("/* open"));
        assertFalse(ShellSession.isBlank("'"));
        assertFalse(ShellSession.isBlank("SELECT 1"));
    }
}
