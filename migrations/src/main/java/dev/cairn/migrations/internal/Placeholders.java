package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationConfigurationException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${name}} in SQL text; an unknown name is an error. Thread-safe. */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private Placeholders() {
    }

    public static String replace(String sql, Map<String, String> values, String script) {
        if (sql.indexOf("${") < 0) {
            return sql;
        }
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder result = new StringBuilder(sql.length());
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new MigrationConfigurationException("Unknown placeholder ${" + matcher.group(1) + "} in "
                        + script + ". Known: " + values.keySet() + ". Define it with Migrator.builder().placeholder().");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
