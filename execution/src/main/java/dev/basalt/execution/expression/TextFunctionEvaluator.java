package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The string library, DuckDB's semantics: TRANSLATE(s, from, to) (characters of {@code from} without a partner in
 * {@code to} are deleted), ASCII/UNICODE (code point of the first character; 0 / -1 for ''), CHR(code) (22023 for an
 * invalid code point), MD5/SHA256 (lower-case hex of the UTF-8 bytes), REGEXP_EXTRACT(s, pattern[, group]) ('' when
 * nothing matches or the group did not participate; group 0..9), REGEXP_FULL_MATCH(s, pattern[, flags]), CONTAINS,
 * CONCAT_WS(separator, ...) (not strict: NULL values are skipped, NULL only for a NULL separator), FORMAT(format,
 * VARCHAR...) ({} and {n} fields), BIT_LENGTH and
 * STRLEN (of the UTF-8 bytes), LEVENSHTEIN, HAMMING (22023 unless the lengths are equal) and JACCARD (over the sets
 * of characters; 22023 for an empty operand). Lengths count code points.
 */
public final class TextFunctionEvaluator
        extends RowFunctionEvaluator
{
    private final Function function;
    private final MessageDigest digest;
    private Pattern cachedPattern;
    private String cachedPatternText;
    private String cachedFlags;

    public TextFunctionEvaluator(Function function, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(operands, function != Function.CONCAT_WS, type, allocator);
        this.function = function;
        try {
            this.digest = switch (function) {
                case MD5 -> MessageDigest.getInstance("MD5");
                case SHA256 -> MessageDigest.getInstance("SHA-256");
                default -> null;
            };
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // constant patterns are compiled (and their errors raised) once, up front
        if ((function == Function.REGEXP_EXTRACT || function == Function.REGEXP_FULL_MATCH)
                && operands.get(1) instanceof ConstantEvaluator constant && constant.value() instanceof String text) {
            String flags = function == Function.REGEXP_FULL_MATCH && operands.size() > 2
                    ? operands.get(2) instanceof ConstantEvaluator f && f.value() instanceof String s ? s : null
                    : "";
            if (flags != null) {
                pattern(text, flags);
            }
        }
    }

    @Override
    protected void compute(int p)
    {
        switch (function) {
            case TRANSLATE -> setString(p, translate(stringAt(0, p), stringAt(1, p), stringAt(2, p)));
            case ASCII -> {
                String s = stringAt(0, p);
                setLong(p, s.isEmpty() ? 0 : s.codePointAt(0));
            }
            case UNICODE -> {
                String s = stringAt(0, p);
                setLong(p, s.isEmpty() ? -1 : s.codePointAt(0));
            }
            case CHR -> setString(p, chr(longAt(0, p)));
            case MD5, SHA256 -> setString(p, HexFormat.of().formatHex(digest.digest(varcharAt(0).bytes(p))));
            case REGEXP_EXTRACT -> setString(p, extract(p));
            case REGEXP_FULL_MATCH -> setBoolean(p, pattern(stringAt(1, p), operandCount() > 2 ? stringAt(2, p) : "").matcher(stringAt(0, p)).matches());
            case CONTAINS -> setBoolean(p, contains(varcharAt(0), varcharAt(1), p));
            case BIT_LENGTH -> setLong(p, 8L * varcharAt(0).length(p));
            case STRLEN -> setLong(p, varcharAt(0).length(p));
            case LEVENSHTEIN -> setLong(p, levenshtein(stringAt(0, p), stringAt(1, p)));
            case HAMMING -> setLong(p, hamming(stringAt(0, p), stringAt(1, p)));
            case JACCARD -> setDouble(p, jaccard(stringAt(0, p), stringAt(1, p)));
            case CONCAT_WS -> concatWs(p);
            case FORMAT -> setString(p, format(p));
            default -> throw new IllegalStateException("not a text function: " + function);
        }
    }

    private void concatWs(int p)
    {
        if (isNull(0, p)) {
            setNull(p);
            return;
        }
        String separator = stringAt(0, p);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (int k = 1; k < operandCount(); k++) {
            if (isNull(k, p)) {
                continue;
            }
            if (!first) {
                out.append(separator);
            }
            out.append(stringAt(k, p));
            first = false;
        }
        setString(p, out.toString());
    }

    /** DuckDB's format with {@code {}} (next argument), {@code {n}} (0-based) and {@code {{ }}}; no format specs. */
    private String format(int p)
    {
        String format = stringAt(0, p);
        StringBuilder out = new StringBuilder(format.length() + 16);
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '}') {
                if (i + 1 < format.length() && format.charAt(i + 1) == '}') {
                    i++;
                    out.append('}');
                    continue;
                }
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "unmatched '}' in format string \"" + format + "\"");
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            if (i + 1 < format.length() && format.charAt(i + 1) == '{') {
                i++;
                out.append('{');
                continue;
            }
            int end = format.indexOf('}', i);
            if (end < 0) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "unmatched '{' in format string \"" + format + "\"");
            }
            String field = format.substring(i + 1, end);
            int index;
            if (field.isEmpty()) {
                index = next++;
            }
            else if (field.chars().allMatch(Character::isDigit) && field.length() < 9) {
                index = Integer.parseInt(field);
            }
            else {
                throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "format field {" + field + "} is not supported (only {} and {n})");
            }
            if (index + 1 >= operandCount()) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "format argument index " + index + " out of range");
            }
            out.append(stringAt(index + 1, p));
            i = end;
        }
        return out.toString();
    }

    private static String translate(String s, String from, String to)
    {
        StringBuilder out = new StringBuilder(s.length());
        int[] fromPoints = from.codePoints().toArray();
        int[] toPoints = to.codePoints().toArray();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int index = -1;
            for (int j = 0; j < fromPoints.length; j++) {
                if (fromPoints[j] == c) {
                    index = j;
                    break;
                }
            }
            if (index < 0) {
                out.appendCodePoint(c);
            }
            else if (index < toPoints.length) {
                out.appendCodePoint(toPoints[index]);
            }
        }
        return out.toString();
    }

    private static String chr(long code)
    {
        if (code < 0 || code > Character.MAX_CODE_POINT || (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE)) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid Unicode code point: " + code);
        }
        return Character.toString((int) code);
    }

    private String extract(int p)
    {
        long group = operandCount() > 2 ? longAt(2, p) : 0;
        if (group < 0 || group > 9) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "group index must be between 0 and 9, got " + group);
        }
        Matcher matcher = pattern(stringAt(1, p), "").matcher(stringAt(0, p));
        if (!matcher.find() || group > matcher.groupCount()) {
            return "";
        }
        String value = matcher.group((int) group);
        return value == null ? "" : value;
    }

    private Pattern pattern(String text, String flags)
    {
        if (cachedPattern != null && text.equals(cachedPatternText) && flags.equals(cachedFlags)) {
            return cachedPattern;
        }
        int options = 0;
        for (int i = 0; i < flags.length(); i++) {
            switch (flags.charAt(i)) {
                case 'i' -> options |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> options &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 's' -> options |= Pattern.DOTALL;
                case 'm', 'n', 'p' -> options |= Pattern.MULTILINE;
                case 'x' -> options |= Pattern.COMMENTS;
                default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid regular expression option: " + flags.charAt(i));
            }
        }
        try {
            cachedPattern = Pattern.compile(text, options);
        }
        catch (PatternSyntaxException e) {
            throw new BasaltException(ErrorCode.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription() + " in '" + text + "'");
        }
        cachedPatternText = text;
        cachedFlags = flags;
        return cachedPattern;
    }

    /** Byte-wise substring search on the UTF-8 buffers (valid UTF-8 cannot match in the middle of a character). */
    private static boolean contains(VarcharInput haystack, VarcharInput needle, int p)
    {
        int length = haystack.length(p);
        int needleLength = needle.length(p);
        if (needleLength == 0) {
            return true;
        }
        long start = haystack.start(p);
        long needleStart = needle.start(p);
        MemorySegment data = haystack.data;
        byte first = needle.data.get(ValueLayout.JAVA_BYTE, needleStart);
        for (int i = 0; i + needleLength <= length; i++) {
            if (data.get(ValueLayout.JAVA_BYTE, start + i) == first
                    && MemorySegment.mismatch(data, start + i, start + i + needleLength, needle.data, needleStart, needleStart + needleLength) < 0) {
                return true;
            }
        }
        return false;
    }

    private static long levenshtein(String a, String b)
    {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    private static long hamming(String a, String b)
    {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (x.length != y.length) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "hamming: strings must be of equal length");
        }
        long distance = 0;
        for (int i = 0; i < x.length; i++) {
            distance += x[i] == y[i] ? 0 : 1;
        }
        return distance;
    }

    private static double jaccard(String a, String b)
    {
        if (a.isEmpty() || b.isEmpty()) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "jaccard: an argument is empty");
        }
        Set<Integer> x = new HashSet<>();
        a.codePoints().forEach(x::add);
        Set<Integer> y = new HashSet<>();
        b.codePoints().forEach(y::add);
        int intersection = 0;
        for (Integer c : x) {
            intersection += y.contains(c) ? 1 : 0;
        }
        return (double) intersection / (x.size() + y.size() - intersection);
    }
}
