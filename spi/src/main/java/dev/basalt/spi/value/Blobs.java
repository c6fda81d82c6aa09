package dev.basalt.spi.value;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.Arrays;

/**
 * The text form of BLOB values, as in DuckDB: printable ASCII stands for itself, every other byte (and the
 * quote and backslash characters) is written {@code \xHH}. Shared by casts, CSV, the shell and JDBC.
 */
public final class Blobs
{
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Blobs() {}

    /** DuckDB's BLOB to VARCHAR: printable ASCII except {@code \ ' "} as itself, the rest as {@code \xHH}. */
    public static String toText(byte[] bytes)
    {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c <= 0x7E && c != '\\' && c != '\'' && c != '"') {
                out.append((char) c);
            }
            else {
                out.append('\\').append('x').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** DuckDB's VARCHAR to BLOB: {@code \xHH} escapes and raw ASCII characters; anything else is 22P02. */
    public static byte[] fromText(String text)
    {
        byte[] out = new byte[text.length()];
        int size = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 3 >= text.length()) {
                    throw invalidText(text, "unterminated escape code at end of blob");
                }
                int high = Character.digit(text.charAt(i + 2), 16);
                int low = Character.digit(text.charAt(i + 3), 16);
                if ((text.charAt(i + 1) != 'x' && text.charAt(i + 1) != 'X') || high < 0 || low < 0) {
                    throw invalidText(text, "invalid hex escape code " + text.substring(i, Math.min(text.length(), i + 4)));
                }
                out[size++] = (byte) ((high << 4) | low);
                i += 3;
            }
            else if (c > 0x7F) {
                throw invalidText(text, "non-ASCII characters must be escaped with hex codes (e.g. \\xAA)");
            }
            else {
                out[size++] = (byte) c;
            }
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    /** Upper-case hex digits, two per byte (the {@code hex(blob)} function). */
    public static String toHex(byte[] bytes)
    {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >>> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Hex digits to bytes; an odd count reads as if a leading 0 were present (DuckDB's {@code unhex}).
     * {@code what} names the input in the 22P02 error, e.g. the literal as written.
     */
    public static byte[] fromHex(CharSequence digits, String what)
    {
        int length = digits.length();
        byte[] out = new byte[(length + 1) / 2];
        int position = length % 2 == 0 ? 0 : -1;
        for (int i = 0; i < out.length; i++, position += 2) {
            int high = position < 0 ? 0 : Character.digit(digits.charAt(position), 16);
            int low = Character.digit(digits.charAt(position + 1), 16);
            if (high < 0 || low < 0) {
                throw new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal digit in " + what);
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    /** Unsigned lexicographic order (memcmp, a proper prefix first), the order of BLOB comparisons. */
    public static int compare(byte[] left, byte[] right)
    {
        return Arrays.compareUnsigned(left, right);
    }

    private static BasaltException invalidText(String text, String detail)
    {
        return new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input for BLOB: \"" + text + "\": " + detail);
    }
}
