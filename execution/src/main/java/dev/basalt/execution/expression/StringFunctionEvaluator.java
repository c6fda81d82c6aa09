package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.expression.Function;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The string functions of the SQL issue (strict: NULL in, NULL out): STRPOS, REPLACE, LPAD, RPAD, STARTS_WITH,
 * ENDS_WITH, SPLIT_PART, REVERSE, LEFT, RIGHT, REPEAT. Lengths and positions count characters (code points), as
 * LENGTH and SUBSTRING do. Operands are VARCHAR, except the integer counts (length, n).
 */
public final class StringFunctionEvaluator
        extends Evaluator
{
    /** Results longer than this are refused instead of exhausting the heap (REPEAT, LPAD, RPAD). */
    static final long MAX_RESULT_BYTES = 1L << 28;

    private final Function function;
    private final Evaluator[] operands;
    /** Per operand: a VARCHAR view, or null for integer operands (read through {@link #integers}). */
    private final VarcharInput[] strings;
    private final IntegralInput[] integers;

    public StringFunctionEvaluator(Function function, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.function = function;
        this.operands = new Evaluator[operands.size()];
        this.strings = new VarcharInput[operands.size()];
        this.integers = new IntegralInput[operands.size()];
        for (int i = 0; i < this.operands.length; i++) {
            this.operands[i] = child(operands.get(i));
            if (!(operands.get(i).type() instanceof VarcharType)) {
                integers[i] = new IntegralInput(operands.get(i));
            }
        }
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        for (int k = 0; k < operands.length; k++) {
            if (integers[k] != null) {
                integers[k].load(input, rows, count);
            }
            else {
                strings[k] = operands[k] instanceof ConstantEvaluator c
                        ? VarcharInput.constant(c.bytes())
                        : VarcharInput.of(operands[k].evaluate(input, rows, count));
            }
        }
        FieldVector result = result(physical);
        boolean varchar = type() instanceof VarcharType;
        MemorySegment data = varchar ? null : Vectors.data(result);
        MemorySegment validity = varchar ? null : Vectors.validityAlways(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (anyNull(p)) {
                if (varchar) {
                    ((VarCharVector) result).setNull(p);
                }
                else {
                    Bitmaps.clear(validity, p);
                }
                continue;
            }
            switch (function) {
                case STRPOS -> {
                    Bitmaps.set(validity, p);
                    data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, strpos(string(0, p), string(1, p)));
                }
                case STARTS_WITH, ENDS_WITH -> {
                    Bitmaps.set(validity, p);
                    Bitmaps.set(data, p, affix(p, function == Function.STARTS_WITH));
                }
                default -> {
                    byte[] bytes = compute(p).getBytes(StandardCharsets.UTF_8);
                    ((VarCharVector) result).setSafe(p, bytes, 0, bytes.length);
                }
            }
        }
        result.setValueCount(physical);
        return result;
    }

    private boolean anyNull(int p)
    {
        for (int k = 0; k < operands.length; k++) {
            if (integers[k] != null ? integers[k].isNull(p) : strings[k].isNull(p)) {
                return true;
            }
        }
        return false;
    }

    private String string(int operand, int p)
    {
        return strings[operand].string(p);
    }

    private long integer(int operand, int p)
    {
        return integers[operand].get(p);
    }

    private boolean affix(int p, boolean prefix)
    {
        VarcharInput value = strings[0];
        VarcharInput affix = strings[1];
        int length = value.length(p);
        int affixLength = affix.length(p);
        if (affixLength > length) {
            return false;
        }
        long start = value.start(p) + (prefix ? 0 : length - affixLength);
        return MemorySegment.mismatch(value.data, start, start + affixLength, affix.data, affix.start(p), affix.start(p) + affixLength) < 0;
    }

    private String compute(int p)
    {
        String s = string(0, p);
        return switch (function) {
            case REPLACE -> {
                String from = string(1, p);
                // Java's replace("") would insert between every character
                yield from.isEmpty() ? s : s.replace(from, string(2, p));
            }
            case LPAD, RPAD -> pad(s, integer(1, p), operands.length > 2 ? string(2, p) : " ", function == Function.LPAD);
            case SPLIT_PART -> splitPart(s, string(1, p), integer(2, p));
            case REVERSE -> new StringBuilder(s).reverse().toString();
            case LEFT -> left(s, integer(1, p));
            case RIGHT -> right(s, integer(1, p));
            case REPEAT -> repeat(s, integer(1, p));
            default -> throw new IllegalStateException("not a string function: " + function);
        };
    }

    static long strpos(String haystack, String needle)
    {
        int index = haystack.indexOf(needle);
        return index < 0 ? 0 : haystack.codePointCount(0, index) + 1;
    }

    /** The first n characters (n > length: all; n < 0: all but the last -n), as PostgreSQL. */
    static String left(String s, long n)
    {
        int characters = s.codePointCount(0, s.length());
        long keep = n >= 0 ? Math.min(n, characters) : Math.max(0, characters + n);
        return s.substring(0, s.offsetByCodePoints(0, (int) keep));
    }

    /** The last n characters (n < 0: all but the first -n), as PostgreSQL. */
    static String right(String s, long n)
    {
        int characters = s.codePointCount(0, s.length());
        long keep = n >= 0 ? Math.min(n, characters) : Math.max(0, characters + n);
        return s.substring(s.offsetByCodePoints(0, (int) (characters - keep)));
    }

    static String repeat(String s, long n)
    {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        checkResultSize((long) s.length() * n);
        return s.repeat((int) n);
    }

    /** Pads to {@code length} characters with {@code fill} (or truncates on the right), as PostgreSQL. */
    static String pad(String s, long length, String fill, boolean left)
    {
        if (length <= 0) {
            return "";
        }
        int characters = s.codePointCount(0, s.length());
        if (characters >= length) {
            return s.substring(0, s.offsetByCodePoints(0, (int) length));
        }
        if (fill.isEmpty()) {
            return s;
        }
        checkResultSize(length * 4);
        int missing = (int) (length - characters);
        int fillCharacters = fill.codePointCount(0, fill.length());
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < missing / fillCharacters; i++) {
            padding.append(fill);
        }
        padding.append(fill, 0, fill.offsetByCodePoints(0, missing % fillCharacters));
        return left ? padding + s : s + padding;
    }

    /** Field n (1-based; negative counts from the end) of s split at delimiter; '' when out of range. */
    static String splitPart(String s, String delimiter, long n)
    {
        if (n == 0) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.isEmpty()) {
            // the whole string is the only field
            return n == 1 || n == -1 ? s : "";
        }
        java.util.List<String> fields = new java.util.ArrayList<>();
        int start = 0;
        while (true) {
            int index = s.indexOf(delimiter, start);
            if (index < 0) {
                fields.add(s.substring(start));
                break;
            }
            fields.add(s.substring(start, index));
            start = index + delimiter.length();
        }
        long index = n > 0 ? n - 1 : fields.size() + n;
        return index >= 0 && index < fields.size() ? fields.get((int) index) : "";
    }

    static void checkResultSize(long bytes)
    {
        if (bytes > MAX_RESULT_BYTES) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "requested string length " + bytes + " exceeds the maximum of " + MAX_RESULT_BYTES + " bytes");
        }
    }
}
