package dev.basalt.engine.csv;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * CSV dialect of COPY: single-byte (ASCII) delimiter, quote and escape characters, whether the first line is a
 * header, and the text that stands for NULL (an unquoted field equal to it; a quoted one is a string).
 */
public record CsvOptions(byte delimiter, byte quote, byte escape, boolean header, String nullString)
{
    public static final CsvOptions DEFAULT = new CsvOptions((byte) ',', (byte) '"', (byte) '"', false, "");

    public CsvOptions
    {
        requireNonNull(nullString, "nullString is null");
        if (delimiter == quote) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY delimiter and quote cannot be a line break");
        }
        if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY null representation cannot contain a line break");
        }
    }

    public byte[] nullBytes()
    {
        return nullString.getBytes(StandardCharsets.UTF_8);
    }

    /** The one ASCII character of an option value ({@code '\t'} as two characters means a tab). */
    public static byte singleByte(String option, String value)
    {
        String text = value.equals("\\t") ? "\t" : value;
        if (text.length() != 1 || text.charAt(0) > 127) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY " + option + " must be a single ASCII character, not '" + value + "'");
        }
        return (byte) text.charAt(0);
    }
}
