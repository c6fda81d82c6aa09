package dev.basalt.sqllogictest;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parsed sqllogictest file.
 *
 * @param name how tests and reports name the file, e.g. {@code select1.test} or {@code evidence/in1.test}
 * @param lines the file's lines without line terminators (for rewriting expected results)
 * @param lineSeparator the file's line terminator, kept when the file is rewritten
 */
public record SltFile(String name, List<String> lines, String lineSeparator, List<SltRecord> records)
{
    public SltFile
    {
        requireNonNull(name, "name is null");
        lines = List.copyOf(lines);
        requireNonNull(lineSeparator, "lineSeparator is null");
        records = List.copyOf(records);
    }

    /** A record to run, with the hash threshold in force at that point of the file. */
    public record Step(SltRecord record, int hashThreshold) {}

    /**
     * The records that run on {@code engineName}, in order: guards are static, so skipping and {@code halt}
     * are decided here. Hash-threshold records become state of the following steps.
     *
     * @param skipped records left out by {@code skipif/onlyif}
     * @param halted records left out after a {@code halt}
     */
    public record Plan(List<Step> steps, int skipped, int halted) {}

    public Plan plan(String engineName)
    {
        List<Step> steps = new ArrayList<>();
        int skipped = 0;
        int threshold = 0;
        for (int i = 0; i < records.size(); i++) {
            SltRecord record = records.get(i);
            if (!record.appliesTo(engineName)) {
                if (!(record instanceof HashThresholdRecord)) {
                    skipped++;
                }
                continue;
            }
            switch (record) {
                case HashThresholdRecord h -> threshold = h.threshold();
                case HaltRecord h -> {
                    int rest = 0;
                    for (int j = i + 1; j < records.size(); j++) {
                        if (!(records.get(j) instanceof HashThresholdRecord)) {
                            rest++;
                        }
                    }
                    return new Plan(steps, skipped, rest);
                }
                case StatementRecord s -> steps.add(new Step(s, threshold));
                case QueryRecord q -> steps.add(new Step(q, threshold));
                case UnsupportedRecord u -> steps.add(new Step(u, threshold));
            }
        }
        return new Plan(steps, skipped, 0);
    }
}
