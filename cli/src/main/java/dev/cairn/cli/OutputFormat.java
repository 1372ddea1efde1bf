package dev.cairn.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How results are printed: for people ({@code text}), or for scripts ({@code json}, {@code yaml}). */
enum OutputFormat {
    TEXT, JSON, YAML;

    /** Reads {@code text}, {@code json} or {@code yaml}, ignoring case. */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : values()) {
                if (format.name().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "' is no format: use text, json or yaml");
        }
    }

    /** The names offered by help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(values()).stream().map(format -> format.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
