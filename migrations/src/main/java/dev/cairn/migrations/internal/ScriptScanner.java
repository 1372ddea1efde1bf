package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One pass of {@link StatementSplitter} over one script. Not thread-safe; used once. */
final class ScriptScanner {
    private final Dialect dialect;
    private final boolean nestedComments;
    private final boolean escapeStrings;
    private final boolean dollarTags;
    private final boolean plainDollarQuotes;
    private final boolean backticksAndBrackets;
    private final String text;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<String> leadingWords = new ArrayList<>();
    private int position;
    private int codeStart = -1;
    private int line = 1;
    private int codeLine;
    private int blockDepth;
    private boolean blockStatement;
    private String previousWord = "";

    ScriptScanner(Dialect dialect, String text) {
        this.dialect = dialect;
        this.text = text;
        this.nestedComments = dialect == Dialect.POSTGRESQL;
        this.escapeStrings = dialect == Dialect.POSTGRESQL;
        this.dollarTags = dialect == Dialect.POSTGRESQL;
        this.plainDollarQuotes = dialect == Dialect.POSTGRESQL || dialect == Dialect.H2;
        this.backticksAndBrackets = dialect == Dialect.SQLITE;
    }

    List<SqlStatement> run() {
        while (position < text.length()) {
            char current = text.charAt(position);
            if (current == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(current)) {
                position++;
            } else if (current == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (current == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (current == ';' && blockDepth == 0) {
                finishStatement(position);
                position++;
            } else {
                markCode();
                scanCode(current);
            }
        }
        finishStatement(text.length());
        return statements;
    }

    private void scanCode(char current) {
        if (current == '\'') {
            boolean escapes = escapeStrings && position > 0 && (text.charAt(position - 1) == 'E'
                    || text.charAt(position - 1) == 'e') && !isIdentifierPart(charAt(position - 2));
            skipQuoted('\'', escapes);
        } else if (current == '"') {
            skipQuoted('"', false);
        } else if (current == '`' && backticksAndBrackets) {
            skipQuoted('`', false);
        } else if (current == '[' && backticksAndBrackets) {
            skipUntil(']');
        } else if (current == '$' && plainDollarQuotes && !isIdentifierPart(charAt(position - 1))
                && skipDollarQuoted()) {
            previousWord = "";
        } else if (isIdentifierStart(current)) {
            scanWord();
        } else {
            position++;
        }
    }

    private void scanWord() {
        int start = position;
        while (position < text.length() && isIdentifierPart(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position).toUpperCase(Locale.ROOT);
        if (leadingWords.size() < 6) {
            leadingWords.add(word);
            blockStatement = startsBlockStatement();
        }
        if (blockStatement) {
            trackBlock(word);
        }
        previousWord = word;
    }

    private boolean startsBlockStatement() {
        if (leadingWords.isEmpty() || !leadingWords.get(0).equals("CREATE")) {
            return false;
        }
        if (dialect == Dialect.SQLITE) {
            return leadingWords.contains("TRIGGER");
        }
        return dialect == Dialect.POSTGRESQL
                && (leadingWords.contains("FUNCTION") || leadingWords.contains("PROCEDURE"));
    }

    private void trackBlock(String word) {
        if (dialect == Dialect.SQLITE) {
            if (word.equals("BEGIN") || word.equals("CASE")) {
                blockDepth++;
            } else if (word.equals("END") && blockDepth > 0) {
                blockDepth--;
            }
            return;
        }
        if (word.equals("ATOMIC") && previousWord.equals("BEGIN")) {
            blockDepth++;
        } else if (blockDepth > 0 && word.equals("CASE")) {
            blockDepth++;
        } else if (blockDepth > 0 && word.equals("END")) {
            blockDepth--;
        }
    }

    private void skipLineComment() {
        while (position < text.length() && text.charAt(position) != '\n') {
            position++;
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (position < text.length()) {
            if (text.startsWith("/*", position)) {
                depth = nestedComments ? depth + 1 : 1;
                position += 2;
            } else if (text.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        position++;
        while (position < text.length()) {
            char current = text.charAt(position);
            if (backslashEscapes && current == '\\') {
                advance();
                advance();
            } else if (current == quote) {
                position++;
                if (peek(0) != quote) {
                    return;
                }
                position++;
            } else {
                advance();
            }
        }
    }

    private void skipUntil(char end) {
        while (position < text.length() && text.charAt(position) != end) {
            advance();
        }
        position++;
    }

    private boolean skipDollarQuoted() {
        int tagEnd = position + 1;
        if (dollarTags && tagEnd < text.length() && isIdentifierStart(text.charAt(tagEnd))) {
            while (tagEnd < text.length() && isIdentifierPart(text.charAt(tagEnd))
                    && text.charAt(tagEnd) != '$') {
                tagEnd++;
            }
        }
        if (charAt(tagEnd) != '$') {
            return false;
        }
        String tag = text.substring(position, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        int end = close < 0 ? text.length() : close + tag.length();
        while (position < end) {
            advance();
        }
        return true;
    }

    private void advance() {
        if (position < text.length() && text.charAt(position) == '\n') {
            line++;
        }
        position++;
    }

    private void markCode() {
        if (codeStart < 0) {
            codeStart = position;
            codeLine = line;
        }
    }

    private void finishStatement(int end) {
        if (codeStart >= 0) {
            String sql = text.substring(codeStart, end).strip();
            statements.add(new SqlStatement(statements.size() + 1, codeLine, sql));
        }
        codeStart = -1;
        blockDepth = 0;
        blockStatement = false;
        leadingWords.clear();
        previousWord = "";
    }

    private char peek(int offset) {
        return charAt(position + offset);
    }

    private char charAt(int index) {
        return index >= 0 && index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isIdentifierStart(char character) {
        return Character.isLetter(character) || character == '_';
    }

    private static boolean isIdentifierPart(char character) {
        return Character.isLetterOrDigit(character) || character == '_' || character == '$';
    }
}
