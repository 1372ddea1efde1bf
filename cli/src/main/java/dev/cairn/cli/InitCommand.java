package dev.cairn.cli;

import dev.cairn.core.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn init}: creates the store (and its schema) where the URL says. */
@Command(name = "init",
        description = "Creates the store, or opens the one there, and brings its schema up to date. With --save, "
                + "writes the URL to ./cairn.yaml, so that later commands here find it.",
        footerHeading = "%nExamples:%n", footer = {"  cairn init", "  cairn init --url sqlite:plans/team.db --save"})
final class InitCommand extends CliCommand {
    @Option(names = "--save", description = "Write url: to ./cairn.yaml (refused when the file exists).")
    boolean save;

    @Override
    int run() {
        Health health = cairn().health();
        StoreLocator.Located located = root().located();
        Path written = null;
        if (save) {
            written = environment().workingDir().resolve(StoreLocator.CONFIG_FILE);
            if (Files.exists(written)) {
                throw new ConflictException(written + " exists already: edit it, or delete it and run init --save "
                        + "again.");
            }
            try {
                // Quoted: a URL holds ':' and '?', which YAML would otherwise read as structure.
                Files.writeString(written, "url: '" + located.config().url().replace("'", "''") + "'\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + written, e);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", health.url());
        data.put("source", located.source());
        data.put("backend", health.backend());
        data.put("schemaVersions", health.schemaVersions());
        data.put("configFile", written == null ? null : written.toString());
        Path configFile = written;
        output().emit(data, out -> {
            StringBuilder schema = new StringBuilder();
            health.schemaVersions().forEach((module, version) -> schema.append(", schema ").append(module)
                    .append(' ').append(version));
            out.println("Store ready: " + health.url() + " (" + health.backend() + schema + ")");
            if (configFile != null) {
                out.println("Wrote " + configFile + ": commands run in this folder use this store.");
            }
        });
        return ExitCodes.OK;
    }
}
