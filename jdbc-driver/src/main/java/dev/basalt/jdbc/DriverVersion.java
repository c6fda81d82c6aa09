package dev.basalt.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's version, read from a resource Maven filters at build time. */
public final class DriverVersion
{
    private static final String VERSION = load();

    private DriverVersion() {}

    /** E.g. {@code 0.1.0-SNAPSHOT}; "unknown" when run from unfiltered sources. */
    public static String version()
    {
        return VERSION;
    }

    public static int major()
    {
        return part(0);
    }

    public static int minor()
    {
        return part(1);
    }

    private static int part(int index)
    {
        String[] parts = VERSION.split("[.-]");
        if (index >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[index]);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String load()
    {
        try (InputStream in = DriverVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
