package dev.basalt.engine.memory;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Memory sizes as users write them in settings: {@code '2GB'}, {@code '512 MiB'}, {@code 1000000}. As in DuckDB,
 * KB/MB/GB/TB are powers of 1000 and KiB/MiB/GiB/TiB powers of 1024; a bare number is bytes.
 */
public final class MemorySize
{
    private MemorySize() {}

    public static long parse(String text)
    {
        String trimmed = text.trim();
        int split = 0;
        while (split < trimmed.length() && (Character.isDigit(trimmed.charAt(split)) || trimmed.charAt(split) == '.')) {
            split++;
        }
        String number = trimmed.substring(0, split);
        String unit = trimmed.substring(split).trim().toLowerCase(Locale.ROOT);
        if (number.isEmpty()) {
            throw invalid(text);
        }
        long multiplier = switch (unit) {
            case "", "b", "byte", "bytes" -> 1L;
            case "k", "kb" -> 1000L;
            case "m", "mb" -> 1000L * 1000;
            case "g", "gb" -> 1000L * 1000 * 1000;
            case "t", "tb" -> 1000L * 1000 * 1000 * 1000;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw invalid(text);
        };
        BigDecimal bytes;
        try {
            bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier));
        }
        catch (NumberFormatException e) {
            throw invalid(text);
        }
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(text);
        }
        return bytes.longValue();
    }

    /** Human-readable, e.g. {@code 64.0 MiB}, for error messages. */
    public static String format(long bytes)
    {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static BasaltException invalid(String text)
    {
        return new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid memory size '" + text + "': expected a positive number with an optional unit (e.g. '2GB', '512MiB')");
    }
}
