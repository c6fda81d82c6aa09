package dev.basalt.jdbc;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Apache Arrow's off-heap memory work in a JVM started without Basalt's flags, or explains exactly which
 * flag is missing. Measured on JDK 25 with the shaded jar:
 * <ul>
 *   <li>Netty (Arrow's allocator) refuses {@code sun.misc.Unsafe} on JDK 24+ unless the JVM runs with
 *       {@code --sun-misc-unsafe-memory-access=allow} or {@code -Dio.netty.noUnsafe=false}; without it the first
 *       allocation fails. {@link #configureNetty()} sets the property when nobody chose, so no flag is needed (the
 *       JDK then prints its one-time Unsafe deprecation warning, which the flag silences).</li>
 *   <li>{@code ArrowBuf.nioBuffer} (storage reads and writes through it) needs
 *       {@code --add-opens=java.base/java.nio=ALL-UNNAMED}; there is no way around that flag.</li>
 * </ul>
 */
final class ArrowSupport
{
    static final String ADD_OPENS_FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    static final String UNSAFE_FLAG = "--sun-misc-unsafe-memory-access=allow";
    private static final String NETTY_NO_UNSAFE = "io.netty.noUnsafe";

    private static volatile SQLException probeFailure;
    private static volatile boolean probed;

    private ArrowSupport() {}

    /**
     * Lets Netty use Unsafe unless the application decided otherwise. Must run before Netty initializes, so the
     * driver calls it from its static initializer.
     */
    static void configureNetty()
    {
        if (System.getProperty(NETTY_NO_UNSAFE) == null) {
            System.setProperty(NETTY_NO_UNSAFE, "false");
        }
    }

    /** Throws a SQLException naming the JVM flags to add when Arrow cannot work in this JVM. */
    static void check() throws SQLException
    {
        if (!probed) {
            synchronized (ArrowSupport.class) {
                if (!probed) {
                    probeFailure = probe();
                    probed = true;
                }
            }
        }
        if (probeFailure != null) {
            SQLException copy = SqlExceptions.create(probeFailure.getMessage(), probeFailure.getSQLState(), probeFailure.getCause());
            throw copy;
        }
    }

    /** The SQLException for {@code t} when it is Arrow failing for lack of a JVM flag, else null. */
    static SQLException diagnose(Throwable t)
    {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (isArrowInitFailure(cause)) {
                return failure(cause, missingFlags(cause instanceof LinkageError));
            }
        }
        return null;
    }

    private static boolean isArrowInitFailure(Throwable t)
    {
        String message = String.valueOf(t.getMessage());
        if (message.contains("java.nio.DirectByteBuffer") || (message.contains("java.nio") && message.contains("opens"))) {
            return true;
        }
        if (t instanceof LinkageError) {
            // "Could not initialize class org.apache.arrow.memory..." after a failed static initializer
            return message.contains("org.apache.arrow.memory") || message.contains("io.netty");
        }
        return false;
    }

    private static SQLException probe()
    {
        boolean allocated = false;
        try (BufferAllocator allocator = new RootAllocator(1024);
                ArrowBuf buffer = allocator.buffer(8)) {
            allocated = true;
            buffer.setLong(0, 42L);
            ByteBuffer view = buffer.nioBuffer(0, 8);
            if (view.capacity() != 8 || buffer.getLong(0) != 42L) {
                return failure(new IllegalStateException("Arrow memory returned wrong values"), List.of());
            }
            return null;
        }
        catch (RuntimeException | LinkageError e) {
            return failure(e, missingFlags(!allocated));
        }
    }

    private static List<String> missingFlags(boolean allocationFailed)
    {
        List<String> flags = new ArrayList<>();
        if (!Object.class.getModule().isOpen("java.nio", ArrowSupport.class.getModule())) {
            flags.add(ADD_OPENS_FLAG);
        }
        if (allocationFailed) {
            flags.add(UNSAFE_FLAG);
        }
        if (flags.isEmpty()) {
            // nothing detectably missing: name both, one of them was overridden somewhere
            flags.add(ADD_OPENS_FLAG);
            flags.add(UNSAFE_FLAG);
        }
        if (allocationFailed && Boolean.getBoolean(NETTY_NO_UNSAFE)) {
            flags.add("and without -D" + NETTY_NO_UNSAFE + "=true");
        }
        return flags;
    }

    private static SQLException failure(Throwable cause, List<String> flags)
    {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String advice = flags.isEmpty() ? "" : "start Java with " + String.join(" ", flags) + " (see the Basalt JDBC driver README). ";
        String message = "Apache Arrow (Basalt's memory layer) cannot work in this JVM: " + advice + "Cause: " + root;
        return SqlExceptions.create(message, SqlExceptions.UNABLE_TO_CONNECT, cause);
    }
}
