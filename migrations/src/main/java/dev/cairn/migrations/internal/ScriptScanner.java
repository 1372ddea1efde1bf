package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** One pass of {@link StatementSplitter} over one script. Not thread-safe; used once. */
final class ScriptScanner {
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("COPY\\s.*\\bFROM\\s+STDIN\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private final Dialect dialect;
    private final boolean nestedComments;
    private final boolean escapeStrings;
    private final boolean dollarTags;
    private final boolean plainDollarQuotes;
    private final boolean backticksAndBrackets;
    private final boolean psqlLines;
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
        this.psqlLines = dialect == Dialect.POSTGRESQL;
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
            } else if (current == '\\' && psqlLines && codeStart < 0 && atLineStart()) {
                readMetaCommand();
            } else if (current == ';' && blockDepth == 0) {
                SqlStatement finished = finishStatement(position);
                position++;
                if (finished != null && psqlLines && COPY_FROM_STDIN.matcher(finished.sql()).matches()) {
                    readCopyData(finished);
                }
            } else {
                markCode();
                scanCode(current);
            }
        }
        finishStatement(text.length());
        return statements;
    }

    private boolean atLineStart() {
        for (int index = position - 1; index >= 0 && text.charAt(index) != '\n'; index--) {
            if (!Character.isWhitespace(text.charAt(index))) {
                return false;
            }
        }
        return true;
    }

    /** A psql meta-command takes its whole line, as psql reads it; the engine decides what to do with it. */
    private void readMetaCommand() {
        int end = text.indexOf('\n', position);
        end = end < 0 ? text.length() : end;
        statements.add(new SqlStatement(statements.size() + 1, line, text.substring(position, end).strip(),
                SqlStatement.Kind.META, null));
        position = end;
    }

    /**
     * The data lines after {@code COPY … FROM stdin;}, up to a line holding only {@code \.} (or the end, as psql
     * takes it), kept exactly as written: they are COPY's text format, never SQL.
     */
    private void readCopyData(SqlStatement copy) {
        int lineEnd = text.indexOf('\n', position);
        if (lineEnd < 0) {
            position = text.length();
            statements.set(statements.size() - 1, new SqlStatement(copy.number(), copy.line(), copy.sql(),
                    SqlStatement.Kind.COPY_IN, ""));
            return;
        }
        position = lineEnd + 1;
        line++;
        int dataStart = position;
        int dataEnd = text.length();
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            int next = end < 0 ? text.length() : end + 1;
            String current = text.substring(position, end < 0 ? text.length() : end);
            if (current.equals("\\.") || current.equals("\\.\r")) {
                dataEnd = position;
                position = next;
                line += end < 0 ? 0 : 1;
                break;
            }
            position = next;
            line += end < 0 ? 0 : 1;
        }
        statements.set(statements.size() - 1, new SqlStatement(copy.number(), copy.line(), copy.sql(),
                SqlStatement.Kind.COPY_IN, text.substring(dataStart, Math.min(dataEnd, text.length()))));
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

    private SqlStatement finishStatement(int end) {
        SqlStatement finished = null;
        if (codeStart >= 0) {
            String sql = text.substring(codeStart, end).strip();
            finished = new SqlStatement(statements.size() + 1, codeLine, sql);
            statements.add(finished);
        }
        codeStart = -1;
        blockDepth = 0;
        blockStatement = false;
        leadingWords.clear();
        previousWord = "";
        return finished;
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
