package dev.basalt.sqllogictest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checked-in list of corpus records expected to fail: one {@code file:line reason} per line ({@code #} comments).
 * {@code line} is a record's line number, or {@code setup}/{@code end} for a file's setup and teardown.
 */
public final class KnownFailures
{
    private static final String HEADER = """
            # Corpus sqllogictest records Basalt is known to fail: `file:line failure -- why`, one per line.
            # A listed record that fails is reported, not a test failure; a listed record that passes is reported as
            # "fixed, remove from list"; an unlisted failure fails the build.
            # Regenerate for the files of a run: bin/mvn -o -pl sqllogictest test -Dslt.updateKnownFailures=true
            # (random/ entries: add -Pslow). Entries of files not run are kept; the `-- why` part survives regeneration.
            """;

    /** Separates the failure message from the explanation of why Basalt differs, kept across regenerations. */
    static final String EXPLANATION = " -- ";

    /** key "file:line" -> reason, in file order. */
    private final Map<String, String> entries;

    private KnownFailures(Map<String, String> entries)
    {
        this.entries = entries;
    }

    public static KnownFailures empty()
    {
        return new KnownFailures(new LinkedHashMap<>());
    }

    public static KnownFailures parse(String text)
    {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String reason = space < 0 ? "" : line.substring(space + 1).strip();
            entries.put(key, reason);
        }
        return new KnownFailures(entries);
    }

    public static KnownFailures load(Path path)
    {
        if (!Files.exists(path)) {
            return empty();
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String key(String file, String line)
    {
        return file + ":" + line;
    }

    public boolean contains(String key)
    {
        return entries.containsKey(key);
    }

    public int size()
    {
        return entries.size();
    }

    /** The listed keys of {@code file}. */
    public List<String> keysOf(String file)
    {
        List<String> keys = new ArrayList<>();
        for (String key : entries.keySet()) {
            if (fileOf(key).equals(file)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * This list with the entries of {@code files} replaced by {@code failures} (key -> reason); entries of other
     * files are kept.
     */
    public KnownFailures replaceFiles(Set<String> files, Map<String, String> failures)
    {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (!files.contains(fileOf(entry.getKey()))) {
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        for (Map.Entry<String, String> failure : failures.entrySet()) {
            // the failure message is regenerated; a human explanation after " -- " stays with its record
            String previous = entries.get(failure.getKey());
            int why = previous == null ? -1 : previous.indexOf(EXPLANATION);
            merged.put(failure.getKey(), why < 0 ? failure.getValue() : failure.getValue() + previous.substring(why));
        }
        return new KnownFailures(merged);
    }

    /** The file's text: entries grouped by file name, in line order within each file. */
    public String render()
    {
        Map<String, List<Map.Entry<String, String>>> byFile = new TreeMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            byFile.computeIfAbsent(fileOf(entry.getKey()), f -> new ArrayList<>()).add(entry);
        }
        StringBuilder out = new StringBuilder(HEADER);
        for (Collection<Map.Entry<String, String>> fileEntries : byFile.values()) {
            List<Map.Entry<String, String>> sorted = new ArrayList<>(fileEntries);
            sorted.sort((a, b) -> Long.compare(lineOrder(a.getKey()), lineOrder(b.getKey())));
            for (Map.Entry<String, String> entry : sorted) {
                out.append(entry.getKey());
                if (!entry.getValue().isEmpty()) {
                    out.append(' ').append(entry.getValue().replace('\n', ' '));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    public void write(Path path)
    {
        try {
            Files.writeString(path, render(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileOf(String key)
    {
        int colon = key.lastIndexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static long lineOrder(String key)
    {
        String line = key.substring(key.lastIndexOf(':') + 1);
        return switch (line) {
            case "setup" -> -1;
            case "end" -> Long.MAX_VALUE;
            default -> {
                long value = 0;
                for (int i = 0; i < line.length() && Character.isDigit(line.charAt(i)); i++) {
                    value = value * 10 + (line.charAt(i) - '0');
                }
                yield value;
            }
        };
    }
}
