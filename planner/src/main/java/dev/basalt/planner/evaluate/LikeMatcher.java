package dev.basalt.planner.evaluate;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.regex.Pattern;

/** SQL LIKE on single values (planning-time folding): {@code %} any sequence, {@code _} one character. */
public final class LikeMatcher
{
    private LikeMatcher() {}

    public static boolean matches(String value, String pattern, String escape, boolean caseInsensitive)
    {
        Integer escapeChar = null;
        if (escape != null) {
            if (escape.codePointCount(0, escape.length()) != 1) {
                throw new BasaltException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string: must be one character");
            }
            escapeChar = escape.codePointAt(0);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (escapeChar != null && c == escapeChar) {
                if (i >= pattern.length()) {
                    throw new BasaltException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                regex.append(Pattern.quote(new String(Character.toChars(next))));
            }
            else if (c == '%') {
                regex.append(".*");
            }
            else if (c == '_') {
                regex.append('.');
            }
            else {
                regex.append(Pattern.quote(new String(Character.toChars(c))));
            }
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }
}
