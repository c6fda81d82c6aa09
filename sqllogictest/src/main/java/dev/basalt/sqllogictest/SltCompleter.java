package dev.basalt.sqllogictest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the expected blocks of a file's queries with what the engine returned ({@code -Dslt.complete=true}).
 * Queries produced by loops, error queries and queries that did not run are left as written.
 */
public final class SltCompleter
{
    private SltCompleter() {}

    /** The file's new text; {@code blocks} maps queries of {@code file} to their new expected lines. */
    public static String complete(SltFile file, Map<QueryRecord, List<String>> blocks)
    {
        List<Map.Entry<QueryRecord, List<String>>> edits = new ArrayList<>();
        for (Map.Entry<QueryRecord, List<String>> entry : blocks.entrySet()) {
            if (entry.getKey().blockStart() >= 0 && entry.getKey().error() == null) {
                edits.add(entry);
            }
        }
        // Splice from the end so earlier indexes stay valid.
        edits.sort(Comparator.comparingInt((Map.Entry<QueryRecord, List<String>> e) -> e.getKey().blockStart()).reversed());
        List<String> lines = new ArrayList<>(file.lines());
        for (Map.Entry<QueryRecord, List<String>> edit : edits) {
            QueryRecord query = edit.getKey();
            List<String> block = edit.getValue();
            int start = query.blockStart();
            if (query.hasSeparator()) {
                lines.subList(start, query.blockEnd()).clear();
                lines.addAll(start, block);
            }
            else {
                List<String> inserted = new ArrayList<>(block.size() + 1);
                inserted.add("----");
                inserted.addAll(block);
                lines.addAll(start, inserted);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append(file.lineSeparator());
        }
        return out.toString();
    }
}
