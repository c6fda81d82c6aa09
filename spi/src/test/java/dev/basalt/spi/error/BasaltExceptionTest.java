package dev.basalt.spi.error;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasaltExceptionTest
{
    @Test
    void constructors()
    {
        BasaltException simple = new BasaltException(ErrorCode.SYNTAX_ERROR, "bad");
        assertEquals(ErrorCode.SYNTAX_ERROR, simple.code());
        assertEquals("42601", simple.sqlState());
        assertEquals("bad", simple.getMessage());
        assertEquals(0, simple.line());
        assertEquals(0, simple.column());
        assertNull(simple.getCause());

        IOException cause = new IOException("disk");
        BasaltException withCause = new BasaltException(ErrorCode.IO_ERROR, "read failed", cause);
        assertSame(cause, withCause.getCause());

        BasaltException positioned = new BasaltException(ErrorCode.UNDEFINED_COLUMN, "no x", 3, 14, null);
        assertEquals(3, positioned.line());
        assertEquals(14, positioned.column());

        assertThrows(NullPointerException.class, () -> new BasaltException(null, "x"));
        assertThrows(NullPointerException.class, () -> new BasaltException(ErrorCode.SYNTAX_ERROR, null));
    }

    @Test
    void toUserString()
    {
        assertEquals("ERROR 42P01: table \"t\" does not exist",
                new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"t\" does not exist").toUserString());
        assertEquals("ERROR 22012: division by zero", new BasaltException(ErrorCode.DIVISION_BY_ZERO, "division by zero").toUserString());
    }

    @Test
    void wrapKeepsBasaltExceptions()
    {
        BasaltException original = new BasaltException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        assertSame(original, BasaltException.wrap(original));
    }

    @Test
    void wrapMapsArrowOutOfMemory()
    {
        try (BufferAllocator allocator = new RootAllocator(1024)) {
            OutOfMemoryException oom = assertThrows(OutOfMemoryException.class, () -> allocator.buffer(1 << 20));
            BasaltException wrapped = BasaltException.wrap(oom);
            assertEquals(ErrorCode.OUT_OF_MEMORY, wrapped.code());
            assertEquals("53200", wrapped.sqlState());
            assertSame(oom, wrapped.getCause());
            assertTrue(wrapped.getMessage().startsWith("query exceeded its memory limit"), wrapped.getMessage());
        }
    }

    @Test
    void wrapMapsOtherFailures()
    {
        assertWrapped(new OutOfMemoryError("Java heap space"), ErrorCode.OUT_OF_MEMORY, "out of memory: Java heap space");
        assertWrapped(new ArithmeticException("long overflow"), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: long overflow");
        assertWrapped(new IOException("disk full"), ErrorCode.IO_ERROR, "I/O error: disk full");
        assertWrapped(new java.nio.file.NoSuchFileException("/x"), ErrorCode.IO_ERROR, "I/O error: /x");
        assertWrapped(new UncheckedIOException(new IOException("disk full")), ErrorCode.IO_ERROR, "I/O error: java.io.IOException: disk full");
        assertWrapped(new IllegalStateException("bug"), ErrorCode.INTERNAL_ERROR, "internal error: java.lang.IllegalStateException: bug");
        assertWrapped(new NullPointerException(), ErrorCode.INTERNAL_ERROR, "internal error: java.lang.NullPointerException");
    }

    private static void assertWrapped(Throwable failure, ErrorCode code, String message)
    {
        BasaltException wrapped = BasaltException.wrap(failure);
        assertEquals(code, wrapped.code(), failure.toString());
        assertEquals(message, wrapped.getMessage());
        assertSame(failure, wrapped.getCause());
        assertEquals(0, wrapped.line());
    }

    @Test
    void everyErrorCodeHasAUniqueFiveCharacterSqlState()
    {
        Pattern sqlState = Pattern.compile("[0-9A-Z]{5}");
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(sqlState.matcher(code.sqlState()).matches(), code + ": " + code.sqlState());
            assertTrue(seen.add(code.sqlState()), "duplicate SQLSTATE " + code.sqlState() + " for " + code);
            assertTrue(code.category() != null, code.name());
        }
    }

    @Test
    void wellKnownSqlStates()
    {
        assertEquals("42601", ErrorCode.SYNTAX_ERROR.sqlState());
        assertEquals("42P01", ErrorCode.UNDEFINED_TABLE.sqlState());
        assertEquals("42703", ErrorCode.UNDEFINED_COLUMN.sqlState());
        assertEquals("22012", ErrorCode.DIVISION_BY_ZERO.sqlState());
        assertEquals("22003", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE.sqlState());
        assertEquals("53200", ErrorCode.OUT_OF_MEMORY.sqlState());
        assertEquals("57014", ErrorCode.QUERY_CANCELED.sqlState());
        assertEquals("XX000", ErrorCode.INTERNAL_ERROR.sqlState());
        assertEquals(ErrorCode.Category.INTERNAL, ErrorCode.INTERNAL_ERROR.category());
        assertEquals(ErrorCode.Category.RESOURCES, ErrorCode.OUT_OF_MEMORY.category());
        assertEquals(ErrorCode.Category.USER, ErrorCode.SYNTAX_ERROR.category());
    }
}
