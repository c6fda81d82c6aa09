package dev.basalt.sqllogictest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The block after {@code ----}: literal lines, or SQLite's {@code N values hashing to <md5>}. */
public sealed interface ExpectedResult
{
    Pattern HASH = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");

    /**
     * The lines as written: one value per line (SQLite) or one row per line with tab/space separated values
     * (DuckDB); the matcher accepts either.
     */
    record Lines(List<String> lines) implements ExpectedResult
    {
        public Lines
        {
            lines = List.copyOf(lines);
        }
    }

    record Hash(int valueCount, String md5) implements ExpectedResult {}

    static ExpectedResult of(List<String> lines)
    {
        if (lines.size() == 1) {
            Matcher matcher = HASH.matcher(lines.getFirst().strip());
            if (matcher.matches()) {
                return new Hash(Integer.parseInt(matcher.group(1)), matcher.group(2));
            }
        }
        return new Lines(lines);
    }
}
