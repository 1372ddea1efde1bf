package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store is, first found first: {@code --url}, the {@code CAIRN_URL} environment variable, a
 * {@code cairn.yaml} in the working folder (read as {@link CairnConfig#fromFile} reads it: {@code url}, and
 * every other key a store property), else {@value #DEFAULT_URL}. {@value #PASSWORD_VARIABLE}, when set, is the
 * {@code password} property of a configuration that has none.
 */
final class StoreLocator {
    static final String DEFAULT_URL = "sqlite:cairn.db";
    static final String CONFIG_FILE = "cairn.yaml";
    /** The password of the store, for a URL or a {@code cairn.yaml} that leaves it out. */
    static final String PASSWORD_VARIABLE = "CAIRN_PASSWORD";

    /** A store configuration and where it came from, for messages. */
    record Located(CairnConfig config, String source) {
    }

    private StoreLocator() {
    }

    static Located locate(String urlOption, Map<String, String> variables, Path workingDir) {
        Located found = find(urlOption, variables, workingDir);
        String password = variables.get(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty() || found.config().property("password").isPresent()) {
            return found;
        }
        CairnConfig config = found.config();
        return new Located(CairnConfig.builder(config.url()).actor(config.actor()).properties(config.properties())
                .property("password", password).build(), found.source());
    }

    private static Located find(String urlOption, Map<String, String> variables, Path workingDir) {
        if (urlOption != null && !urlOption.isBlank()) {
            return new Located(CairnConfig.of(urlOption.trim()), "--url");
        }
        String variable = variables.get(CairnConfig.URL_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new Located(CairnConfig.of(variable.trim()), CairnConfig.URL_VARIABLE);
        }
        Path file = workingDir.resolve(CONFIG_FILE);
        if (Files.isRegularFile(file)) {
            return new Located(CairnConfig.fromFile(file), CONFIG_FILE);
        }
        return new Located(CairnConfig.of(DEFAULT_URL), "default");
    }
}
