package dev.basalt.storage.io;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.manifest.Manifest;
import dev.basalt.storage.manifest.ManifestCodec;
import dev.basalt.storage.manifest.ManifestPointer;
import dev.basalt.storage.manifest.FileNames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database directory:
 * <pre>
 * &lt;db&gt;/LOCK                          held (FileChannel.tryLock) while a catalog has the directory open
 * &lt;db&gt;/MANIFEST                      pointer: which manifest version is current (replaced by atomic rename)
 * &lt;db&gt;/manifest-&lt;version&gt;.bin        the manifest of that version
 * &lt;db&gt;/tables/&lt;table id&gt;/rg-&lt;n&gt;.bsc   one file per row group, written once, never modified
 * &lt;db&gt;/tables/&lt;table id&gt;/del-&lt;n&gt;.bsd  deletion vector of a row group (replaced by a new file, never modified)
 * &lt;db&gt;/tables/&lt;table id&gt;/idx-&lt;i&gt;-&lt;n&gt;.bsi  index i over row group n
 * </pre>
 * Opening takes the lock, reads the current manifest and removes everything the manifest does not reference
 * (temp files, newer unpublished manifests, files of uncommitted transactions or dropped tables). The lock is
 * an OS file lock on LOCK: a second process (or a second catalog in this process) fails with OBJECT_IN_USE
 * instead of corrupting the directory; the OS drops it when the process dies, so a crash never leaves it held.
 */
public final class FileStore implements DatabaseStore
{
    static final String LOCK_FILE = "LOCK";
    static final String POINTER_FILE = "MANIFEST";
    static final String TABLES_DIRECTORY = "tables";
    private static final Pattern MANIFEST_FILE = Pattern.compile("manifest-(\\d+)\\.bin");
    private static final Pattern TABLE_DIRECTORY = Pattern.compile("\\d+");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Manifest initial;
    private final boolean fsync;
    private final Set<Long> createdTableDirectories = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Files written but not yet fsynced, per table: forced together by {@link #syncTable}. */
    private final java.util.Map<Long, Set<String>> unsyncedFiles = new java.util.concurrent.ConcurrentHashMap<>();
    private long publishedVersion;

    private FileStore(Path directory, FileChannel lockChannel, FileLock lock, Manifest initial, boolean fsync)
    {
        this.directory = directory;
        this.fsync = fsync;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.initial = initial;
        this.publishedVersion = initial.version();
    }

    /**
     * Opens (creating when absent) the database in {@code directory}, locking it for this process. Without
     * {@code fsync} nothing is forced to disk (tests, re-doable loads).
     */
    public static FileStore open(Path directory, boolean fsync)
    {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        }
        catch (FileAlreadyExistsException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot open database " + root + ": it exists and is not a directory", e);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot create database directory " + root + ": " + e, e);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot open lock file of database " + root + ": " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new BasaltException(ErrorCode.OBJECT_IN_USE, "database directory " + root + " is already open in this process");
        }
        catch (IOException e) {
            closeQuietly(channel);
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot lock database directory " + root + ": " + e, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new BasaltException(ErrorCode.OBJECT_IN_USE, "database directory " + root + " is in use by another process");
        }
        try {
            Manifest manifest = loadOrCreate(root, fsync);
            FileStore store = new FileStore(root, channel, lock, manifest, fsync);
            store.recover(manifest);
            return store;
        }
        catch (RuntimeException e) {
            releaseQuietly(lock);
            closeQuietly(channel);
            throw e;
        }
    }

    private static Manifest loadOrCreate(Path root, boolean fsync)
    {
        Path pointer = root.resolve(POINTER_FILE);
        if (Files.exists(pointer)) {
            long version;
            try {
                byte[] bytes = Files.readAllBytes(pointer);
                version = ManifestPointer.decode(bytes, bytes.length);
            }
            catch (CorruptedDataException e) {
                throw corrupted(pointer, e.getMessage(), e);
            }
            catch (IOException e) {
                throw new BasaltException(ErrorCode.IO_ERROR, "cannot read " + pointer + ": " + e, e);
            }
            Path manifestFile = manifestPath(root, version);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(manifestFile);
            }
            catch (NoSuchFileException e) {
                throw corrupted(manifestFile, "the manifest named by " + pointer + " is missing", e);
            }
            catch (IOException e) {
                throw new BasaltException(ErrorCode.IO_ERROR, "cannot read " + manifestFile + ": " + e, e);
            }
            Manifest manifest;
            try {
                manifest = ManifestCodec.decode(bytes, bytes.length);
            }
            catch (CorruptedDataException e) {
                throw corrupted(manifestFile, e.getMessage(), e);
            }
            if (manifest.version() != version) {
                throw corrupted(manifestFile, "it holds version " + manifest.version() + ", " + pointer + " names " + version, null);
            }
            return manifest;
        }
        checkFreshDirectory(root);
        Manifest manifest = new Manifest(1, 1, 1, List.of());
        try {
            writeManifest(root, manifest, fsync);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot create database in " + root + ": " + e, e);
        }
        return manifest;
    }

    /**
     * Without a MANIFEST the directory must be new, or hold only what a crash during creation leaves. Data
     * without a manifest is refused rather than "recovered" away.
     */
    private static void checkFreshDirectory(Path root)
    {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(LOCK_FILE) || name.endsWith(".tmp")) {
                    continue;
                }
                Matcher matcher = MANIFEST_FILE.matcher(name);
                if (matcher.matches() && matcher.group(1).equals("1")) {
                    continue;
                }
                if (name.equals(TABLES_DIRECTORY) || matcher.matches()) {
                    throw corrupted(root.resolve(POINTER_FILE), "it is missing but the directory holds database files", null);
                }
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "directory " + root + " is not a Basalt database (it has no MANIFEST and holds other files, e.g. " + name + ")");
            }
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot list " + root + ": " + e, e);
        }
    }

    private static BasaltException corrupted(Path file, String detail, Throwable cause)
    {
        return new BasaltException(ErrorCode.DATA_CORRUPTED, "database file " + file + " is corrupted: " + detail, cause);
    }

    private static Path manifestPath(Path root, long version)
    {
        return root.resolve("manifest-" + version + ".bin");
    }

    public Path directory()
    {
        return directory;
    }

    @Override
    public Manifest initialManifest()
    {
        return initial;
    }

    private Path tableDirectory(long tableId)
    {
        return directory.resolve(TABLES_DIRECTORY).resolve(Long.toString(tableId));
    }

    public Path filePath(long tableId, String name)
    {
        return tableDirectory(tableId).resolve(name);
    }

    @Override
    public String describe(long tableId, String name)
    {
        return filePath(tableId, name).toString();
    }

    @Override
    public void writeFile(long tableId, String name, byte[] bytes, int length) throws IOException
    {
        Path tableDirectory = tableDirectory(tableId);
        if (!Files.isDirectory(tableDirectory)) {
            Files.createDirectories(tableDirectory);
            createdTableDirectories.add(tableId);
        }
        Path path = filePath(tableId, name);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(channel, bytes, length);
        }
        catch (IOException | RuntimeException e) {
            deleteQuietly(path);
            throw e;
        }
        if (fsync) {
            // Forced at commit, not now: the kernel writes back while the next row groups are encoded.
            unsyncedFiles.computeIfAbsent(tableId, id -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(name);
        }
    }

    @Override
    public byte[] readFile(long tableId, String name) throws IOException
    {
        try {
            return Files.readAllBytes(filePath(tableId, name));
        }
        catch (NoSuchFileException e) {
            throw new CorruptedDataException("file is missing");
        }
    }

    @Override
    public RowGroupSource openFile(long tableId, String name) throws IOException
    {
        Path path = filePath(tableId, name);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
        catch (NoSuchFileException e) {
            throw new CorruptedDataException("file is missing");
        }
        return new RowGroupSource()
        {
            @Override
            public Slice read(long offset, int length) throws IOException
            {
                long size = channel.size();
                if (offset < 0 || offset + length > size) {
                    throw new CorruptedDataException("file is truncated: need bytes " + offset + ".." + (offset + length) + ", it has " + size);
                }
                byte[] bytes = new byte[length];
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    int read = channel.read(buffer, offset + buffer.position());
                    if (read < 0) {
                        throw new CorruptedDataException("file is truncated at byte " + (offset + buffer.position()));
                    }
                }
                return new Slice(bytes, 0, length);
            }

            @Override
            public void close()
            {
                closeQuietly(channel);
            }
        };
    }

    @Override
    public void syncTable(long tableId) throws IOException
    {
        if (!fsync) {
            return;
        }
        Set<String> files = unsyncedFiles.remove(tableId);
        if (files != null) {
            for (String name : files) {
                // fsync needs a writable handle on some platforms; nothing is written through it.
                try (FileChannel channel = FileChannel.open(filePath(tableId, name), StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        syncDirectory(tableDirectory(tableId));
        if (createdTableDirectories.remove(tableId)) {
            // A new table directory is itself an entry of tables/ (and tables/ possibly of the root).
            syncDirectory(directory.resolve(TABLES_DIRECTORY));
            syncDirectory(directory);
        }
    }

    @Override
    public void deleteFile(long tableId, String name)
    {
        Set<String> files = unsyncedFiles.get(tableId);
        if (files != null) {
            files.remove(name);
        }
        deleteQuietly(filePath(tableId, name));
    }

    @Override
    public void deleteTable(long tableId)
    {
        unsyncedFiles.remove(tableId);
        deleteTableDirectory(tableDirectory(tableId));
    }

    @Override
    public synchronized void publish(Manifest manifest) throws IOException
    {
        writeManifest(directory, manifest, fsync);
        long previous = publishedVersion;
        publishedVersion = manifest.version();
        if (previous != manifest.version()) {
            deleteQuietly(manifestPath(directory, previous));
        }
    }

    /**
     * The commit point. Order: manifest-&lt;v&gt;.bin written and fsynced; MANIFEST.tmp written and fsynced;
     * renamed atomically over MANIFEST; directory fsynced. A crash before the rename leaves the old pointer.
     */
    private static void writeManifest(Path root, Manifest manifest, boolean fsync) throws IOException
    {
        Path manifestFile = manifestPath(root, manifest.version());
        writeFile(manifestFile, ManifestCodec.encode(manifest), fsync);
        Path temp = root.resolve(POINTER_FILE + ".tmp");
        writeFile(temp, ManifestPointer.encode(manifest.version()), fsync);
        Files.move(temp, root.resolve(POINTER_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (fsync) {
            syncDirectory(root);
        }
    }

    private static void writeFile(Path path, byte[] bytes, boolean fsync) throws IOException
    {
        // Neither file is referenced yet, so rewriting one left by an earlier failed attempt is safe.
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(channel, bytes, bytes.length);
            if (fsync) {
                channel.force(true);
            }
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes, int length) throws IOException
    {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void syncDirectory(Path path) throws IOException
    {
        if (!Files.isDirectory(path)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            // Windows cannot open a directory as a channel; its renames are durable without it.
            if (!WINDOWS) {
                throw e;
            }
        }
    }

    /** Removes every file the committed manifest does not reference. Only names Basalt creates are touched. */
    private void recover(Manifest manifest)
    {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Matcher matcher = MANIFEST_FILE.matcher(name);
                if (name.endsWith(".tmp") && Files.isRegularFile(entry)) {
                    deleteQuietly(entry);
                }
                else if (matcher.matches() && !matcher.group(1).equals(Long.toString(manifest.version()))) {
                    deleteQuietly(entry);
                }
            }
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot list " + directory + ": " + e, e);
        }
        Path tables = directory.resolve(TABLES_DIRECTORY);
        if (!Files.isDirectory(tables)) {
            return;
        }
        java.util.Map<Long, Set<String>> liveFiles = FileNames.liveFiles(manifest);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tables)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isDirectory(entry) || !TABLE_DIRECTORY.matcher(name).matches()) {
                    continue;
                }
                long tableId = Long.parseLong(name);
                Set<String> live = liveFiles.get(tableId);
                if (live == null) {
                    deleteTableDirectory(entry);
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(entry)) {
                    for (Path file : files) {
                        String fileName = file.getFileName().toString();
                        if ((FileNames.TABLE_FILE.matcher(fileName).matches() && !live.contains(fileName)) || fileName.endsWith(".tmp")) {
                            deleteQuietly(file);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot list " + tables + ": " + e, e);
        }
    }

    private static void deleteTableDirectory(Path tableDirectory)
    {
        if (!Files.isDirectory(tableDirectory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tableDirectory)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (FileNames.TABLE_FILE.matcher(fileName).matches() || fileName.endsWith(".tmp")) {
                    deleteQuietly(file);
                }
            }
        }
        catch (IOException e) {
            return;
        }
        deleteQuietly(tableDirectory);
    }

    private static void deleteQuietly(Path path)
    {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException e) {
            // Best effort: whatever stays behind is removed by the next open's recovery.
        }
    }

    @Override
    public void close()
    {
        releaseQuietly(lock);
        closeQuietly(lockChannel);
    }

    private static void releaseQuietly(FileLock lock)
    {
        try {
            lock.release();
        }
        catch (IOException | RuntimeException e) {
            // The lock goes away with the channel anyway.
        }
    }

    private static void closeQuietly(AutoCloseable closeable)
    {
        try {
            closeable.close();
        }
        catch (Exception e) {
            // Nothing useful to do.
        }
    }
}
