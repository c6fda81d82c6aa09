package dev.basalt.execution.operator;

import dev.basalt.execution.expression.Evaluator;
import dev.basalt.execution.expression.ExpressionCompiler;
import dev.basalt.execution.expression.InputColumns;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The machinery both joins share. The build (right) input is compacted into a {@link ColumnStore}; each probe
 * (left) batch yields candidate pairs (probe position, build row) in chunks of up to 4096, which the subclass
 * generates (hash chains or all pairs). A chunk is gathered into a pair batch (probe ++ build columns) when the
 * residual condition must be evaluated or the pairs are output. Per-probe-row and per-build-row match flags give
 * the outer, semi, anti and mark variants; RIGHT_SEMI/RIGHT_ANTI output the matched / unmatched build rows once
 * the probe side is exhausted (a build row already matched need not be paired again, see {@link #skipsMatchedBuildRows}).
 * SINGLE is LEFT that fails with 21000 when a probe row's second match passes.
 */
abstract class JoinOperatorBase
        implements Operator
{
    protected static final int CHUNK = ColumnBatch.DEFAULT_ROW_COUNT;

    protected final OperatorContext context;
    protected final JoinType joinType;
    private final Operator probe;
    private final Operator buildSource;
    private final List<Column> outputColumns;
    private final List<DataType> probeTypes;
    private final List<DataType> buildTypes;
    private final Evaluator filter;
    /** Pair-batch columns (probe ++ build) the residual filter reads. */
    private final boolean[] filterColumns;
    /** The filter was applied to the build rows once ({@link #excludeBuildRowsByFilter}); pairs need no check. */
    private boolean filterResolved;
    private final ArrayDeque<ColumnBatch> outputs = new ArrayDeque<>();

    protected ColumnStore build;
    protected boolean[] buildMatched;
    private boolean built;
    /** The build rows belong to another operator (a shared parallel join build): read them, never close them. */
    private boolean buildShared;
    private boolean probeFinished;
    private int unmatchedCursor;
    private boolean unmatchedDone;
    private boolean probeFinishedCalled;

    // current probe batch
    protected ColumnBatch probeBatch;
    protected int[] probeRows;
    protected int probeCount;
    protected boolean[] matched = new boolean[0];
    protected boolean[] unknown = new boolean[0];
    private boolean probeMoved;

    private final int[] pairProbe = new int[CHUNK];
    private final int[] pairBuild = new int[CHUNK];
    private final int[] selection = new int[CHUNK];
    private boolean closed;

    protected JoinOperatorBase(OperatorContext context, JoinType joinType, Operator probe, Operator buildSource, List<Column> probeColumns,
            List<Column> buildColumns, Optional<RowExpression> filter, List<Column> outputColumns)
    {
        this.context = requireNonNull(context, "context is null");
        this.joinType = requireNonNull(joinType, "joinType is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.buildSource = requireNonNull(buildSource, "buildSource is null");
        this.outputColumns = outputColumns;
        this.probeTypes = SortOperator.types(probeColumns);
        this.buildTypes = SortOperator.types(buildColumns);
        this.filter = filter.map(expression -> new ExpressionCompiler(context.allocator()).compile(expression)).orElse(null);
        this.filterColumns = filter.map(expression -> InputColumns.referenced(List.of(expression), probeTypes.size() + buildTypes.size()))
                .orElse(null);
    }

    protected final boolean hasFilter()
    {
        return filter != null && !filterResolved;
    }

    /**
     * When the residual filter reads only build columns (e.g. TPC-H Q4's {@code l_commitdate < l_receiptdate}), a
     * pair matches iff the keys match and its build row passes: evaluates the filter once per build row instead of
     * once per pair and from then on treats the join as unfiltered. Returns excluded[row] = the row can match no
     * probe row, or null when this does not apply. Not for MARK: there a NULL filter value makes "no match" unknown.
     */
    /**
     * Build columns the store keeps: SEMI/ANTI/MARK output no build column, so only the keys and the columns a
     * filter evaluated per pair reads; the others are stored as NULL-typed columns (no buffers).
     */
    private List<DataType> storeTypes(boolean filterResolvedAtBuild)
    {
        if (outputsPairs() || tracksBuildMatches()) {
            return buildTypes;
        }
        List<Integer> keys = buildKeyColumns();
        if (keys == null) {
            return buildTypes;
        }
        List<DataType> types = new ArrayList<>(buildTypes.size());
        for (int c = 0; c < buildTypes.size(); c++) {
            boolean needed = keys.contains(c) || filter != null && !filterResolvedAtBuild && filterColumns[probeTypes.size() + c];
            types.add(needed ? buildTypes.get(c) : DataTypes.NULL);
        }
        return types;
    }

    /** The build columns pairs are found by (null = every column may be read, e.g. a nested-loop join). */
    protected List<Integer> buildKeyColumns()
    {
        return null;
    }

    private boolean filterReadsOnlyBuild()
    {
        if (filter == null) {
            return false;
        }
        for (int c = 0; c < probeTypes.size(); c++) {
            if (filterColumns[c]) {
                return false;
            }
        }
        return true;
    }

    /** Appends the build batch's rows that pass the build-only filter (the caller keeps the batch). */
    private void appendPassing(ColumnBatch batch, int[] passing)
    {
        int physical = batch.physicalRowCount();
        List<FieldVector> vectors = new ArrayList<>(probeTypes.size() + buildTypes.size());
        for (int c = 0; c < probeTypes.size(); c++) {
            NullVector placeholder = new NullVector(outputName(c));
            placeholder.setValueCount(physical);
            vectors.add(placeholder);
        }
        vectors.addAll(batch.columns());
        // not closed: the vectors stay the batch's; the placeholders hold no buffers
        ColumnBatch pairs = ColumnBatch.of(vectors, physical);
        int[] rows = batch.hasSelection() ? batch.selection().positions() : null;
        int n = filter.filter(pairs, rows, batch.rowCount(), passing);
        build.append(batch.columns(), passing, n);
    }

    protected final boolean[] excludeBuildRowsByFilter()
    {
        if (filterResolved || joinType == JoinType.MARK || build.rowCount() == 0 || !filterReadsOnlyBuild()) {
            return null;
        }
        int rows = build.rowCount();
        List<FieldVector> vectors = new ArrayList<>(probeTypes.size() + buildTypes.size());
        for (int c = 0; c < probeTypes.size(); c++) {
            NullVector placeholder = new NullVector(outputName(c));
            placeholder.setValueCount(rows);
            vectors.add(placeholder);
        }
        for (int c = 0; c < buildTypes.size(); c++) {
            vectors.add(build.vector(c));
        }
        // the batch is not closed: the build vectors stay the store's; the placeholders hold no buffers
        ColumnBatch batch = ColumnBatch.of(vectors, rows);
        context.reserveHeap(5L * rows);
        int[] passing = new int[rows];
        int n = filter.filter(batch, null, rows, passing);
        boolean[] excluded = new boolean[rows];
        Arrays.fill(excluded, true);
        for (int i = 0; i < n; i++) {
            excluded[passing[i]] = false;
        }
        filterResolved = true;
        return excluded;
    }

    private boolean outputsPairs()
    {
        return joinType == JoinType.INNER || joinType == JoinType.LEFT || joinType == JoinType.RIGHT || joinType == JoinType.FULL
                || joinType == JoinType.SINGLE;
    }

    protected final boolean tracksBuildMatches()
    {
        return joinType == JoinType.RIGHT || joinType == JoinType.FULL || outputsOnlyBuild();
    }

    /** RIGHT_SEMI/RIGHT_ANTI: the output is build rows only, decided by whether they matched. */
    protected final boolean outputsOnlyBuild()
    {
        return joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI;
    }

    /** Whether a build row once matched can be left out of further pairs (its output is decided). */
    protected final boolean skipsMatchedBuildRows()
    {
        return outputsOnlyBuild();
    }

    /** Called once after the last probe batch, before the build rows are output (RIGHT/FULL/RIGHT_SEMI/RIGHT_ANTI). */
    protected void probeFinished()
    {
    }

    /** Called once with every build row in {@link #build}. */
    protected abstract void buildFinished();

    /**
     * Starts a probe batch: may decide the whole batch directly (calling {@link #emit} and returning true), else
     * prepares pair generation (and may pre-mark {@link #matched} / {@link #unknown}).
     */
    protected abstract boolean startProbe(ColumnBatch batch);

    /** The next candidate pairs of the current probe batch; 0 when exhausted. */
    protected abstract int nextPairs(int[] probePositions, int[] buildRows, int max);

    protected final void emit(ColumnBatch batch)
    {
        outputs.add(batch);
    }

    @Override
    public ColumnBatch next()
    {
        while (true) {
            if (!outputs.isEmpty()) {
                return outputs.poll();
            }
            if (!built) {
                consumeBuild();
            }
            if (probeBatch == null) {
                if (probeFinished) {
                    if (tracksBuildMatches() && !unmatchedDone) {
                        if (!probeFinishedCalled) {
                            probeFinishedCalled = true;
                            probeFinished();
                        }
                        ColumnBatch unmatchedBuild = nextUnmatchedBuild();
                        if (unmatchedBuild != null) {
                            return unmatchedBuild;
                        }
                        unmatchedDone = true;
                    }
                    return null;
                }
                // nothing to output or mark: the probe side need not be read
                ColumnBatch batch = outputsOnlyBuild() && build.rowCount() == 0 ? null : probe.next();
                if (batch == null) {
                    probeFinished = true;
                    continue;
                }
                beginProbe(batch);
                continue;
            }
            int n = nextPairs(pairProbe, pairBuild, CHUNK);
            if (n > 0) {
                ColumnBatch output = processPairs(n);
                if (output != null) {
                    return output;
                }
                continue;
            }
            finishProbe();
        }
    }

    /** Reads the build input and builds the hash table now, unless done (a shared build is prepared before its probers start). */
    protected final void ensureBuilt()
    {
        if (!built) {
            consumeBuild();
        }
    }

    /**
     * Probes the build rows of {@code builder} (already built, same plan) instead of reading a build input: the
     * parallel probe workers share one build read-only. The builder keeps ownership; it must outlive this operator.
     */
    protected final void adoptBuild(JoinOperatorBase builder)
    {
        if (!builder.built || tracksBuildMatches()) {
            throw new IllegalStateException("only a finished build without build-side match tracking can be shared");
        }
        build = builder.build;
        filterResolved = builder.filterResolved;
        buildShared = true;
        built = true;
    }

    private void consumeBuild()
    {
        // a build row failing a filter on build columns only matches nothing: when it needs no output either,
        // it need not be kept (TPC-H Q4's lineitem: l_commitdate < l_receiptdate)
        boolean prefilter = filterReadsOnlyBuild()
                && (joinType == JoinType.INNER || joinType == JoinType.LEFT || joinType == JoinType.SINGLE || joinType == JoinType.SEMI || joinType == JoinType.ANTI
                || joinType == JoinType.RIGHT_SEMI);
        build = new ColumnStore(storeTypes(prefilter), context.allocator());
        int[] passing = new int[0];
        while (true) {
            ColumnBatch batch = buildSource.next();
            if (batch == null) {
                break;
            }
            try (batch) {
                if (prefilter) {
                    if (passing.length < batch.physicalRowCount()) {
                        passing = new int[batch.physicalRowCount()];
                    }
                    appendPassing(batch, passing);
                }
                else {
                    build.append(batch);
                }
            }
        }
        filterResolved = prefilter;
        if (tracksBuildMatches()) {
            context.reserveHeap(build.rowCount());
            buildMatched = new boolean[build.rowCount()];
        }
        buildFinished();
        built = true;
    }

    private void beginProbe(ColumnBatch batch)
    {
        probeBatch = batch;
        probeRows = batch.hasSelection() ? batch.selection().positions() : null;
        probeCount = batch.rowCount();
        probeMoved = false;
        int physical = batch.physicalRowCount();
        if (matched.length < physical) {
            matched = new boolean[Math.max(physical, 64)];
            unknown = new boolean[Math.max(physical, 64)];
        }
        else {
            Arrays.fill(matched, 0, physical, false);
            Arrays.fill(unknown, 0, physical, false);
        }
        boolean done;
        try {
            done = startProbe(batch);
        }
        catch (RuntimeException e) {
            releaseProbe();
            throw e;
        }
        if (done) {
            probeMoved = true;
            releaseProbe();
        }
    }

    /** Marks the probe batch's vectors as handed to an output batch (they must not be closed here). */
    protected final void probeVectorsMoved()
    {
        probeMoved = true;
    }

    private void releaseProbe()
    {
        if (probeBatch != null && !probeMoved) {
            probeBatch.close();
        }
        probeBatch = null;
    }

    private List<String> names(int from, int count)
    {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(outputColumns.get(from + i).name());
        }
        return names;
    }

    private ColumnBatch processPairs(int n)
    {
        Evaluator filter = filterResolved ? null : this.filter;
        if (filter == null && !outputsPairs()) {
            for (int j = 0; j < n; j++) {
                matched[pairProbe[j]] = true;
            }
            if (buildMatched != null) {
                for (int j = 0; j < n; j++) {
                    buildMatched[pairBuild[j]] = true;
                }
            }
            return null;
        }
        List<FieldVector> vectors = new ArrayList<>(probeTypes.size() + buildTypes.size());
        ColumnBatch pairs;
        try {
            // pairs only checked (SEMI/ANTI/MARK) need just the columns the filter reads
            boolean prune = !outputsPairs();
            for (int c = 0; c < probeTypes.size(); c++) {
                if (prune && !filterColumns[c]) {
                    NullVector placeholder = new NullVector(outputName(c));
                    placeholder.setValueCount(n);
                    vectors.add(placeholder);
                    continue;
                }
                FieldVector vector = Vectors.create(probeTypes.get(c), outputName(c), context.allocator());
                vectors.add(vector);
                VectorCopier.copy(probeTypes.get(c), probeBatch.column(c), pairProbe, n, vector, 0);
                vector.setValueCount(n);
            }
            if (prune) {
                for (int c = 0; c < buildTypes.size(); c++) {
                    int column = probeTypes.size() + c;
                    if (!filterColumns[column]) {
                        NullVector placeholder = new NullVector(outputName(column));
                        placeholder.setValueCount(n);
                        vectors.add(placeholder);
                        continue;
                    }
                    FieldVector vector = Vectors.create(buildTypes.get(c), outputName(column), context.allocator());
                    vectors.add(vector);
                    VectorCopier.copy(buildTypes.get(c), build.vector(c), build.validity(c), pairBuild, n, vector, 0);
                    vector.setValueCount(n);
                }
            }
            else {
                vectors.addAll(build.gather(pairBuild, n, buildNames(), context.allocator()));
            }
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        pairs = ColumnBatch.of(vectors, n);
        int selected = n;
        boolean all = true;
        try {
            if (filter != null) {
                if (joinType == JoinType.MARK) {
                    FieldVector value = filter.evaluate(pairs, null, n);
                    MemorySegment data = Vectors.data(value);
                    MemorySegment validity = Vectors.validity(value);
                    selected = 0;
                    for (int j = 0; j < n; j++) {
                        if (!Bitmaps.isSet(validity, j)) {
                            unknown[pairProbe[j]] = true;
                        }
                        else if (Bitmaps.get(data, j)) {
                            selection[selected++] = j;
                        }
                    }
                }
                else {
                    selected = filter.filter(pairs, null, n, selection);
                }
                all = selected == n;
            }
        }
        catch (RuntimeException e) {
            pairs.close();
            throw e;
        }
        boolean single = joinType == JoinType.SINGLE;
        for (int s = 0; s < selected; s++) {
            int j = all ? s : selection[s];
            if (single && matched[pairProbe[j]]) {
                pairs.close();
                throw new BasaltException(ErrorCode.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
            }
            matched[pairProbe[j]] = true;
            if (buildMatched != null) {
                buildMatched[pairBuild[j]] = true;
            }
        }
        if (!outputsPairs() || selected == 0) {
            pairs.close();
            return null;
        }
        if (all) {
            return pairs;
        }
        return pairs.withSelection(new SelectionVector(Arrays.copyOf(selection, selected), selected));
    }

    private String outputName(int column)
    {
        return column < outputColumns.size() ? outputColumns.get(column).name() : "c" + column;
    }

    private List<String> buildNames()
    {
        if (outputColumns.size() < probeTypes.size() + buildTypes.size()) {
            return null;
        }
        return names(probeTypes.size(), buildTypes.size());
    }

    /** Probe-side outputs once every pair of the probe batch was seen. */
    private void finishProbe()
    {
        try {
            switch (joinType) {
                case LEFT, FULL, SINGLE -> emitUnmatchedProbeRows();
                case SEMI, ANTI -> {
                    int[] positions = new int[probeCount];
                    int n = 0;
                    boolean wantMatched = joinType == JoinType.SEMI;
                    for (int i = 0; i < probeCount; i++) {
                        int p = probeRows == null ? i : probeRows[i];
                        positions[n] = p;
                        n += matched[p] == wantMatched ? 1 : 0;
                    }
                    if (n > 0) {
                        emit(n == probeCount ? probeBatch : probeBatch.withSelection(new SelectionVector(positions, n)));
                        probeMoved = true;
                    }
                }
                case MARK -> emitMarked();
                case INNER, RIGHT, RIGHT_SEMI, RIGHT_ANTI -> { }
            }
        }
        finally {
            releaseProbe();
        }
    }

    private void emitUnmatchedProbeRows()
    {
        int[] positions = new int[probeCount];
        int n = 0;
        for (int i = 0; i < probeCount; i++) {
            int p = probeRows == null ? i : probeRows[i];
            positions[n] = p;
            n += matched[p] ? 0 : 1;
        }
        if (n == 0) {
            return;
        }
        int[] nulls = new int[n];
        Arrays.fill(nulls, -1);
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (int c = 0; c < probeTypes.size(); c++) {
                FieldVector vector = Vectors.create(probeTypes.get(c), outputName(c), context.allocator());
                vectors.add(vector);
                VectorCopier.copy(probeTypes.get(c), probeBatch.column(c), positions, n, vector, 0);
                vector.setValueCount(n);
            }
            vectors.addAll(build.gather(nulls, n, buildNames(), context.allocator()));
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        emit(ColumnBatch.of(vectors, n));
    }

    private void emitMarked()
    {
        int physical = probeBatch.physicalRowCount();
        Column markColumn = outputColumns.get(outputColumns.size() - 1);
        FieldVector mark = Vectors.create(BooleanType.BOOLEAN, markColumn.name(), context.allocator());
        Vectors.prepareFixed(mark, physical);
        MemorySegment data = Vectors.data(mark);
        MemorySegment validity = Vectors.validityAlways(mark);
        for (int i = 0; i < probeCount; i++) {
            int p = probeRows == null ? i : probeRows[i];
            Bitmaps.set(data, p, matched[p]);
            Bitmaps.set(validity, p, matched[p] || !unknown[p]);
        }
        List<FieldVector> vectors = new ArrayList<>(probeBatch.columns());
        vectors.add(mark);
        emit(ColumnBatch.of(vectors, physical, probeBatch.selection()));
        probeMoved = true;
    }

    /** The next build rows that come out at the end: unmatched ones (RIGHT/FULL/RIGHT_ANTI) or matched ones (RIGHT_SEMI). */
    private ColumnBatch nextUnmatchedBuild()
    {
        int total = build.rowCount();
        int[] rows = new int[CHUNK];
        int n = 0;
        boolean wanted = joinType == JoinType.RIGHT_SEMI;
        while (unmatchedCursor < total && n < CHUNK) {
            int row = unmatchedCursor++;
            rows[n] = row;
            n += buildMatched[row] == wanted ? 1 : 0;
        }
        if (n == 0) {
            return null;
        }
        if (outputsOnlyBuild()) {
            return ColumnBatch.of(build.gather(rows, n, names(0, buildTypes.size()), context.allocator()), n);
        }
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (int c = 0; c < probeTypes.size(); c++) {
                FieldVector vector = Vectors.create(probeTypes.get(c), outputName(c), context.allocator());
                vectors.add(vector);
                Vectors.ensureCapacity(vector, probeTypes.get(c), n);
                vector.setValueCount(n);
                nullOut(vector, probeTypes.get(c), n);
            }
            vectors.addAll(build.gather(rows, n, buildNames(), context.allocator()));
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return ColumnBatch.of(vectors, n);
    }

    private static void nullOut(FieldVector vector, DataType type, int count)
    {
        if (Vectors.width(type) != Vectors.NONE) {
            Bitmaps.clearAll(Vectors.validityAlways(vector), count);
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        Closer closer = new Closer();
        for (ColumnBatch output : outputs) {
            closer.add(output);
        }
        outputs.clear();
        if (probeBatch != null && !probeMoved) {
            closer.add(probeBatch);
        }
        closer.add(filter).add(buildShared ? null : build).add(probe).add(buildSource).add(context).close();
    }
}
