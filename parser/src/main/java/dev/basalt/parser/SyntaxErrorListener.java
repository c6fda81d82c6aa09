package dev.basalt.parser;

import dev.basalt.parser.antlr4.BasaltSqlLexer;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Replaces ANTLR's console listener: the first error ends the parse with a PostgreSQL-style message naming the
 * offending token and its 1-based position. Stateless, so one instance serves all threads.
 */
final class SyntaxErrorListener
        extends BaseErrorListener
{
    static final SyntaxErrorListener INSTANCE = new SyntaxErrorListener();

    private static final int MAX_TOKEN_TEXT = 60;

    private SyntaxErrorListener() {}

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String message,
            RecognitionException e)
    {
        int column = charPositionInLine + 1;
        int safeLine = Math.max(1, line);
        if (!(offendingSymbol instanceof Token token)) {
            // lexer errors; the grammar's catch-all token makes these unreachable in practice
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "syntax error" + at(safeLine, column), safeLine, column, null);
        }
        String text = token.getText();
        String what = switch (token.getType()) {
            case Token.EOF -> null;
            case BasaltSqlLexer.UNTERMINATED_STRING -> "unterminated quoted string at or near " + quote(text);
            case BasaltSqlLexer.UNTERMINATED_QUOTED_IDENTIFIER -> "unterminated quoted identifier at or near " + quote(text);
            case BasaltSqlLexer.UNTERMINATED_COMMENT -> "unterminated /* comment at or near " + quote(text);
            default -> "syntax error at or near " + quote(text);
        };
        if (what == null) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input", safeLine, column, null);
        }
        throw new BasaltException(ErrorCode.SYNTAX_ERROR, what + at(safeLine, column), safeLine, column, null);
    }

    private static String quote(String text)
    {
        String shown = text.length() > MAX_TOKEN_TEXT ? text.substring(0, MAX_TOKEN_TEXT) + "..." : text;
        return "\"" + shown + "\"";
    }

    private static String at(int line, int column)
    {
        return " at line " + line + ", column " + column;
    }
}
