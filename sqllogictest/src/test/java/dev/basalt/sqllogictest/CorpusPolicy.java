package dev.basalt.sqllogictest;

/**
 * Corpus files: a failure listed in known-failures.txt is reported as skipped (JUnit abort), a listed record that
 * passes is reported as fixed, an unlisted failure fails its test. With {@code -Dslt.updateKnownFailures=true}
 * every failure is reported as skipped and the list is rewritten from the run.
 */
final class CorpusPolicy implements RecordPolicy
{
    private final CorpusReport report = CorpusReport.get();
    private CorpusReport.FileStats stats;

    @Override
    public void fileStarted(SltFile file, SltFile.Plan plan)
    {
        stats = report.start(file.name(), plan);
    }

    @Override
    public Verdict judge(SltFile file, String line, SltFile.Step step, RecordResult result)
    {
        String key = KnownFailures.key(file.name(), line);
        boolean known = report.knownFailures().contains(key);
        boolean isRecord = step != null;
        stats.judged.add(key);
        if (isRecord) {
            stats.records++;
        }
        if (result.isPassed()) {
            if (isRecord) {
                stats.passed++;
            }
            if (known) {
                stats.fixed.add(key);
            }
            return new Verdict.Pass();
        }
        if (isRecord) {
            stats.failed++;
        }
        stats.failures.put(key, result.shortMessage());
        if (known) {
            stats.knownFailed++;
            return new Verdict.Abort("known failure (" + key + "): " + result.message());
        }
        stats.newFailures.add(key);
        if (SltSettings.updateKnownFailures()) {
            return new Verdict.Abort("failure recorded in known-failures.txt: " + result.message());
        }
        return new Verdict.Fail(result.message() + "\n(not in known-failures.txt; if expected, add: " + key + " "
                + result.shortMessage() + ")");
    }

    @Override
    public void fileFinished(SltFile file)
    {
        report.finish(file.name());
    }
}
