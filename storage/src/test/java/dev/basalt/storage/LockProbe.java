package dev.basalt.storage;

import dev.basalt.spi.error.BasaltException;

import java.nio.file.Path;

/** Run in a child JVM: tries to open a database directory and prints what happened. */
public final class LockProbe
{
    private LockProbe() {}

    public static void main(String[] args)
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(Path.of(args[0]))) {
            System.out.println("OPENED " + catalog.listTables());
        }
        catch (BasaltException e) {
            System.out.println("ERROR " + e.code() + " " + e.getMessage());
        }
    }
}
