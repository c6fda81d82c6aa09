package dev.basalt.parser;

import dev.basalt.parser.antlr4.BasaltSqlLexer;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Rewrites the {@code NEW.column} / {@code OLD.column} references of one trigger statement (or WHEN condition) into
 * positional {@code ?} parameters, so the engine can run the text with the current row's values as parameter
 * values. Works on tokens, so names inside strings and comments are left alone; {@code x.new.c} is not a row
 * reference. Text that already has {@code ?} parameters is rejected: trigger bodies run without user parameters.
 */
public record TriggerRowReferences(String sql, List<Reference> references)
{
    /** One parameter: {@code old} tells OLD from NEW; {@code column} is folded like any identifier. */
    public record Reference(boolean old, String column)
    {
        public Reference
        {
            requireNonNull(column, "column is null");
        }
    }

    public TriggerRowReferences
    {
        requireNonNull(sql, "sql is null");
        references = List.copyOf(requireNonNull(references, "references is null"));
    }

    public static TriggerRowReferences rewrite(String sql)
    {
        requireNonNull(sql, "sql is null");
        BasaltSqlLexer lexer = new BasaltSqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token token : lexer.getAllTokens()) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(token);
            }
        }
        StringBuilder out = new StringBuilder(sql.length());
        List<Reference> references = new ArrayList<>();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.getType() == BasaltSqlLexer.QUESTION_MARK) {
                throw new BasaltException(ErrorCode.SYNTAX_ERROR, "parameters (?) are not allowed in a trigger");
            }
            if (token.getType() != BasaltSqlLexer.IDENTIFIER || i + 2 >= tokens.size()) {
                continue;
            }
            String word = token.getText().toLowerCase(Locale.ROOT);
            if (!word.equals("new") && !word.equals("old")) {
                continue;
            }
            if (i > 0 && tokens.get(i - 1).getText().equals(".")) {
                continue;
            }
            if (!tokens.get(i + 1).getText().equals(".")) {
                continue;
            }
            Token column = tokens.get(i + 2);
            String name = columnName(column);
            if (name == null) {
                continue;
            }
            out.append(sql, copied, token.getStartIndex()).append('?');
            copied = column.getStopIndex() + 1;
            references.add(new Reference(word.equals("old"), name));
            i += 2;
        }
        out.append(sql, copied, sql.length());
        return new TriggerRowReferences(out.toString(), references);
    }

    private static String columnName(Token token)
    {
        String text = token.getText();
        if (token.getType() == BasaltSqlLexer.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        if (token.getType() == BasaltSqlLexer.BACKQUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        // unquoted names and keywords usable as names (new.date, old.key)
        if (!text.isEmpty() && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')) {
            return text.toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
