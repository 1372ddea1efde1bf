package dev.cairn.core.io;

import java.nio.file.Path;
import java.util.Locale;

/** The two encodings of a one-file plan. */
public enum PlanFormat {
    /** YAML, as ToDoWrite writes it. */
    YAML,
    /** JSON. */
    JSON;

    /**
     * The format a file's extension names: {@code .json} for JSON, {@code .yaml} or {@code .yml} for YAML.
     *
     * @param file a file's path
     * @return the format its extension names
     * @throws IllegalArgumentException for any other extension
     */
    public static PlanFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        throw new IllegalArgumentException("Cannot tell the format of " + file
                + ": name a plan file .json, .yaml or .yml.");
    }
}
