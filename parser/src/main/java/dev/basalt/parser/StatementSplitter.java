package dev.basalt.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds statement ends in a script without parsing it: a {@code ;} ends a statement unless it is inside a
 * '...' or E'...' string, a "..." or `...` identifier, a -- comment or a block comment. Works on incomplete input
 * (the shell calls it on every line typed), so it never throws. Inside {@code CREATE TRIGGER ... BEGIN ... END} the
 * {@code ;} that end the body statements do not end the statement; the one after the body's END does.
 */
final class StatementSplitter
{
    private StatementSplitter() {}

    /** The statements of a script, trimmed, without their terminating {@code ;}; blank and comment-only pieces are dropped. */
    static List<String> split(String script)
    {
        List<String> statements = new ArrayList<>();
        Scanner scanner = new Scanner(script);
        TriggerBlocks blocks = new TriggerBlocks();
        int start = 0;
        boolean significant = false;
        while (scanner.hasNext()) {
            int position = scanner.position;
            char c = scanner.next();
            if (c == ';' && scanner.inCode() && !blocks.terminates()) {
                blocks.other();
            }
            else if (c == ';' && scanner.inCode()) {
                blocks.reset();
                if (significant) {
                    statements.add(script.substring(start, position).strip());
                }
                start = position + 1;
                significant = false;
            }
            else if (scanner.inCode() || scanner.inLiteral()) {
                blocks.accept(c, scanner.inCode());
                if (!Character.isWhitespace(c)) {
                    significant = true;
                }
            }
            else {
                blocks.accept(' ', true);
            }
        }
        if (significant) {
            statements.add(script.substring(start).strip());
        }
        return statements;
    }

    /** True when the buffer ends with a {@code ;} that terminates a statement (trailing blanks and comments allowed). */
    static boolean isComplete(String buffer)
    {
        Scanner scanner = new Scanner(buffer);
        TriggerBlocks blocks = new TriggerBlocks();
        boolean terminated = false;
        while (scanner.hasNext()) {
            char c = scanner.next();
            if (scanner.inCode() && c == ';' && blocks.terminates()) {
                blocks.reset();
                terminated = true;
            }
            else if (scanner.inCode() && c == ';') {
                blocks.other();
            }
            else if (scanner.inCode() || scanner.inLiteral()) {
                blocks.accept(c, scanner.inCode());
                if (!Character.isWhitespace(c)) {
                    terminated = false;
                }
            }
            else {
                blocks.accept(' ', true);
            }
        }
        return terminated && !scanner.inBlockComment();
    }

    /**
     * Tracks the words of the current statement to see whether it is {@code CREATE [TEMP] TRIGGER ... BEGIN ...}:
     * there a {@code ;} ends the statement only right after the END that closes the body (CASE ... END counted).
     */
    private static final class TriggerBlocks
    {
        private final StringBuilder word = new StringBuilder();
        private int words;
        private boolean create;
        private boolean trigger;
        private boolean body;
        private int caseDepth;
        private boolean afterEnd;

        void accept(char c, boolean code)
        {
            if (code && (Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                word.append(c);
                return;
            }
            finishWord();
            if (!Character.isWhitespace(c)) {
                afterEnd = false;
            }
        }

        void other()
        {
            finishWord();
            afterEnd = false;
        }

        boolean terminates()
        {
            finishWord();
            return !body || afterEnd;
        }

        void reset()
        {
            word.setLength(0);
            words = 0;
            create = false;
            trigger = false;
            body = false;
            caseDepth = 0;
            afterEnd = false;
        }

        private void finishWord()
        {
            if (word.isEmpty()) {
                return;
            }
            String w = word.toString().toUpperCase(java.util.Locale.ROOT);
            word.setLength(0);
            words++;
            afterEnd = false;
            if (words == 1) {
                create = w.equals("CREATE");
            }
            else if (create && !trigger && words <= 3 && w.equals("TRIGGER")) {
                trigger = true;
            }
            else if (trigger && !body && w.equals("BEGIN")) {
                body = true;
            }
            else if (body && w.equals("CASE")) {
                caseDepth++;
            }
            else if (body && w.equals("END")) {
                if (caseDepth > 0) {
                    caseDepth--;
                }
                else {
                    afterEnd = true;
                }
            }
        }
    }

    /** Character scanner that tracks whether the last character returned was code, literal text or comment. */
    private static final class Scanner
    {
        private enum State
        {
            CODE, STRING, ESCAPE_STRING, QUOTED_IDENTIFIER, BACKQUOTED_IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT
        }

        private final String text;
        private int position;
        private State state = State.CODE;
        // the state that applies to the character most recently returned by next()
        private State current = State.CODE;

        Scanner(String text)
        {
            this.text = text;
        }

        boolean hasNext()
        {
            return position < text.length();
        }

        boolean inCode()
        {
            return current == State.CODE;
        }

        boolean inLiteral()
        {
            return current == State.STRING || current == State.ESCAPE_STRING
                    || current == State.QUOTED_IDENTIFIER || current == State.BACKQUOTED_IDENTIFIER;
        }

        boolean inBlockComment()
        {
            return state == State.BLOCK_COMMENT;
        }

        char next()
        {
            char c = text.charAt(position);
            char following = position + 1 < text.length() ? text.charAt(position + 1) : '\0';
            switch (state) {
                case CODE -> {
                    current = State.CODE;
                    if (c == '\'') {
                        boolean escaped = position > 0 && (text.charAt(position - 1) == 'E' || text.charAt(position - 1) == 'e')
                                && (position < 2 || !isIdentifierPart(text.charAt(position - 2)));
                        state = escaped ? State.ESCAPE_STRING : State.STRING;
                        current = state;
                    }
                    else if (c == '"') {
                        state = State.QUOTED_IDENTIFIER;
                        current = state;
                    }
                    else if (c == '`') {
                        state = State.BACKQUOTED_IDENTIFIER;
                        current = state;
                    }
                    else if (c == '-' && following == '-') {
                        state = State.LINE_COMMENT;
                        current = state;
                    }
                    else if (c == '/' && following == '*') {
                        state = State.BLOCK_COMMENT;
                        current = state;
                        position++;
                    }
                }
                case STRING, ESCAPE_STRING -> {
                    current = state;
                    if (state == State.ESCAPE_STRING && c == '\\' && following != '\0') {
                        position++;
                    }
                    else if (c == '\'') {
                        if (following == '\'') {
                            position++;
                        }
                        else {
                            state = State.CODE;
                        }
                    }
                }
                case QUOTED_IDENTIFIER, BACKQUOTED_IDENTIFIER -> {
                    current = state;
                    char quote = state == State.QUOTED_IDENTIFIER ? '"' : '`';
                    if (c == quote) {
                        if (following == quote) {
                            position++;
                        }
                        else {
                            state = State.CODE;
                        }
                    }
                }
                case LINE_COMMENT -> {
                    current = state;
                    if (c == '\n' || c == '\r') {
                        state = State.CODE;
                    }
                }
                case BLOCK_COMMENT -> {
                    current = state;
                    if (c == '*' && following == '/') {
                        position++;
                        state = State.CODE;
                    }
                }
            }
            position++;
            return c;
        }

        private static boolean isIdentifierPart(char c)
        {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
