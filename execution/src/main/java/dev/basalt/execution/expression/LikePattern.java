package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Utf8;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled LIKE pattern over UTF-8 bytes. Patterns without {@code _} become literal segments separated by
 * {@code %} (covering exact, prefix, suffix and contains: one indexOf per segment); patterns with {@code _} use a
 * backtracking wildcard matcher in which {@code _} consumes one whole character.
 */
final class LikePattern
{
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
    private static final int ANY_ONE = -1;
    private static final int ANY_MANY = -2;

    private final boolean exact;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    /** Literal segments between %s (segment mode), or null in general mode. */
    private final MemorySegment[] segments;
    /** General mode: literal bytes (0..255), ANY_ONE, ANY_MANY. */
    private final int[] units;

    private LikePattern(boolean exact, boolean anchoredStart, boolean anchoredEnd, MemorySegment[] segments, int[] units)
    {
        this.exact = exact;
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
        this.segments = segments;
        this.units = units;
    }

    static LikePattern compile(String pattern, String escape)
    {
        int escapeCodePoint = -1;
        if (escape != null) {
            if (escape.codePointCount(0, escape.length()) != 1) {
                throw new BasaltException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string \"" + escape + "\": it must be one character");
            }
            escapeCodePoint = escape.codePointAt(0);
        }
        List<Integer> tokens = new ArrayList<>();
        boolean hasAnyOne = false;
        int[] codePoints = pattern.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c == escapeCodePoint) {
                if (i + 1 == codePoints.length) {
                    throw new BasaltException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with an escape character: \"" + pattern + "\"");
                }
                appendLiteral(tokens, codePoints[++i]);
            }
            else if (c == '%') {
                if (tokens.isEmpty() || tokens.getLast() != ANY_MANY) {
                    tokens.add(ANY_MANY);
                }
            }
            else if (c == '_') {
                tokens.add(ANY_ONE);
                hasAnyOne = true;
            }
            else {
                appendLiteral(tokens, c);
            }
        }
        int[] units = tokens.stream().mapToInt(Integer::intValue).toArray();
        if (hasAnyOne) {
            return new LikePattern(false, false, false, null, units);
        }
        List<MemorySegment> segments = new ArrayList<>();
        List<Byte> current = new ArrayList<>();
        for (int unit : units) {
            if (unit == ANY_MANY) {
                segments.add(toSegment(current));
                current.clear();
            }
            else {
                current.add((byte) unit);
            }
        }
        segments.add(toSegment(current));
        boolean exact = segments.size() == 1;
        boolean anchoredStart = units.length == 0 || units[0] != ANY_MANY;
        boolean anchoredEnd = units.length == 0 || units[units.length - 1] != ANY_MANY;
        return new LikePattern(exact, anchoredStart, anchoredEnd, segments.toArray(new MemorySegment[0]), null);
    }

    private static void appendLiteral(List<Integer> tokens, int codePoint)
    {
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            tokens.add(b & 0xFF);
        }
    }

    private static MemorySegment toSegment(List<Byte> bytes)
    {
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        return MemorySegment.ofArray(array);
    }

    boolean matches(MemorySegment text, long start, long length)
    {
        return segments != null ? matchSegments(text, start, length) : matchGeneral(text, start, length);
    }

    private boolean matchSegments(MemorySegment text, long start, long length)
    {
        if (exact) {
            MemorySegment only = segments[0];
            return Utf8.equals(text, start, length, only, 0, only.byteSize());
        }
        long position = 0;
        long end = length;
        int first = 0;
        int last = segments.length - 1;
        if (anchoredStart) {
            MemorySegment prefix = segments[0];
            long size = prefix.byteSize();
            if (size > length || MemorySegment.mismatch(text, start, start + size, prefix, 0, size) != -1) {
                return false;
            }
            position = size;
            first = 1;
        }
        if (anchoredEnd) {
            MemorySegment suffix = segments[last];
            long size = suffix.byteSize();
            if (size > end - position || MemorySegment.mismatch(text, start + length - size, start + length, suffix, 0, size) != -1) {
                return false;
            }
            end = length - size;
            last--;
        }
        for (int k = first; k <= last; k++) {
            MemorySegment segment = segments[k];
            long size = segment.byteSize();
            if (size == 0) {
                continue;
            }
            long found = Utf8.indexOf(text, start, end, position, segment, size);
            if (found < 0) {
                return false;
            }
            position = found + size;
        }
        return true;
    }

    private static long nextCharacter(MemorySegment text, long start, long position, long length)
    {
        long next = position + 1;
        while (next < length && Utf8.isContinuation(text.get(BYTE, start + next))) {
            next++;
        }
        return next;
    }

    private boolean matchGeneral(MemorySegment text, long start, long length)
    {
        int p = 0;
        long t = 0;
        int starPattern = -1;
        long starText = -1;
        while (t < length) {
            if (p < units.length && units[p] == ANY_ONE) {
                t = nextCharacter(text, start, t, length);
                p++;
            }
            else if (p < units.length && units[p] >= 0 && units[p] == (text.get(BYTE, start + t) & 0xFF)) {
                t++;
                p++;
            }
            else if (p < units.length && units[p] == ANY_MANY) {
                starPattern = p++;
                starText = t;
            }
            else if (starPattern >= 0) {
                p = starPattern + 1;
                starText = nextCharacter(text, start, starText, length);
                t = starText;
            }
            else {
                return false;
            }
        }
        while (p < units.length && units[p] == ANY_MANY) {
            p++;
        }
        return p == units.length;
    }
}
