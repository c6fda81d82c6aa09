package dev.basalt.execution.operator;

import dev.basalt.execution.hash.GroupHashTable;
import dev.basalt.execution.hash.KeyEncoder;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Equi-join: the build input is compacted, its keys encoded ({@link KeyEncoder}; strings through dictionaries the
 * probe side only looks up) and mapped to key ids ({@link GroupHashTable}) with a chain of build rows per key id.
 * Probe rows look their key up and walk the chain. NULL keys never match. When every build key is unique and
 * there is no residual filter, INNER/LEFT output reuses the probe vectors (selection) and gathers only the build
 * columns, and SEMI/ANTI just select probe rows. A residual filter on build columns only is applied to build rows
 * once (see {@link JoinOperatorBase}); SEMI/ANTI/MARK with another filter walk the chains in rounds and stop at a
 * probe row's first match. RIGHT_SEMI/RIGHT_ANTI (the smaller side of a semi/anti join hashed) mark key ids
 * without a filter (expanded to build rows at the end), and with one pair a probe row only with build rows of its
 * chain not yet matched.
 */
public final class HashJoinOperator
        extends JoinOperatorBase
{
    private final List<Integer> probeKeys;
    private final List<Integer> buildKeys;
    /** Not final: a shared build's encoder (its string dictionaries) replaces this one's. */
    private KeyEncoder encoder;
    private final List<DataType> buildTypes;
    private final List<Column> outputColumns;
    /** Output columns the consumer reads (null = all); the unique-match paths skip gathering the others. */
    private final boolean[] usedOutputs;
    private final int usedProbeColumns;
    private final int usedBuildColumns;
    private GroupHashTable table;
    private int[] head = new int[0];
    private int[] nextRow = new int[0];
    private boolean unique;
    private boolean buildHasNullKey;
    /** Some key's build rows were all excluded by the build-only filter: it has an id but an empty chain. */
    private boolean emptyChains;
    /** RIGHT_SEMI/RIGHT_ANTI without a filter: key ids some probe row found. */
    private boolean[] keyMatched;

    // probe cursor
    private long[] codes = new long[0];
    private boolean[] nulls = new boolean[0];
    private boolean[] absent = new boolean[0];
    private int[] keyIds = new int[0];
    private int cursor;
    private int chain = -1;
    private int chainPosition;
    // SEMI/ANTI/MARK with a filter: probe indices still searching and their next chain row, walked in rounds
    private boolean rounds;
    private int[] active = new int[0];
    private int[] activeChain = new int[0];
    private int activeCount;
    private int activeRead;
    private int activeWrite;
    private int perRow;

    public HashJoinOperator(OperatorContext context, HashJoin plan, Operator probe, Operator build)
    {
        this(context, plan, probe, build, null);
    }

    /**
     * {@code usedOutputs}: which output columns the consumer reads (e.g. the projection right above); the others
     * may come out as placeholder NullVectors instead of being gathered. Null = all are read.
     */
    public HashJoinOperator(OperatorContext context, HashJoin plan, Operator probe, Operator build, boolean[] usedOutputs)
    {
        super(context, plan.joinType(), probe, build, plan.probe().outputColumns(), plan.build().outputColumns(), plan.filter(), plan.outputColumns());
        this.probeKeys = plan.probeKeys();
        this.buildKeys = plan.buildKeys();
        List<DataType> keyTypes = new ArrayList<>();
        for (int key : buildKeys) {
            keyTypes.add(plan.build().outputColumns().get(key).type());
        }
        this.encoder = new KeyEncoder(keyTypes);
        this.buildTypes = SortOperator.types(plan.build().outputColumns());
        this.outputColumns = plan.outputColumns();
        this.usedOutputs = usedOutputs == null ? null : usedOutputs.clone();
        int probeColumnCount = plan.probe().outputColumns().size();
        int probeUsed = 0;
        int buildUsed = 0;
        for (int c = 0; c < outputColumns.size(); c++) {
            if (used(c)) {
                probeUsed += c < probeColumnCount ? 1 : 0;
                buildUsed += c < probeColumnCount ? 0 : 1;
            }
        }
        this.usedProbeColumns = probeUsed;
        this.usedBuildColumns = buildUsed;
    }

    /** Builds the hash table now (on the caller's thread, before parallel probers adopt it). */
    public void prepareBuild()
    {
        ensureBuilt();
        // the store caches validity bitmaps lazily: fill the cache now, so that probers only read it
        for (int c = 0; c < build.columnCount(); c++) {
            build.validity(c);
        }
    }

    /** Whether probers of this join type can share one build: those that mark build rows (RIGHT, FULL, RIGHT_SEMI/ANTI) cannot. */
    public static boolean shareableBuild(JoinType type)
    {
        return switch (type) {
            case INNER, LEFT, SEMI, ANTI, MARK, SINGLE -> true;
            case RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI -> false;
        };
    }

    /**
     * Probes {@code builder}'s prepared build (same plan) instead of its own build input: the hash table, chains and
     * key dictionaries are only read from now on, so several probe workers may share them.
     */
    public void shareBuildOf(HashJoinOperator builder)
    {
        adoptBuild(builder);
        encoder = builder.encoder;
        table = builder.table;
        head = builder.head;
        nextRow = builder.nextRow;
        unique = builder.unique;
        buildHasNullKey = builder.buildHasNullKey;
        emptyChains = builder.emptyChains;
    }

    private boolean used(int outputColumn)
    {
        return usedOutputs == null || outputColumn >= usedOutputs.length || usedOutputs[outputColumn];
    }

    /** Stands in for an output column nobody reads: no buffers, but the value count a batch requires. */
    private FieldVector placeholder(Column column, int count)
    {
        NullVector vector = new NullVector(column.name());
        vector.setValueCount(count);
        return vector;
    }

    private void ensureProbeScratch(int count)
    {
        if (nulls.length < count) {
            int capacity = Math.max(count, 64);
            codes = new long[capacity * encoder.words()];
            nulls = new boolean[capacity];
            absent = new boolean[capacity];
            keyIds = new int[capacity];
        }
    }

    @Override
    protected List<Integer> buildKeyColumns()
    {
        return buildKeys;
    }

    @Override
    protected void buildFinished()
    {
        int rows = build.rowCount();
        table = new GroupHashTable(encoder.words(), Math.max(16, rows));
        head = new int[Math.max(16, rows)];
        nextRow = new int[rows];
        List<FieldVector> keyVectors = new ArrayList<>();
        for (int key : buildKeys) {
            keyVectors.add(build.vector(key));
        }
        ensureProbeScratch(CHUNK);
        boolean[] excluded = excludeBuildRowsByFilter();
        int[] positions = new int[CHUNK];
        for (int start = 0; start < rows; start += CHUNK) {
            int count = Math.min(CHUNK, rows - start);
            for (int i = 0; i < count; i++) {
                positions[i] = start + i;
            }
            encoder.encode(keyVectors, positions, count, true, codes, nulls, null);
            table.findOrAdd(codes, count, nulls, keyIds);
            if (head.length < table.size()) {
                head = Arrays.copyOf(head, Math.max(table.size(), 2 * head.length));
            }
            for (int i = 0; i < count; i++) {
                int id = keyIds[i];
                int row = start + i;
                if (id < 0) {
                    buildHasNullKey = true;
                    nextRow[row] = -1;
                    continue;
                }
                if (excluded != null && excluded[row]) {
                    // fails the build-only filter: can match nothing (for RIGHT/FULL it comes out unmatched)
                    nextRow[row] = -1;
                    emptyChains = true;
                    continue;
                }
                // head holds (row + 1) so that the zero-filled array means "empty"
                nextRow[row] = head[id] - 1;
                head[id] = row + 1;
            }
        }
        table.buildProbeFilter();
        unique = true;
        for (int row = 0; row < rows && unique; row++) {
            unique = nextRow[row] < 0;
        }
        context.reserveHeap(table.bytes() + encoder.bytes() + 4L * head.length + 4L * nextRow.length + 13L * codes.length);
    }

    @Override
    protected boolean startProbe(ColumnBatch batch)
    {
        int count = probeCount;
        ensureProbeScratch(count);
        List<FieldVector> keyVectors = new ArrayList<>(probeKeys.size());
        for (int key : probeKeys) {
            keyVectors.add(batch.column(key));
        }
        encoder.encode(keyVectors, probeRows, count, false, codes, nulls, absent);
        for (int i = 0; i < count; i++) {
            absent[i] |= nulls[i];
        }
        table.find(codes, count, absent, keyIds);
        if (emptyChains) {
            for (int i = 0; i < count; i++) {
                int id = keyIds[i];
                keyIds[i] = id >= 0 && head[id] == 0 ? -1 : id;
            }
        }
        boolean buildEmpty = build.rowCount() == 0;
        if (joinType == JoinType.MARK) {
            for (int i = 0; i < count; i++) {
                int p = probeRows == null ? i : probeRows[i];
                // A NULL key on either side makes "no match" unknown (the residual filter is not consulted for it).
                unknown[p] = !buildEmpty && (nulls[i] || buildHasNullKey);
            }
        }
        if (!hasFilter() && outputsOnlyBuild()) {
            if (keyMatched == null) {
                keyMatched = new boolean[table.size()];
            }
            for (int i = 0; i < count; i++) {
                int id = keyIds[i];
                if (id >= 0) {
                    keyMatched[id] = true;
                }
            }
            cursor = count;
            chain = -1;
            return false;
        }
        if (!hasFilter() && (joinType == JoinType.SEMI || joinType == JoinType.ANTI || joinType == JoinType.MARK)) {
            for (int i = 0; i < count; i++) {
                matched[probeRows == null ? i : probeRows[i]] = keyIds[i] >= 0;
            }
            cursor = count;
            chain = -1;
            return false;
        }
        if (unique && !hasFilter() && (joinType == JoinType.INNER || joinType == JoinType.LEFT || joinType == JoinType.SINGLE)) {
            emitUniqueMatches(batch);
            return true;
        }
        cursor = 0;
        chain = -1;
        rounds = hasFilter() && (joinType == JoinType.SEMI || joinType == JoinType.ANTI || joinType == JoinType.MARK);
        if (rounds) {
            startRounds(count);
        }
        return false;
    }

    /**
     * SEMI/ANTI/MARK only ask whether some pair passes the filter. Instead of every pair of a probe row, each
     * round offers the next chain row(s) of every probe row still without a match, and a chunk ends with its
     * round so that the next round sees the matches found: a probe row stops at its first match.
     */
    private void startRounds(int count)
    {
        if (active.length < count) {
            active = new int[Math.max(count, 64)];
            activeChain = new int[Math.max(count, 64)];
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int id = keyIds[i];
            if (id >= 0) {
                active[n] = i;
                activeChain[n] = head[id] - 1;
                n++;
            }
        }
        activeCount = n;
        activeRead = 0;
        activeWrite = 0;
        perRow = Math.max(1, CHUNK / Math.max(1, n));
    }

    private int nextRoundPairs(int[] probePositions, int[] buildRows, int max)
    {
        int n = 0;
        while (activeCount > 0) {
            if (activeRead >= activeCount) {
                // round done: keep the survivors (compacted in place) for the next one
                activeCount = activeWrite;
                activeRead = 0;
                activeWrite = 0;
                perRow = Math.max(1, CHUNK / Math.max(1, activeCount));
                if (n > 0) {
                    return n;
                }
                continue;
            }
            if (max - n < perRow) {
                return n;
            }
            int i = active[activeRead];
            int row = activeChain[activeRead];
            activeRead++;
            int p = probeRows == null ? i : probeRows[i];
            if (matched[p]) {
                continue;
            }
            for (int k = 0; k < perRow && row >= 0; k++) {
                probePositions[n] = p;
                buildRows[n] = row;
                n++;
                row = nextRow[row];
            }
            if (row >= 0) {
                active[activeWrite] = i;
                activeChain[activeWrite] = row;
                activeWrite++;
            }
        }
        return n;
    }

    /**
     * One match at most per probe row. Dense matches: probe vectors move to the output and build columns are
     * gathered by position (aligned with the probe batch). Sparse INNER matches (a selective join, e.g. lineitem
     * with the suppliers of one region) instead gather both sides into a compact batch of the matches only, which
     * costs less than gathering every build column over the whole physical batch.
     */
    private void emitUniqueMatches(ColumnBatch batch)
    {
        int physical = batch.physicalRowCount();
        int[] selected = new int[Math.max(probeCount, 1)];
        int[] matchedRows = new int[Math.max(probeCount, 1)];
        int n = 0;
        for (int i = 0; i < probeCount; i++) {
            int p = probeRows == null ? i : probeRows[i];
            int id = keyIds[i];
            selected[n] = p;
            matchedRows[n] = id < 0 ? -1 : head[id] - 1;
            n += id >= 0 ? 1 : 0;
        }
        if (joinType == JoinType.INNER && n == 0) {
            batch.close();
            return;
        }
        int probeColumns = batch.columnCount();
        int buildColumns = buildTypes.size();
        // gathering costs per value: compact = n * (probe + build columns read), aligned = physical * build columns read
        if (joinType == JoinType.INNER && 2L * n * (usedProbeColumns + usedBuildColumns) < (long) physical * usedBuildColumns) {
            emitCompactMatches(batch, selected, matchedRows, n);
            return;
        }
        int[] sourceRows = new int[physical];
        Arrays.fill(sourceRows, -1);
        if (joinType == JoinType.INNER) {
            for (int j = 0; j < n; j++) {
                sourceRows[selected[j]] = matchedRows[j];
            }
        }
        else {
            for (int i = 0; i < probeCount; i++) {
                int p = probeRows == null ? i : probeRows[i];
                int id = keyIds[i];
                sourceRows[p] = id < 0 ? -1 : head[id] - 1;
            }
        }
        List<FieldVector> vectors = new ArrayList<>(probeColumns + buildColumns);
        vectors.addAll(batch.columns());
        try {
            for (int c = 0; c < buildColumns; c++) {
                Column column = outputColumns.get(probeColumns + c);
                if (!used(probeColumns + c)) {
                    vectors.add(placeholder(column, physical));
                    continue;
                }
                FieldVector vector = Vectors.create(buildTypes.get(c), column.name(), context.allocator());
                vectors.add(vector);
                VectorCopier.copy(buildTypes.get(c), build.vector(c), build.validity(c), sourceRows, physical, vector, 0);
                vector.setValueCount(physical);
            }
        }
        catch (RuntimeException e) {
            for (int c = probeColumns; c < vectors.size(); c++) {
                vectors.get(c).close();
            }
            batch.close();
            throw e;
        }
        SelectionVector selection = joinType == JoinType.INNER
                ? (n == physical ? null : new SelectionVector(selected, n))
                : batch.selection();
        emit(ColumnBatch.of(vectors, physical, selection));
    }

    /** INNER output of {@code n} matches as a dense batch: probe rows {@code selected}, build rows {@code matchedRows}. */
    private void emitCompactMatches(ColumnBatch batch, int[] selected, int[] matchedRows, int n)
    {
        int probeColumns = batch.columnCount();
        List<FieldVector> vectors = new ArrayList<>(probeColumns + buildTypes.size());
        try (batch) {
            for (int c = 0; c < probeColumns; c++) {
                Column column = outputColumns.get(c);
                if (!used(c)) {
                    vectors.add(placeholder(column, n));
                    continue;
                }
                FieldVector vector = Vectors.create(column.type(), column.name(), context.allocator());
                vectors.add(vector);
                VectorCopier.copy(column.type(), batch.column(c), selected, n, vector, 0);
                vector.setValueCount(n);
            }
            for (int c = 0; c < buildTypes.size(); c++) {
                Column column = outputColumns.get(probeColumns + c);
                if (!used(probeColumns + c)) {
                    vectors.add(placeholder(column, n));
                    continue;
                }
                FieldVector vector = Vectors.create(buildTypes.get(c), column.name(), context.allocator());
                vectors.add(vector);
                VectorCopier.copy(buildTypes.get(c), build.vector(c), build.validity(c), matchedRows, n, vector, 0);
                vector.setValueCount(n);
            }
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        emit(ColumnBatch.of(vectors, n));
    }

    @Override
    protected void probeFinished()
    {
        if (keyMatched == null) {
            return;
        }
        for (int id = 0; id < keyMatched.length; id++) {
            if (keyMatched[id]) {
                for (int row = head[id] - 1; row >= 0; row = nextRow[row]) {
                    buildMatched[row] = true;
                }
            }
        }
    }

    @Override
    protected int nextPairs(int[] probePositions, int[] buildRows, int max)
    {
        if (rounds) {
            return nextRoundPairs(probePositions, buildRows, max);
        }
        if (skipsMatchedBuildRows()) {
            return nextUnmatchedBuildPairs(probePositions, buildRows, max);
        }
        int n = 0;
        while (n < max) {
            if (chain < 0) {
                if (cursor >= probeCount) {
                    break;
                }
                int id = keyIds[cursor];
                chainPosition = probeRows == null ? cursor : probeRows[cursor];
                cursor++;
                if (id < 0) {
                    continue;
                }
                chain = head[id] - 1;
            }
            probePositions[n] = chainPosition;
            buildRows[n] = chain;
            n++;
            chain = nextRow[chain];
        }
        return n;
    }

    /**
     * The chain walk for RIGHT_SEMI/RIGHT_ANTI: build rows already matched are decided and skipped; a key whose
     * rows are all matched gets its chain emptied so later probe rows skip it at once.
     */
    private int nextUnmatchedBuildPairs(int[] probePositions, int[] buildRows, int max)
    {
        int n = 0;
        while (n < max) {
            if (chain < 0) {
                if (cursor >= probeCount) {
                    break;
                }
                int id = keyIds[cursor];
                chainPosition = probeRows == null ? cursor : probeRows[cursor];
                cursor++;
                if (id < 0) {
                    continue;
                }
                int first = head[id] - 1;
                // unlink the matched rows at the front of the chain: a fully matched key costs nothing from now on
                while (first >= 0 && buildMatched[first]) {
                    first = nextRow[first];
                }
                head[id] = first + 1;
                chain = first;
                if (chain < 0) {
                    continue;
                }
            }
            probePositions[n] = chainPosition;
            buildRows[n] = chain;
            n++;
            chain = nextRow[chain];
            while (chain >= 0 && buildMatched[chain]) {
                chain = nextRow[chain];
            }
        }
        return n;
    }
}
