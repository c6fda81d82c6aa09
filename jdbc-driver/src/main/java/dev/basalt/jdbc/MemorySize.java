package dev.basalt.jdbc;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes (also the shell's --memory-limit) like {@code 512MB}, {@code 4GB}, {@code 1.5GiB} or plain bytes (DuckDB's spelling: KB = 1000, KiB = 1024). */
public final class MemorySize
{
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)\\s*");

    private MemorySize() {}

    public static long parse(String text)
    {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid memory size '" + text + "' (expected e.g. 512MB or 4GB)");
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        long unit = switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B", "BYTES" -> 1L;
            case "K", "KB" -> 1000L;
            case "KIB" -> 1L << 10;
            case "M", "MB" -> 1000L * 1000;
            case "MIB" -> 1L << 20;
            case "G", "GB" -> 1000L * 1000 * 1000;
            case "GIB" -> 1L << 30;
            case "T", "TB" -> 1000L * 1000 * 1000 * 1000;
            case "TIB" -> 1L << 40;
            default -> throw new IllegalArgumentException("invalid memory size unit in '" + text + "' (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)");
        };
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("memory size out of range: '" + text + "'");
        }
        return bytes.longValue();
    }
}
