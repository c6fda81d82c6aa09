package dev.basalt.sqllogictest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the test files are and the {@code -Dslt.*} switches:
 * {@code slt.file} (comma-separated names: {@code select1}, {@code evidence/in1}, {@code types}, {@code random/expr}),
 * {@code slt.complete}, {@code slt.updateKnownFailures}, {@code slt.timeout} (seconds per record, default 60).
 */
final class SltSettings
{
    static final String ENGINE = "basalt";
    /** The SQLite corpus expects integer / integer to truncate. */
    static final List<String> CORPUS_SETUP = List.of("SET integer_division = true", "SET sqlite_compatibility = true");

    private SltSettings() {}

    static Path moduleDir()
    {
        // Surefire sets basedir; an IDE usually runs in the module directory.
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath().normalize();
    }

    static Path projectSltDir()
    {
        return moduleDir().resolve("src/test/resources/slt");
    }

    static Path knownFailuresFile()
    {
        return moduleDir().resolve("src/test/resources/known-failures.txt");
    }

    static Path reportFile()
    {
        return moduleDir().resolve("target/slt-report.txt");
    }

    /** {@code <shared>/corpus/sqllogictest/test}, or null when the corpus is not there. */
    static Path corpusDir()
    {
        List<Path> candidates = new ArrayList<>();
        String shared = System.getProperty("basalt.shared");
        if (shared != null) {
            candidates.add(Path.of(shared));
        }
        candidates.add(moduleDir().resolve("../../shared"));
        candidates.add(moduleDir().resolve("../shared"));
        for (Path candidate : candidates) {
            Path dir = candidate.resolve("corpus/sqllogictest/test").normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    static boolean complete()
    {
        return Boolean.getBoolean("slt.complete");
    }

    static boolean updateKnownFailures()
    {
        return Boolean.getBoolean("slt.updateKnownFailures");
    }

    static Duration timeout()
    {
        return Duration.ofSeconds(Long.getLong("slt.timeout", 60L));
    }

    /**
     * Whether {@code name} (a path relative to its root, e.g. {@code evidence/in1.test}) is selected by
     * {@code -Dslt.file}; everything is when the property is absent.
     */
    static boolean selected(String name)
    {
        String filter = System.getProperty("slt.file", "").strip();
        if (filter.isEmpty()) {
            return true;
        }
        String withoutExtension = name.replaceFirst("\\.[a-z]+$", "");
        String simple = withoutExtension.substring(withoutExtension.lastIndexOf('/') + 1);
        for (String token : filter.split(",")) {
            String t = token.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (name.equals(t) || withoutExtension.equals(t) || simple.equals(t) || name.startsWith(t + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Files under {@code dir} with one of the extensions, sorted, as paths relative to {@code dir} with '/'. */
    static List<String> listFiles(Path dir, String... extensions)
    {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> names = new ArrayList<>();
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = dir.relativize(path).toString().replace('\\', '/');
                for (String extension : extensions) {
                    if (Files.isRegularFile(path) && name.endsWith(extension)) {
                        names.add(name);
                    }
                }
            }
            names.sort(null);
            return names;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
