package dev.basalt.sqllogictest;

import java.util.regex.Pattern;

/**
 * What a {@code statement error} / {@code query error} record expects. Every part is optional (null):
 * an SQLSTATE ({@code statement error 22012}), a regex searched in the error text
 * ({@code statement error 42P01 table .* does not exist}), or a DuckDB-style substring given after {@code ----}.
 *
 * <p>The error text the regex and substring are matched against is
 * {@code "ERROR <SQLSTATE>: <message>"} followed by {@code " (at line L, column C)"} when the engine knows the position.
 */
public record ErrorExpectation(String sqlState, Pattern regex, String substring)
{
    private static final Pattern SQL_STATE = Pattern.compile("[0-9A-Z]{5}");

    public static final ErrorExpectation ANY = new ErrorExpectation(null, null, null);

    /** Parses the text after {@code statement error}: an optional SQLSTATE, then an optional regex. */
    public static ErrorExpectation parse(String rest)
    {
        String text = rest.strip();
        if (text.isEmpty()) {
            return ANY;
        }
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (isSqlState(first)) {
            String remainder = space < 0 ? "" : text.substring(space + 1).strip();
            return new ErrorExpectation(first, remainder.isEmpty() ? null : Pattern.compile(remainder), null);
        }
        return new ErrorExpectation(null, Pattern.compile(text), null);
    }

    /** Five characters of digits and upper-case letters with at least one digit (so a word like TABLE is a regex). */
    static boolean isSqlState(String token)
    {
        return SQL_STATE.matcher(token).matches() && token.chars().anyMatch(Character::isDigit);
    }

    public ErrorExpectation withSubstring(String expected)
    {
        return new ErrorExpectation(sqlState, regex, expected);
    }

    /**
     * Null when the error matches, else why not. Without {@code checkDetails} (an engine with other error codes and
     * messages, such as the DuckDB cross-check) any error matches.
     */
    public String mismatch(SltEngineException error, boolean checkDetails)
    {
        if (!checkDetails) {
            return null;
        }
        String text = error.describe();
        if (sqlState != null && !sqlState.equals(error.sqlState())) {
            return "expected SQLSTATE " + sqlState + " but got " + text;
        }
        if (regex != null && !regex.matcher(text).find()) {
            return "error does not match /" + regex.pattern() + "/: " + text;
        }
        if (substring != null && !text.contains(substring)) {
            return "error does not contain \"" + substring + "\": " + text;
        }
        return null;
    }

    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder("error");
        if (sqlState != null) {
            out.append(' ').append(sqlState);
        }
        if (regex != null) {
            out.append(" /").append(regex.pattern()).append('/');
        }
        if (substring != null) {
            out.append(" \"").append(substring).append('"');
        }
        return out.toString();
    }
}
