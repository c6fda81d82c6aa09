package dev.basalt.execution.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * The operators of one parallel section, built on the query thread: one pipeline per split (its own operator
 * instances; each pipeline runs on one worker), the shared join builds its pipelines probe, and the scans of all
 * splits. {@link #prepare} runs on the query thread before the workers start: it builds the shared hash tables
 * (so workers never wait for each other or for nested parallel work), lets the probers adopt them, and opens every
 * split's scan together so they read (nearly) the same snapshot.
 */
public final class ParallelPipelines
        implements AutoCloseable
{
    private final List<Operator> pipelines = new ArrayList<>();
    private final List<HashJoinOperator> builders = new ArrayList<>();
    private final List<Runnable> bindings = new ArrayList<>();
    private final List<TableScanOperator> scans = new ArrayList<>();
    private boolean handedOff;
    private boolean closed;

    public void addPipeline(Operator root)
    {
        pipelines.add(root);
    }

    public void addBuilder(HashJoinOperator builder)
    {
        builders.add(builder);
    }

    /** A prober adopts its builder's hash table once built. */
    public void bind(HashJoinOperator prober, HashJoinOperator builder)
    {
        bindings.add(() -> prober.shareBuildOf(builder));
    }

    public void addScan(TableScanOperator scan)
    {
        scans.add(scan);
    }

    public List<Operator> pipelines()
    {
        return pipelines;
    }

    public void prepare()
    {
        for (HashJoinOperator builder : builders) {
            builder.prepareBuild();
        }
        for (Runnable binding : bindings) {
            binding.run();
        }
        for (TableScanOperator scan : scans) {
            scan.open();
        }
    }

    /** From now on the workers close their pipelines; {@link #close} only closes the shared builds. */
    public void handOff()
    {
        handedOff = true;
    }

    /** Closes the pipelines (unless handed to workers) and then the shared builds they probed. */
    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        Closer closer = new Closer();
        if (!handedOff) {
            pipelines.forEach(closer::add);
        }
        builders.forEach(closer::add);
        closer.close();
    }
}
