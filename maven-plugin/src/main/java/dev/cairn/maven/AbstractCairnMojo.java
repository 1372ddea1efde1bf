package dev.cairn.maven;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.CairnException;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.spi.StoreProvider;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.jdbc.SqlStoreProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the database (a Cairn store URL, its credentials from the configuration or a
 * {@code settings.xml} server), the project's migration folders, placeholders and out-of-order, and running a goal
 * on each target (the URL's database, or each of {@link #schemas}). The migrator of each target comes from the
 * provider that would open a store at the URL ({@link SqlStoreProvider#migrator}), as {@code cairn migrate} gets it.
 */
abstract class AbstractCairnMojo extends AbstractMojo {
    /** Placeholders given as properties: {@code cairn.placeholders.KEY=VALUE}, as Flyway's plugin reads them. */
    static final String PLACEHOLDER_PREFIX = "cairn.placeholders.";

    /** The database, as a Cairn store URL: {@code sqlite:db/app.db}, {@code h2:./app}, {@code postgresql://host/db}. */
    @Parameter(property = "cairn.url", required = true)
    String url;

    /** The database user; else the server's of {@link #serverId}, else the URL's. */
    @Parameter(property = "cairn.user")
    String user;

    /** The database password; else the server's of {@link #serverId}, else the URL's. */
    @Parameter(property = "cairn.password")
    String password;

    /** The id of a {@code <server>} of settings.xml whose username and (decrypted) password to use. */
    @Parameter(property = "cairn.serverId")
    String serverId;

    /**
     * The folders of SQL migrations: {@code classpath:FOLDER} (looked up in the build's output folder, then in the
     * resource folders, so that no compile is needed), or a folder, relative to the project ({@code filesystem:}
     * optional). Their files form one ordered set unless {@link #modulePerLocation}.
     */
    @Parameter(property = "cairn.locations", defaultValue = "classpath:db/migration")
    List<String> locations;

    /** Each location is a module of its own, named after its folder, with its own versions. */
    @Parameter(property = "cairn.modulePerLocation", defaultValue = "false")
    boolean modulePerLocation;

    /** The module of the locations' migrations, which {@code target}, {@code to} and baselines name. */
    @Parameter(property = "cairn.module", defaultValue = "app")
    String module;

    /** {@code ${KEY}} values of the SQL files; {@code cairn.placeholders.KEY} properties add to and override them. */
    @Parameter
    Map<String, String> placeholders;

    /** PostgreSQL: migrate each of these schemas of the URL's database instead of the URL's one. */
    @Parameter(property = "cairn.schemas")
    List<String> schemas;

    /** Apply a pending migration whose version is below the newest applied one. */
    @Parameter(property = "cairn.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    /** Skip the goal. */
    @Parameter(property = "cairn.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    Settings settings;

    @Inject
    SettingsDecrypter decrypter;

    /** One database to work on: its name for people, its migrator, and the builder the migrator came from. */
    record Target(String name, Migrator migrator, Migrator.Builder builder) {
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Cairn: skipped");
            return;
        }
        List<Driver> drivers = Drivers.register();
        try {
            runAll();
        } finally {
            Drivers.deregister(drivers);
        }
    }

    private void runAll() throws MojoExecutionException, MojoFailureException {
        List<Target> targets = targets();
        List<String> failures = new ArrayList<>();
        for (Target target : targets) {
            try {
                run(target);
            } catch (MigrationConfigurationException | StoreConfigurationException wrong) {
                throw new MojoExecutionException(target.name() + ": " + wrong.getMessage(), wrong);
            } catch (RuntimeException failure) {
                if (targets.size() > 1) {
                    getLog().error(target.name() + ": " + failure.getMessage());
                }
                failures.add(target.name() + ": " + failure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException(failures.size() == 1 ? failures.get(0)
                    : failures.size() + " of " + targets.size() + " databases failed:\n" + String.join("\n", failures));
        }
    }

    /** Whether the goal writes to the database, which it makes when missing (a SQLite file, and its folder). */
    boolean writes() {
        return true;
    }

    /** The goal's work on one database. */
    abstract void run(Target target) throws MojoExecutionException;

    /** The goal's own settings on a target's migrator, such as a target version. */
    void adjust(Migrator.Builder builder) throws MojoExecutionException {
    }

    /** A version the user gave; a malformed one names the parameter. */
    static String version(String parameter, String text) throws MojoExecutionException {
        try {
            return MigrationVersion.parse(text.trim()).toString();
        } catch (MigrationConfigurationException malformed) {
            throw new MojoExecutionException("<" + parameter + ">: " + malformed.getMessage(), malformed);
        }
    }

    final List<Target> targets() throws MojoExecutionException {
        CairnConfig config = config();
        SqlStoreProvider provider = provider(config);
        if (writes()) {
            makeFolder(config);
        }
        Dialect dialect = provider.dialect().migrationDialect();
        List<MigrationSet> sets;
        try {
            List<Path> folders = folders();
            sets = modulePerLocation ? MigrationSets.modulePerDirectory(folders, dialect)
                    : List.of(MigrationSets.directories(folders, module, dialect));
        } catch (MigrationConfigurationException wrong) {
            throw new MojoExecutionException(wrong.getMessage(), wrong);
        }
        Map<String, String> values = placeholders();
        List<Target> targets = new ArrayList<>();
        List<String> names = schemas == null ? List.of() : schemas.stream().map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        if (!names.isEmpty() && !provider.schemaPerStore()) {
            throw new MojoExecutionException("<schemas> needs a postgresql: URL, or another whose stores live in "
                    + "schemas, not " + config.maskedUrl());
        }
        for (String schema : names.isEmpty() ? java.util.Collections.<String>singletonList(null) : names) {
            try {
                Migrator.Builder builder = provider.migrator(config).sets(sets).outOfOrder(outOfOrder);
                if (schema != null) {
                    builder.schema(schema);
                }
                values.forEach(builder::placeholder);
                adjust(builder);
                targets.add(new Target(schema == null ? config.maskedUrl() : config.maskedUrl() + " schema " + schema,
                        builder.build(), builder.copy()));
            } catch (MigrationConfigurationException | CairnException wrong) {
                throw new MojoExecutionException(wrong.getMessage(), wrong);
            }
        }
        return targets;
    }

    /** The URL with the credentials of the configuration or of the settings.xml server. */
    final CairnConfig config() throws MojoExecutionException {
        if (url == null || url.isBlank()) {
            throw new MojoExecutionException("Give the database: <url> or -Dcairn.url, such as sqlite:target/app.db");
        }
        String userName = user;
        String secret = password;
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("<serverId>" + serverId + "</serverId>: settings.xml has no <server> "
                        + "with that id");
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            if (!decrypted.getProblems().isEmpty()) {
                throw new MojoExecutionException("Cannot decrypt the password of server '" + serverId + "': "
                        + decrypted.getProblems().get(0).getMessage());
            }
            Server plain = decrypted.getServer();
            userName = userName != null ? userName : plain.getUsername();
            secret = secret != null ? secret : plain.getPassword();
        }
        // A goal that only reads does not make a missing SQLite or H2 file: a mistyped path is no empty database.
        CairnConfig.Builder builder = CairnConfig.builder(url.trim()).classLoader(getClass().getClassLoader())
                .createIfMissing(writes());
        if (userName != null) {
            builder.property("user", userName);
        }
        if (secret != null) {
            builder.property("password", secret);
        }
        try {
            return builder.build();
        } catch (StoreConfigurationException wrong) {
            throw new MojoExecutionException("<url>: " + wrong.getMessage(), wrong);
        }
    }

    /**
     * The folder of a SQLite file, as opening a store makes it: the provider's migrator makes none, and the plugin's
     * users name files under {@code target/}, which a build may not have made yet.
     */
    private static void makeFolder(CairnConfig config) throws MojoExecutionException {
        String location = config.location();
        if (!config.scheme().equals("sqlite") || location.isEmpty() || location.startsWith(":memory:")) {
            return;
        }
        Path parent = Path.of(location).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException failure) {
            throw new MojoExecutionException("Cannot make the folder " + parent + " of " + config.maskedUrl() + ": "
                    + failure.getMessage(), failure);
        }
    }

    private static SqlStoreProvider provider(CairnConfig config) throws MojoExecutionException {
        StoreProvider provider;
        try {
            provider = config.storeProvider();
        } catch (StoreConfigurationException wrong) {
            throw new MojoExecutionException("<url>: " + wrong.getMessage(), wrong);
        }
        if (provider instanceof SqlStoreProvider sql) {
            return sql;
        }
        throw new MojoExecutionException("<url> '" + config.scheme() + ":' keeps no schema to migrate: give a "
                + "sqlite:, h2: or postgresql: URL");
    }

    /** The locations as folders of the project. */
    final List<Path> folders() throws MojoExecutionException {
        if (locations == null || locations.isEmpty()) {
            throw new MojoExecutionException("Give at least one folder in <locations>");
        }
        Path basedir = project.getBasedir().toPath();
        List<Path> folders = new ArrayList<>();
        for (String location : locations) {
            String trimmed = location.trim();
            if (trimmed.startsWith("classpath:")) {
                String folder = trimmed.substring("classpath:".length()).replaceFirst("^/+", "");
                List<Path> candidates = new ArrayList<>();
                candidates.add(Path.of(project.getBuild().getOutputDirectory()).resolve(folder));
                for (Resource resource : project.getResources()) {
                    candidates.add(basedir.resolve(resource.getDirectory()).resolve(folder));
                }
                Path found = candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() ->
                        new MojoExecutionException("<locations> " + trimmed + ": no folder " + folder + " in "
                                + candidates.stream().map(Path::toString).toList()));
                folders.add(found);
            } else {
                String path = trimmed.startsWith("filesystem:") ? trimmed.substring("filesystem:".length()) : trimmed;
                Path folder = basedir.resolve(path);
                if (!Files.isDirectory(folder)) {
                    throw new MojoExecutionException("<locations> " + trimmed + ": " + folder + " is no folder");
                }
                folders.add(folder);
            }
        }
        return folders;
    }

    /** The configured placeholders, then the project's and the command line's {@code cairn.placeholders.KEY}. */
    final Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        if (placeholders != null) {
            values.putAll(placeholders);
        }
        addPrefixed(values, project.getProperties());
        if (session != null) {
            addPrefixed(values, session.getUserProperties());
        }
        return values;
    }

    private static void addPrefixed(Map<String, String> values, Properties properties) {
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PLACEHOLDER_PREFIX) && name.length() > PLACEHOLDER_PREFIX.length()) {
                values.put(name.substring(PLACEHOLDER_PREFIX.length()), properties.getProperty(name));
            }
        }
    }

    /** A file parameter relative to the project. */
    final Path resolve(File file) {
        return file.isAbsolute() ? file.toPath() : project.getBasedir().toPath().resolve(file.toPath());
    }
}
