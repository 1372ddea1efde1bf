package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Prints a command's result: for people as text, or the same data as JSON or YAML for scripts. The data
 * are plain maps and lists (see {@link Shapes}), so that their shape is written down in one place and stays
 * stable. Not thread-safe.
 */
final class Output {
    private final PrintWriter out;
    private final PrintWriter text;
    private final OutputFormat format;

    Output(PrintWriter out, OutputFormat format) {
        this.out = out;
        // Text for people shows stored control characters escaped; JSON and YAML escape them their own way.
        this.text = new PrintWriter(new TerminalSafeWriter(out));
        this.format = format;
    }

    OutputFormat format() {
        return format;
    }

    boolean isText() {
        return format == OutputFormat.TEXT;
    }

    /** Where data goes as it is, such as an export to standard output. */
    PrintWriter raw() {
        return out;
    }

    /** Where text for people goes (control characters escaped). */
    PrintWriter out() {
        return text;
    }

    /** Prints {@code data} as JSON or YAML, or, for people, whatever {@code text} prints. */
    void emit(Object data, Consumer<PrintWriter> printer) {
        switch (format) {
            case TEXT -> {
                printer.accept(text);
                text.flush();
            }
            case JSON -> write(jsonMapper(), data);
            case YAML -> write(yamlMapper(), data);
        }
    }

    /** Prints a line for people; nothing in JSON or YAML, whose output is the data alone. */
    void note(String line) {
        if (isText()) {
            text.println(line);
            text.flush();
        }
    }

    private void write(ObjectMapper mapper, Object data) {
        try {
            mapper.writeValue(out, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (format == OutputFormat.JSON) {
            out.println();
        }
    }

    // Jackson is loaded only when asked for: text output starts faster without it.
    private static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static ObjectMapper yamlMapper() {
        YAMLFactory yaml = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return new ObjectMapper(yaml).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
