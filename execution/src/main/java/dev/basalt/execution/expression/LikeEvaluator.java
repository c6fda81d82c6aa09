package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code value [I]LIKE pattern [ESCAPE e]}; NULL when any operand is NULL. A constant pattern is compiled once
 * (see {@link LikePattern} for its specializations); a column pattern is recompiled when it changes. ILIKE
 * lower-cases both sides (byte-wise for ASCII).
 */
public final class LikeEvaluator
        extends PredicateEvaluator
{
    private final Evaluator value;
    private final Evaluator pattern;
    private final Evaluator escape;
    private final boolean caseInsensitive;
    private final LikePattern constantPattern;
    private String lastPattern;
    private String lastEscape;
    private LikePattern lastCompiled;
    private byte[] buffer = new byte[256];

    public LikeEvaluator(Evaluator value, Evaluator pattern, Evaluator escape, boolean caseInsensitive, BufferAllocator allocator)
    {
        super(allocator);
        this.value = child(value);
        this.pattern = child(pattern);
        this.escape = escape == null ? null : child(escape);
        this.caseInsensitive = caseInsensitive;
        if (pattern instanceof ConstantEvaluator p && !p.isNull() && (escape == null || escape instanceof ConstantEvaluator e && !e.isNull())) {
            String escapeText = escape == null ? null : (String) ((ConstantEvaluator) escape).value();
            this.constantPattern = LikePattern.compile(normalize((String) p.value()), escapeText);
        }
        else {
            this.constantPattern = null;
        }
    }

    private String normalize(String text)
    {
        return caseInsensitive ? text.toLowerCase(Locale.ROOT) : text;
    }

    private LikePattern patternFor(VarcharInput patterns, VarcharInput escapes, int position)
    {
        String text = normalize(patterns.string(position));
        String escapeText = escapes == null ? null : escapes.string(position);
        if (lastCompiled == null || !text.equals(lastPattern) || !java.util.Objects.equals(escapeText, lastEscape)) {
            lastCompiled = LikePattern.compile(text, escapeText);
            lastPattern = text;
            lastEscape = escapeText;
        }
        return lastCompiled;
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        VarcharInput values = VarcharInput.of(value.evaluate(input, rows, count));
        VarcharInput patterns = constantPattern == null ? VarcharInput.of(pattern.evaluate(input, rows, count)) : null;
        VarcharInput escapes = constantPattern == null && escape != null ? VarcharInput.of(escape.evaluate(input, rows, count)) : null;
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (values.isNull(p) || patterns != null && patterns.isNull(p) || escapes != null && escapes.isNull(p)) {
                continue;
            }
            LikePattern compiled = constantPattern != null ? constantPattern : patternFor(patterns, escapes, p);
            boolean match;
            int start = values.start(p);
            int length = values.length(p);
            if (caseInsensitive) {
                MemorySegment lowered = lower(values.data, start, length);
                match = compiled.matches(lowered, 0, lowered.byteSize());
            }
            else {
                match = compiled.matches(values.data, start, length);
            }
            out[n] = p;
            n += match ? 1 : 0;
        }
        return n;
    }

    private MemorySegment lower(MemorySegment data, int start, int length)
    {
        if (Utf8.isAscii(data, start, length)) {
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, 2 * buffer.length)];
            }
            for (int j = 0; j < length; j++) {
                byte b = data.get(ValueLayout.JAVA_BYTE, start + j);
                buffer[j] = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
            }
            return MemorySegment.ofArray(buffer).asSlice(0, length);
        }
        byte[] bytes = new byte[length];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, bytes, 0, length);
        return MemorySegment.ofArray(new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void writeValidity(ColumnBatch input, int[] rows, int count, MemorySegment validity)
    {
        int physical = input.physicalRowCount();
        FieldVector v = value.evaluate(input, rows, count);
        FieldVector p = constantPattern == null ? pattern.evaluate(input, rows, count) : null;
        FieldVector e = constantPattern == null && escape != null ? escape.evaluate(input, rows, count) : null;
        Bitmaps.setAll(validity, physical);
        Bitmaps.andInto(Vectors.validity(v), validity, physical);
        if (p != null) {
            Bitmaps.andInto(Vectors.validity(p), validity, physical);
        }
        if (e != null) {
            Bitmaps.andInto(Vectors.validity(e), validity, physical);
        }
    }
}
