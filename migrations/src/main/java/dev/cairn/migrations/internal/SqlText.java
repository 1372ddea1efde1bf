package dev.cairn.migrations.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text as a schema snapshot compares it: comments dropped, whitespace outside quotes collapsed to one space,
 * none after an opening parenthesis or before a closing one or a comma, one after every comma, a final semicolon
 * dropped. Also a tokenizer for the few places
 * (SQLite's stored statements) where the snapshot must read a definition. Thread-safe: no state.
 */
public final class SqlText {

    /** One token: a word (keyword, identifier, number), a quoted identifier, a string literal, or one symbol. */
    record Token(Kind kind, String text, int start, int end) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }

        /** The identifier this token names, unquoted. */
        String identifier() {
            if (kind != Kind.QUOTED) {
                return text;
            }
            char close = text.charAt(text.length() - 1);
            return text.substring(1, text.length() - 1).replace(String.valueOf(close) + close, String.valueOf(close));
        }
    }

    enum Kind { WORD, QUOTED, STRING, SYMBOL }

    private SqlText() {
    }

    /** {@code sql} normalised as the class comment says; null stays null. */
    public static String normalize(String sql) {
        if (sql == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length());
        List<Token> tokens = tokens(sql);
        Token previous = null;
        for (Token token : tokens) {
            if (previous != null && !tightAfter(previous) && !tightBefore(token)
                    && (token.start() > previous.end() || previous.isSymbol(','))) {
                out.append(' ');
            }
            out.append(token.text());
            previous = token;
        }
        int length = out.length();
        while (length > 0 && out.charAt(length - 1) == ';') {
            length--;
        }
        return out.substring(0, length).trim();
    }

    private static boolean tightAfter(Token token) {
        return token.isSymbol('(');
    }

    private static boolean tightBefore(Token token) {
        return token.isSymbol(')') || token.isSymbol(',');
    }

    /**
     * The tokens of {@code sql}, comments and whitespace left out. Quotes follow SQLite and PostgreSQL: strings in
     * single quotes, identifiers in double quotes, backticks or square brackets; a doubled quote escapes itself.
     * Two symbols that belong together ({@code ||}, {@code <=}, {@code ::}) come out as one token each, and whether
     * whitespace stood between two tokens is kept in their offsets.
     */
    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                while (i < length && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = i + 1;
                while (end < length) {
                    if (sql.charAt(end) == close) {
                        if (close != ']' && end + 1 < length && sql.charAt(end + 1) == close) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, length);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$' || sql.charAt(end) == '.' && Character.isDigit(c))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else {
                int end = i + 1;
                if ("(),;".indexOf(c) < 0) {
                    while (end < length && "<>=!|:&+-*/%~^#@".indexOf(sql.charAt(end)) >= 0
                            && !(sql.startsWith("--", end) || sql.startsWith("/*", end))) {
                        end++;
                    }
                }
                tokens.add(new Token(Kind.SYMBOL, sql.substring(i, end), i, end));
                i = end;
            }
        }
        return tokens;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The text between two tokens (both left out), normalised. */
    static String between(String sql, Token after, Token before) {
        return normalize(sql.substring(after.end(), before.start()));
    }

    /** The parts of the parenthesised list from {@code open} to its closing parenthesis, split at its own commas. */
    static List<List<Token>> parts(List<Token> tokens, int open, int close) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> part = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            }
            if (depth == 0 && token.isSymbol(',')) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(token);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}
