package dev.basalt.sqllogictest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of running one record.
 *
 * @param message why it failed (null when it passed)
 * @param completedBlock for a query that ran: the expected block {@code -Dslt.complete} would write; else null
 */
public record RecordResult(Status status, String message, List<String> completedBlock)
{
    public enum Status
    {
        PASSED, FAILED
    }

    public RecordResult
    {
        requireNonNull(status, "status is null");
    }

    public static RecordResult passed()
    {
        return new RecordResult(Status.PASSED, null, null);
    }

    public static RecordResult passed(List<String> completedBlock)
    {
        return new RecordResult(Status.PASSED, null, completedBlock);
    }

    public static RecordResult failed(String message)
    {
        return new RecordResult(Status.FAILED, message, null);
    }

    public static RecordResult failed(String message, List<String> completedBlock)
    {
        return new RecordResult(Status.FAILED, message, completedBlock);
    }

    public boolean isPassed()
    {
        return status == Status.PASSED;
    }

    /** The first line of the failure message, for one-line reports. */
    public String shortMessage()
    {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }
}
