package dev.basalt.execution.operator;

import java.util.ArrayList;
import java.util.List;

/** Closes several resources, all of them even when some fail, and rethrows the first failure. */
final class Closer
{
    private final List<AutoCloseable> resources = new ArrayList<>();

    Closer add(AutoCloseable resource)
    {
        if (resource != null) {
            resources.add(resource);
        }
        return this;
    }

    void close()
    {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            }
            catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
