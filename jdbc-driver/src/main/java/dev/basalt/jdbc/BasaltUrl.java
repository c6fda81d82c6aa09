package dev.basalt.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A parsed {@code jdbc:basalt:} URL.
 * <ul>
 *   <li>{@code jdbc:basalt:} or {@code jdbc:basalt:memory:} - a new private in-memory database</li>
 *   <li>{@code jdbc:basalt:memory:NAME} - an in-memory database shared by the open connections using NAME</li>
 *   <li>{@code jdbc:basalt:/path/to/db} - a directory database ({@code ~/} means the home directory)</li>
 * </ul>
 * Settings may follow a {@code ?}, e.g. {@code jdbc:basalt:/data/db?memory_limit=4GB&query_memory_limit=1GB}.
 *
 * @param name the shared in-memory database name; empty for a private one or a directory
 * @param path the directory; empty for in-memory databases
 */
public record BasaltUrl(String url, Optional<String> name, Optional<Path> path, Map<String, String> settings)
{
    public static final String PREFIX = "jdbc:basalt:";
    private static final String MEMORY = "memory:";

    public BasaltUrl
    {
        requireNonNull(url, "url is null");
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        settings = Map.copyOf(requireNonNull(settings, "settings is null"));
    }

    public static boolean accepts(String url)
    {
        return url != null && url.startsWith(PREFIX);
    }

    /** Parses a URL this driver accepts; throws IllegalArgumentException with a user-facing message otherwise. */
    public static BasaltUrl parse(String url)
    {
        if (!accepts(url)) {
            throw new IllegalArgumentException("not a Basalt URL: " + url + " (expected " + PREFIX + "[path])");
        }
        String rest = url.substring(PREFIX.length());
        Map<String, String> settings = new LinkedHashMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            parseSettings(rest.substring(question + 1), settings, url);
            rest = rest.substring(0, question);
        }
        if (rest.isEmpty()) {
            return new BasaltUrl(url, Optional.empty(), Optional.empty(), settings);
        }
        if (rest.startsWith(MEMORY)) {
            String name = rest.substring(MEMORY.length());
            return new BasaltUrl(url, name.isEmpty() ? Optional.empty() : Optional.of(name), Optional.empty(), settings);
        }
        String pathText = rest;
        if (pathText.equals("~") || pathText.startsWith("~/")) {
            pathText = System.getProperty("user.home") + pathText.substring(1);
        }
        try {
            return new BasaltUrl(url, Optional.empty(), Optional.of(Path.of(pathText)), settings);
        }
        catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid database path in " + url + ": " + e.getMessage(), e);
        }
    }

    public boolean isInMemory()
    {
        return path.isEmpty();
    }

    /** True for a private in-memory database that no other connection can see. */
    public boolean isPrivate()
    {
        return path.isEmpty() && name.isEmpty();
    }

    private static void parseSettings(String text, Map<String, String> settings, String url)
    {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("invalid setting '" + pair + "' in " + url + " (expected name=value)");
            }
            settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
    }
}
