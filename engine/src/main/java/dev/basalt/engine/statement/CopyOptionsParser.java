package dev.basalt.engine.statement;

import dev.basalt.engine.csv.CsvOptions;
import dev.basalt.parser.tree.Expression;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.Locale;
import java.util.Map;

/**
 * COPY options: DELIMITER (',' default), HEADER (false), NULL (''), QUOTE ('"'), ESCAPE (the quote), FORMAT csv,
 * ENCODING utf8. DuckDB spellings (DELIM, SEP, NULLSTR) are accepted too.
 */
final class CopyOptionsParser
{
    private CopyOptionsParser() {}

    static CsvOptions parse(Map<String, Expression> options, StatementContext context)
    {
        byte delimiter = CsvOptions.DEFAULT.delimiter();
        byte quote = CsvOptions.DEFAULT.quote();
        Byte escape = null;
        boolean header = CsvOptions.DEFAULT.header();
        String nullString = CsvOptions.DEFAULT.nullString();
        for (Map.Entry<String, Expression> option : options.entrySet()) {
            String name = option.getKey().toLowerCase(Locale.ROOT);
            Expression value = option.getValue();
            switch (name) {
                case "delimiter", "delim", "sep", "separator" -> delimiter = CsvOptions.singleByte("DELIMITER", Constants.string(value, context, "COPY DELIMITER"));
                case "quote" -> quote = CsvOptions.singleByte("QUOTE", Constants.string(value, context, "COPY QUOTE"));
                case "escape" -> escape = CsvOptions.singleByte("ESCAPE", Constants.string(value, context, "COPY ESCAPE"));
                case "header" -> header = Constants.bool(value, context, "COPY HEADER");
                case "null", "nullstr" -> nullString = Constants.string(value, context, "COPY NULL");
                case "format" -> {
                    String format = Constants.string(value, context, "COPY FORMAT").toLowerCase(Locale.ROOT);
                    if (!format.equals("csv")) {
                        throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: COPY FORMAT " + format + " (only csv)");
                    }
                }
                case "encoding" -> {
                    String encoding = Constants.string(value, context, "COPY ENCODING").toLowerCase(Locale.ROOT).replace("-", "");
                    if (!encoding.equals("utf8")) {
                        throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: COPY ENCODING " + encoding + " (only UTF8)");
                    }
                }
                default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY option \"" + name
                        + "\" not recognized (known: DELIMITER, HEADER, NULL, QUOTE, ESCAPE, FORMAT, ENCODING)");
            }
        }
        return new CsvOptions(delimiter, quote, escape == null ? quote : escape, header, nullString);
    }
}
