package dev.basalt.jdbc;

import dev.basalt.engine.DatabaseOptions;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The connection settings the driver understands, from the URL's {@code ?name=value} part and the connection
 * {@link Properties} (the URL wins). Unknown URL settings are errors (typos should not pass silently); unknown
 * properties are ignored because tools always pass e.g. {@code user} and {@code password}.
 */
record ConnectionSettings(OptionalLong memoryLimit, OptionalLong queryMemoryLimit)
{
    static final String MEMORY_LIMIT = "memory_limit";
    static final String QUERY_MEMORY_LIMIT = "query_memory_limit";
    static final List<String> NAMES = List.of(MEMORY_LIMIT, QUERY_MEMORY_LIMIT);

    ConnectionSettings
    {
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(queryMemoryLimit, "queryMemoryLimit is null");
    }

    static ConnectionSettings from(BasaltUrl url, Properties properties)
    {
        for (String name : url.settings().keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown setting '" + name + "' in " + url.url() + " (known: " + String.join(", ", NAMES) + ")");
            }
        }
        return new ConnectionSettings(size(MEMORY_LIMIT, url.settings(), properties), size(QUERY_MEMORY_LIMIT, url.settings(), properties));
    }

    DatabaseOptions toOptions()
    {
        DatabaseOptions defaults = DatabaseOptions.defaults();
        long total = memoryLimit.orElse(defaults.memoryLimitBytes());
        long perQuery = Math.min(total, queryMemoryLimit.orElse(total));
        return new DatabaseOptions(total, perQuery);
    }

    private static OptionalLong size(String name, Map<String, String> urlSettings, Properties properties)
    {
        String text = urlSettings.get(name);
        if (text == null && properties != null) {
            text = properties.getProperty(name);
        }
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(MemorySize.parse(text));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
