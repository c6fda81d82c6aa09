package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * REGEXP_MATCHES(s, pattern[, flags]) (true when the Java regex matches anywhere) and REGEXP_REPLACE(s, pattern,
 * replacement[, flags]) (first match, every match with flag 'g'; back-references \1..\9). Constant patterns,
 * flags and replacements are compiled once when the expression is compiled; others are cached per distinct value.
 * Flags (DuckDB/PostgreSQL letters): i case-insensitive, c case-sensitive, s dot matches newline, m/n/p
 * multi-line, x comments, g global (REGEXP_REPLACE only).
 */
public final class RegexpEvaluator
        extends Evaluator
{
    private final boolean replace;
    private final Evaluator value;
    private final Evaluator pattern;
    private final Evaluator replacement;
    private final Evaluator flags;
    private final int flagsOperand;
    private Pattern cachedPattern;
    private String cachedPatternText;
    private String cachedFlags;
    private boolean cachedGlobal;
    private String cachedReplacementText;
    private String cachedReplacement;

    public RegexpEvaluator(boolean replace, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.replace = replace;
        this.value = child(operands.get(0));
        this.pattern = child(operands.get(1));
        this.replacement = replace ? child(operands.get(2)) : null;
        this.flagsOperand = replace ? 3 : 2;
        this.flags = operands.size() > flagsOperand ? child(operands.get(flagsOperand)) : null;
        // compile constant patterns now: once per query, and invalid ones fail before any row is read
        if (pattern instanceof ConstantEvaluator p && p.value() instanceof String text
                && (flags == null || flags instanceof ConstantEvaluator f && f.value() instanceof String)) {
            pattern(text, flags == null ? "" : (String) ((ConstantEvaluator) flags).value());
        }
        if (replacement instanceof ConstantEvaluator r && r.value() instanceof String text) {
            replacement(text);
        }
    }

    private Pattern pattern(String text, String flagText)
    {
        if (cachedPattern != null && text.equals(cachedPatternText) && flagText.equals(cachedFlags)) {
            return cachedPattern;
        }
        int options = 0;
        boolean global = false;
        for (int i = 0; i < flagText.length(); i++) {
            switch (flagText.charAt(i)) {
                case 'i' -> options |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> options &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 's' -> options |= Pattern.DOTALL;
                case 'm', 'n', 'p' -> options |= Pattern.MULTILINE;
                case 'x' -> options |= Pattern.COMMENTS;
                case 'g' -> {
                    if (!replace) {
                        throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "regexp_matches does not support the global flag 'g'");
                    }
                    global = true;
                }
                default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid regular expression option: " + flagText.charAt(i));
            }
        }
        try {
            cachedPattern = Pattern.compile(text, options);
        }
        catch (PatternSyntaxException e) {
            throw new BasaltException(ErrorCode.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription() + " in '" + text + "'");
        }
        cachedPatternText = text;
        cachedFlags = flagText;
        cachedGlobal = global;
        return cachedPattern;
    }

    /** Converts SQL back-references (\1..\9, \\ for a backslash) to a Java replacement string. */
    private String replacement(String text)
    {
        if (text.equals(cachedReplacementText)) {
            return cachedReplacement;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next >= '0' && next <= '9') {
                    out.append('$').append(next);
                }
                else {
                    out.append(Matcher.quoteReplacement(String.valueOf(next)));
                }
            }
            else {
                out.append(Matcher.quoteReplacement(String.valueOf(c)));
            }
        }
        cachedReplacementText = text;
        cachedReplacement = out.toString();
        return cachedReplacement;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        VarcharInput values = VarcharInput.of(value.evaluate(input, rows, count));
        VarcharInput patterns = input(pattern, input, rows, count);
        VarcharInput replacements = replacement == null ? null : input(replacement, input, rows, count);
        VarcharInput flagValues = flags == null ? null : input(flags, input, rows, count);
        FieldVector result = result(physical);
        MemorySegment data = replace ? null : Vectors.data(result);
        MemorySegment validity = replace ? null : Vectors.validityAlways(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (values.isNull(p) || patterns.isNull(p) || replacements != null && replacements.isNull(p) || flagValues != null && flagValues.isNull(p)) {
                if (replace) {
                    ((VarCharVector) result).setNull(p);
                }
                else {
                    Bitmaps.clear(validity, p);
                }
                continue;
            }
            Pattern compiled = pattern(patterns.string(p), flagValues == null ? "" : flagValues.string(p));
            Matcher matcher = compiled.matcher(values.string(p));
            if (replace) {
                String with = replacement(replacements.string(p));
                String replaced;
                try {
                    replaced = cachedGlobal ? matcher.replaceAll(with) : matcher.replaceFirst(with);
                }
                catch (IndexOutOfBoundsException e) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid back-reference in replacement '" + replacements.string(p) + "'");
                }
                byte[] bytes = replaced.getBytes(StandardCharsets.UTF_8);
                ((VarCharVector) result).setSafe(p, bytes, 0, bytes.length);
            }
            else {
                Bitmaps.set(validity, p);
                Bitmaps.set(data, p, matcher.find());
            }
        }
        result.setValueCount(physical);
        return result;
    }

    private static VarcharInput input(Evaluator evaluator, ColumnBatch input, int[] rows, int count)
    {
        return evaluator instanceof ConstantEvaluator c && !c.isNull()
                ? VarcharInput.constant(c.bytes())
                : VarcharInput.of(evaluator.evaluate(input, rows, count));
    }
}
