package dev.basalt.storage;

import dev.basalt.spi.catalog.RowFilterCompiler;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Tuning of a catalog. Row groups of ~122,880 rows (30 batches of 4,096) keep zone maps selective and chunks
 * large enough to compress well; tests use small ones.
 *
 * @param rowGroupSize rows per row group (the last one of a commit may be smaller)
 * @param compress whether chunk payloads are zstd-compressed when that saves space
 * @param compressionLevel zstd level (1 = fastest)
 * @param writerLockTimeout how long {@code newWriter} waits for another writer of the same table
 * @param fsync whether commits fsync files and directories (off only for tests and loads that can be redone:
 *              a crash may then lose or damage recent commits)
 * @param rowFilterCompiler compiles the WHERE clause of partial indexes (the engine supplies it); without one,
 *                          creating an index with a predicate fails with 0A000
 */
public record StorageOptions(int rowGroupSize, boolean compress, int compressionLevel, Duration writerLockTimeout, boolean fsync,
        Optional<RowFilterCompiler> rowFilterCompiler)
{
    public static final int DEFAULT_ROW_GROUP_SIZE = 122_880;
    public static final int MAX_ROW_GROUP_SIZE = 1 << 24;

    public StorageOptions
    {
        if (rowGroupSize < 1 || rowGroupSize > MAX_ROW_GROUP_SIZE) {
            throw new IllegalArgumentException("row group size must be between 1 and " + MAX_ROW_GROUP_SIZE + ": " + rowGroupSize);
        }
        if (compressionLevel < 1 || compressionLevel > 22) {
            throw new IllegalArgumentException("zstd level must be between 1 and 22: " + compressionLevel);
        }
        requireNonNull(writerLockTimeout, "writerLockTimeout is null");
        if (writerLockTimeout.isNegative()) {
            throw new IllegalArgumentException("writer lock timeout is negative");
        }
        requireNonNull(rowFilterCompiler, "rowFilterCompiler is null");
    }

    public StorageOptions(int rowGroupSize, boolean compress, int compressionLevel, Duration writerLockTimeout, boolean fsync)
    {
        this(rowGroupSize, compress, compressionLevel, writerLockTimeout, fsync, Optional.empty());
    }

    /** Directory databases: compressed, fastest zstd level. */
    public static StorageOptions defaults()
    {
        return new StorageOptions(DEFAULT_ROW_GROUP_SIZE, true, 1, Duration.ofSeconds(10), true);
    }

    /** In-memory databases skip zstd: their bytes never hit a disk, and decoding stays cheaper. */
    public static StorageOptions memoryDefaults()
    {
        return new StorageOptions(DEFAULT_ROW_GROUP_SIZE, false, 1, Duration.ofSeconds(10), false);
    }

    public StorageOptions withRowGroupSize(int rows)
    {
        return new StorageOptions(rows, compress, compressionLevel, writerLockTimeout, fsync, rowFilterCompiler);
    }

    public StorageOptions withCompression(boolean enabled)
    {
        return new StorageOptions(rowGroupSize, enabled, compressionLevel, writerLockTimeout, fsync, rowFilterCompiler);
    }

    public StorageOptions withWriterLockTimeout(Duration timeout)
    {
        return new StorageOptions(rowGroupSize, compress, compressionLevel, timeout, fsync, rowFilterCompiler);
    }

    public StorageOptions withRowFilterCompiler(RowFilterCompiler compiler)
    {
        return new StorageOptions(rowGroupSize, compress, compressionLevel, writerLockTimeout, fsync, Optional.of(compiler));
    }

    public StorageOptions withFsync(boolean enabled)
    {
        return new StorageOptions(rowGroupSize, compress, compressionLevel, writerLockTimeout, enabled, rowFilterCompiler);
    }
}
