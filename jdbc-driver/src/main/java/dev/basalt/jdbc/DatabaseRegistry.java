package dev.basalt.jdbc;

import dev.basalt.engine.Database;
import dev.basalt.engine.DatabaseOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases this JVM's connections have open, one per canonical directory (or shared in-memory name),
 * reference-counted: two connections to the same path share one {@link Database}, which is closed when the last
 * of them closes. Opening the same directory twice would give two writers one storage directory.
 * The first connection's settings (memory limits) apply while the database stays open.
 */
final class DatabaseRegistry
{
    static final DatabaseRegistry INSTANCE = new DatabaseRegistry();

    private final Map<String, Shared> open = new HashMap<>();

    private static final class Shared
    {
        final Database database;
        int references;

        Shared(Database database)
        {
            this.database = database;
        }
    }

    DatabaseLease acquire(BasaltUrl url, DatabaseOptions options)
    {
        if (url.isPrivate()) {
            Database database = Database.inMemory(options);
            return new DatabaseLease(database, database::close);
        }
        String key = url.path().isPresent() ? "path:" + canonical(url.path().get()) : "memory:" + url.name().orElseThrow();
        synchronized (this) {
            Shared shared = open.get(key);
            if (shared == null) {
                Database database = url.path().isPresent() ? Database.open(url.path().get(), options) : Database.inMemory(options);
                shared = new Shared(database);
                open.put(key, shared);
            }
            shared.references++;
            Shared claimed = shared;
            return new DatabaseLease(claimed.database, () -> release(key, claimed));
        }
    }

    /** Number of shared databases currently open (tests). */
    synchronized int openCount()
    {
        return open.size();
    }

    // Closes under the lock so a new connection to the same path waits for the old database to finish closing.
    private synchronized void release(String key, Shared shared)
    {
        shared.references--;
        if (shared.references > 0) {
            return;
        }
        open.remove(key);
        shared.database.close();
    }

    /**
     * The real path of the nearest existing ancestor plus the rest, so {@code ./db}, {@code /x/../db} and a
     * symlinked parent all name one database, even before the directory exists.
     */
    static Path canonical(Path path)
    {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        }
        catch (IOException e) {
            return absolute;
        }
    }
}
