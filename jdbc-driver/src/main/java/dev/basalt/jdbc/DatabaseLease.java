package dev.basalt.jdbc;

import dev.basalt.engine.Database;

import static java.util.Objects.requireNonNull;

/** One connection's claim on an open {@link Database}; releasing the last claim closes the database. */
final class DatabaseLease
{
    private final Database database;
    private final Runnable onRelease;
    private boolean released;

    DatabaseLease(Database database, Runnable onRelease)
    {
        this.database = requireNonNull(database, "database is null");
        this.onRelease = requireNonNull(onRelease, "onRelease is null");
    }

    Database database()
    {
        return database;
    }

    /** Idempotent. May throw what {@link Database#close()} throws when this was the last lease. */
    synchronized void release()
    {
        if (released) {
            return;
        }
        released = true;
        onRelease.run();
    }
}
