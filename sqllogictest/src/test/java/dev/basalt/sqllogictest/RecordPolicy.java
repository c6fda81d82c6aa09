package dev.basalt.sqllogictest;

/** Decides what a record's result means for its JUnit test, and sees each file start and finish. */
interface RecordPolicy
{
    /** What the dynamic test of a record does with its result. */
    sealed interface Verdict
    {
        record Pass() implements Verdict {}

        /** Reported as skipped (JUnit abort), e.g. a known corpus failure. */
        record Abort(String message) implements Verdict {}

        record Fail(String message) implements Verdict {}
    }

    void fileStarted(SltFile file, SltFile.Plan plan);

    /** {@code line} is the record's line number, or "setup" / "end". */
    Verdict judge(SltFile file, String line, SltFile.Step step, RecordResult result);

    void fileFinished(SltFile file);
}
