package dev.cairn.cli;

import dev.cairn.core.Health;
import dev.cairn.core.StoreUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    @Option(names = "--save", description = "Write url: to ./cairn.yaml (refused when the file exists), without "
            + "its password unless --save-password is given.")
    boolean save;

    @Option(names = "--save-password", description = "With --save, write the URL's password too, in a file that "
            + "only you can read (mode 0600). Without it, give the password in $" + StoreLocator.PASSWORD_VARIABLE
            + ".")
    boolean savePassword;

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run() {
        Health health = cairn().health();
        StoreLocator.Located located = root().located();
        Path written = null;
        boolean passwordLeftOut = false;
        if (savePassword && !save) {
            throw new UsageException("--save-password goes with --save");
        }
        if (save) {
            written = environment().workingDir().resolve(StoreLocator.CONFIG_FILE);
            if (Files.exists(written, LinkOption.NOFOLLOW_LINKS)) {
                throw new ConflictException(written + " exists already: edit it, or delete it and run init --save "
                        + "again.");
            }
            String url = located.config().url();
            String saved = savePassword ? url : StoreUrls.withoutSecrets(url);
            passwordLeftOut = !saved.equals(url);
            write(written, saved, !saved.equals(StoreUrls.withoutSecrets(saved)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", health.url());
        data.put("source", located.source());
        data.put("backend", health.backend());
        data.put("schemaVersions", health.schemaVersions());
        data.put("configFile", written == null ? null : written.toString());
        data.put("passwordSaved", written == null ? null : !passwordLeftOut);
        Path configFile = written;
        boolean leftOut = passwordLeftOut;
        output().emit(data, out -> {
            StringBuilder schema = new StringBuilder();
            health.schemaVersions().forEach((module, version) -> schema.append(", schema ").append(module)
                    .append(' ').append(version));
            out.println("Store ready: " + health.url() + " (" + health.backend() + schema + ")");
            if (configFile != null) {
                out.println("Wrote " + configFile + ": commands run in this folder use this store.");
            }
            if (leftOut) {
                out.println("The password is not in it: give it in $" + StoreLocator.PASSWORD_VARIABLE
                        + ", or run init --save --save-password to write it in a file only you can read.");
            }
        });
        return ExitCodes.OK;
    }

    /** Writes a new file, never through a link; 0600 from its creation when it holds a password. */
    private static void write(Path file, String url, boolean secret) {
        // Quoted: a URL holds ':' and '?', which YAML would otherwise read as structure.
        byte[] content = ("url: '" + url.replace("'", "''") + "'\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS);
            } else {
                Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException exists) {
            throw new ConflictException(file + " exists already: edit it, or delete it and run init --save again.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
