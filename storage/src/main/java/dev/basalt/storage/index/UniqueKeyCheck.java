package dev.basalt.storage.index;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

import static java.util.Objects.requireNonNull;

/**
 * Enforces a unique index at commit: finds two live rows with the same key (no NULL component: NULLs are distinct,
 * as in PostgreSQL) where at least one of them is being added. Existing row groups are assumed valid among
 * themselves. Call it with the indexes of the row groups the commit adds and of those the table already has in the
 * snapshot being committed, each with its deleted rows (including deletes of the same transaction, so an UPDATE that
 * keeps a key does not conflict with its own old row).
 * <p>Cost: when few keys are added (INSERT of some rows), each added key is binary-searched in every existing row
 * group: O(added × groups × log rows). Otherwise all indexes are merged like sorted runs: O(total × log groups).
 */
public final class UniqueKeyCheck
{
    /** Never deleted. */
    public static final IntPredicate NONE_DELETED = position -> false;

    /** The index data of one row group and its deleted positions. */
    public record Part(RowGroupIndex index, IntPredicate deleted)
    {
        public Part
        {
            requireNonNull(index, "index is null");
            requireNonNull(deleted, "deleted is null");
        }

        public Part(RowGroupIndex index)
        {
            this(index, NONE_DELETED);
        }
    }

    /** Two live rows with the same key: {@code second} belongs to an added row group. */
    public record Duplicate(Part first, int firstEntry, Part second, int secondEntry)
    {
        /** PostgreSQL's message: duplicate key value violates unique constraint "name": Key (a)=(1) already exists. */
        public BasaltException toException()
        {
            return new BasaltException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \""
                    + second.index().index().name() + "\": Key " + second.index().describeKey(secondEntry) + " already exists");
        }
    }

    private UniqueKeyCheck() {}

    /** The first duplicate found, if any. */
    public static Optional<Duplicate> find(List<Part> existing, List<Part> added)
    {
        long addedEntries = 0;
        for (Part part : added) {
            addedEntries += part.index().entryCount();
        }
        if (addedEntries == 0) {
            return Optional.empty();
        }
        long existingEntries = 0;
        for (Part part : existing) {
            existingEntries += part.index().entryCount();
            checkCompatible(added.getFirst(), part);
        }
        for (Part part : added) {
            checkCompatible(added.getFirst(), part);
        }
        // Probing costs ~ added × groups × 17 comparisons, merging ~ all entries × log(groups).
        double probeCost = (double) addedEntries * existing.size() * 17;
        double mergeCost = (double) (addedEntries + existingEntries) * (1 + Math.log(existing.size() + added.size()) / Math.log(2));
        return probeCost < mergeCost ? findByProbing(existing, added) : merge(existing, added);
    }

    /** Merges the added indexes, then binary-searches every added key in each existing index. */
    static Optional<Duplicate> findByProbing(List<Part> existing, List<Part> added)
    {
        Optional<Duplicate> duplicate = merge(List.of(), added);
        return duplicate.isPresent() ? duplicate : probe(existing, added);
    }

    /** Merges all indexes as sorted runs. */
    static Optional<Duplicate> findByMerging(List<Part> existing, List<Part> added)
    {
        return merge(existing, added);
    }

    private static void checkCompatible(Part reference, Part part)
    {
        if (!reference.index().index().equals(part.index().index()) || !reference.index().sameKeys(part.index())) {
            throw new IllegalArgumentException("row-group indexes of different indexes: " + reference.index() + ", " + part.index());
        }
    }

    private static boolean live(Part part, int entry)
    {
        return !part.index().hasNullKey(entry) && !part.deleted().test(part.index().position(entry));
    }

    private static Optional<Duplicate> probe(List<Part> existing, List<Part> added)
    {
        for (Part part : added) {
            RowGroupIndex index = part.index();
            for (int entry = 0; entry < index.entryCount(); entry++) {
                if (!live(part, entry)) {
                    continue;
                }
                for (Part candidate : existing) {
                    RowGroupIndex other = candidate.index();
                    for (int match = other.lowerBound(index, entry, 0); match < other.entryCount() && other.compareKeys(match, index, entry) == 0; match++) {
                        if (live(candidate, match)) {
                            return Optional.of(new Duplicate(candidate, match, part, entry));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A k-way merge of every part's live entries in key order; reports the first equal pair involving an added row. */
    private static Optional<Duplicate> merge(List<Part> existing, List<Part> added)
    {
        List<Part> parts = new ArrayList<>(existing.size() + added.size());
        parts.addAll(existing);
        parts.addAll(added);
        int firstAdded = existing.size();
        int count = parts.size();
        int[] cursor = new int[count];
        int[] heap = new int[count];
        int size = 0;
        for (int p = 0; p < count; p++) {
            cursor[p] = nextLive(parts.get(p), 0);
            if (cursor[p] < parts.get(p).index().entryCount()) {
                heap[size++] = p;
                siftUp(heap, size - 1, parts, cursor);
            }
        }
        // The previous live entry in key order; a run of equal keys is reported when it holds an added row and a
        // second row.
        int runPart = -1;
        int runEntry = -1;
        int runAddedPart = -1;
        int runAddedEntry = -1;
        int runOtherPart = -1;
        int runOtherEntry = -1;
        while (size > 0) {
            int p = heap[0];
            int entry = cursor[p];
            Part part = parts.get(p);
            boolean sameRun = runPart >= 0 && parts.get(runPart).index().compareKeys(runEntry, part.index(), entry) == 0;
            if (!sameRun) {
                runAddedPart = -1;
                runOtherPart = -1;
            }
            if (p >= firstAdded && runAddedPart < 0) {
                runAddedPart = p;
                runAddedEntry = entry;
            }
            else if (runOtherPart < 0) {
                runOtherPart = p;
                runOtherEntry = entry;
            }
            if (runAddedPart >= 0 && runOtherPart >= 0) {
                return Optional.of(new Duplicate(parts.get(runOtherPart), runOtherEntry, parts.get(runAddedPart), runAddedEntry));
            }
            runPart = p;
            runEntry = entry;
            cursor[p] = nextLive(part, entry + 1);
            if (cursor[p] < part.index().entryCount()) {
                siftDown(heap, 0, size, parts, cursor);
            }
            else {
                heap[0] = heap[--size];
                siftDown(heap, 0, size, parts, cursor);
            }
        }
        return Optional.empty();
    }

    private static int nextLive(Part part, int from)
    {
        int entry = from;
        int count = part.index().entryCount();
        while (entry < count && !live(part, entry)) {
            entry++;
        }
        return entry;
    }

    private static boolean less(int a, int b, List<Part> parts, int[] cursor)
    {
        int order = parts.get(a).index().compareKeys(cursor[a], parts.get(b).index(), cursor[b]);
        return order < 0 || (order == 0 && a < b);
    }

    private static void siftUp(int[] heap, int index, List<Part> parts, int[] cursor)
    {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(heap[i], heap[parent], parts, cursor)) {
                return;
            }
            int swap = heap[i];
            heap[i] = heap[parent];
            heap[parent] = swap;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int index, int size, List<Part> parts, int[] cursor)
    {
        int i = index;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left;
            if (left + 1 < size && less(heap[left + 1], heap[left], parts, cursor)) {
                smallest = left + 1;
            }
            if (!less(heap[smallest], heap[i], parts, cursor)) {
                return;
            }
            int swap = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = swap;
            i = smallest;
        }
    }
}
