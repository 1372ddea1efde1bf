package dev.cairn.core.io;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Which strings a YAML export must quote: besides those Jackson quotes, every one that a YAML 1.1 reader (PyYAML,
 * which ToDoWrite uses, and SnakeYAML) or a YAML 1.2 reader would take for another type when written plain:
 * numbers in any notation ({@code 123}, {@code 1.0}, {@code 1e3}, {@code 0x1F}, {@code 0o17}, {@code 1_000},
 * sexagesimal {@code 12:30}, {@code .inf}), dates and times ({@code 2025-01-01}), booleans and nulls of either
 * version ({@code yes}, {@code No}, {@code on}, {@code ~}), and the merge and value keys ({@code <<}, {@code =}).
 * Quoting one more string than needed costs two characters; quoting one fewer changes what a reader gets.
 * Thread-safe.
 */
final class PlainScalars extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    private static final Pattern WORDS = Pattern.compile(
            "(?i)y|n|yes|no|true|false|on|off|null|~|\\.inf|[-+]\\.inf|\\.nan|<<|=");
    /** Anything that starts as a number, a sign, or a dot before a digit may be one of the numeric forms. */
    private static final Pattern NUMERIC_START = Pattern.compile("[-+]?\\.?[0-9].*", Pattern.DOTALL);

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || WORDS.matcher(value).matches()
                || NUMERIC_START.matcher(value).matches();
    }
}
