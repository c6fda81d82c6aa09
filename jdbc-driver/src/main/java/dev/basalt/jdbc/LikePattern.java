package dev.basalt.jdbc;

import java.util.regex.Pattern;

/** A DatabaseMetaData search pattern: {@code %} any run, {@code _} one character, {@code \} escapes; null matches all. */
final class LikePattern
{
    private final Pattern regex;

    private LikePattern(Pattern regex)
    {
        this.regex = regex;
    }

    static LikePattern compile(String pattern)
    {
        if (pattern == null) {
            return new LikePattern(null);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            }
            else if (c == '%' || c == '_') {
                flush(out, literal);
                out.append(c == '%' ? ".*" : ".");
            }
            else {
                literal.append(c);
            }
        }
        flush(out, literal);
        return new LikePattern(Pattern.compile(out.toString(), Pattern.DOTALL));
    }

    boolean matches(String value)
    {
        return regex == null || (value != null && regex.matcher(value).matches());
    }

    private static void flush(StringBuilder out, StringBuilder literal)
    {
        if (!literal.isEmpty()) {
            out.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
