package dev.cairn.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.core.spi.StoreProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * How to open a {@link Cairn}: the store URL, the store's properties, the clock and actor the rules use,
 * and where providers come from. Immutable and thread-safe.
 *
 * <pre>{@code
 * CairnConfig config = CairnConfig.builder("sqlite:plan.db").property("migrate", "validate").actor("ana").build();
 * }</pre>
 */
public final class CairnConfig {
    /** The environment variable {@link #fromEnvironment()} reads. */
    public static final String URL_VARIABLE = "CAIRN_URL";

    private final String url;
    private final Map<String, String> properties;
    private final Clock clock;
    private final String actor;
    private final DataSource dataSource;
    private final List<StoreProvider> providers;
    private final boolean serviceLoader;
    private final ClassLoader classLoader;
    private final boolean createIfMissing;

    private CairnConfig(Builder builder) {
        this.url = builder.url;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
        this.clock = builder.clock;
        this.actor = builder.actor;
        this.dataSource = builder.dataSource;
        this.providers = List.copyOf(builder.providers);
        this.serviceLoader = builder.serviceLoader;
        this.classLoader = builder.classLoader;
        this.createIfMissing = builder.createIfMissing;
    }

    /**
     * A builder for a store at {@code url}, such as {@code memory:}, {@code sqlite:plan.db}.
     *
     * @param url the store's URL
     * @return a builder with every default
     */
    public static Builder builder(String url) {
        return new Builder().url(url);
    }

    /**
     * The configuration of {@code url} with every default.
     *
     * @param url the store's URL
     * @return a configuration with every default
     */
    public static CairnConfig of(String url) {
        return builder(url).build();
    }

    /**
     * Reads {@value #URL_VARIABLE}.
     *
     * @return the configuration of the URL the variable holds
     * @throws StoreConfigurationException when it is not set
     */
    public static CairnConfig fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new StoreConfigurationException(URL_VARIABLE + " is not set: set it to a store URL such as "
                    + "sqlite:plan.db, or pass the URL to Cairn.open.");
        }
        return of(url.trim());
    }

    /**
     * Reads a {@code .properties} or {@code .yaml}/{@code .yml} file: {@code url} (required), {@code actor},
     * and every other key as a store property. Keys may carry a {@code cairn.} prefix; YAML maps are
     * flattened with dots.
     *
     * @param file the path of the file; its extension picks the format
     * @return the configuration the file describes
     * @throws StoreConfigurationException when the file cannot be read or names no url
     */
    public static CairnConfig fromFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                try (InputStream in = Files.newInputStream(file)) {
                    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
                    if (root != null && !root.isMissingNode() && !root.isNull()) {
                        if (!root.isObject()) {
                            throw new StoreConfigurationException("Configuration file " + file
                                    + " must hold a map of keys, such as 'url: sqlite:plan.db'.");
                        }
                        flatten("", root, entries);
                    }
                }
            } else {
                Properties loaded = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    loaded.load(in);
                }
                loaded.stringPropertyNames().forEach(key -> entries.put(key, loaded.getProperty(key)));
            }
        } catch (JsonProcessingException malformed) {
            // Not the parser's message: it quotes the lines around the error, which may hold a password.
            JsonLocation where = malformed.getLocation();
            String problem = String.valueOf(malformed.getOriginalMessage()).lines().findFirst().orElse("").strip();
            throw new StoreConfigurationException("Configuration file " + file + " is not valid YAML"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + (problem.isEmpty() || problem.contains(":") ? "" : " (" + problem + ")")
                    + ": fix it, or delete it and run 'cairn init --save' again.");
        } catch (IOException e) {
            throw new StoreConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return fromMap(entries, "configuration file " + file);
    }

    /**
     * Like {@link #fromFile}, from properties already loaded.
     *
     * @param properties the same keys a {@code .properties} file holds
     * @return the configuration the properties describe
     */
    public static CairnConfig fromProperties(Properties properties) {
        Map<String, String> entries = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return fromMap(entries, "the properties given");
    }

    private static CairnConfig fromMap(Map<String, String> entries, String source) {
        Builder builder = new Builder();
        entries.forEach((rawKey, value) -> {
            String key = rawKey.startsWith("cairn.") ? rawKey.substring("cairn.".length()) : rawKey;
            switch (key) {
                case "url" -> builder.url(value);
                case "actor" -> builder.actor(value);
                default -> builder.property(key, value);
            }
        });
        if (builder.url == null || builder.url.isBlank()) {
            throw new StoreConfigurationException("url is required in " + source
                    + " (a store URL such as sqlite:plan.db).");
        }
        return builder.build();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** {@return the store's URL as given, password included} */
    public String url() {
        return url;
    }

    /** {@return the URL's scheme: what comes before the first colon, without a leading {@code jdbc:}} */
    public String scheme() {
        return StoreUrls.scheme(url);
    }

    /**
     * The URL without its scheme and query string, such as {@code plan.db} for
     * {@code sqlite:plan.db?migrate=off}; the parameters are among {@link #properties()}.
     *
     * @return the location, such as a file path or {@code host/db}
     */
    public String location() {
        return StoreUrls.location(url);
    }

    /** {@return the URL with any password masked, for messages and logs} */
    public String maskedUrl() {
        return StoreUrls.mask(url);
    }

    /**
     * {@code text} with every secret of this configuration masked: the URL's password (as written and decoded),
     * its password parameters and the {@code password} property; for any message that may quote them, such as
     * a driver's error.
     *
     * @param text any text, or {@code null}
     * @return {@code text} with its secrets replaced by {@code ****}
     */
    public String mask(String text) {
        List<String> secrets = new ArrayList<>(StoreUrls.secrets(url));
        properties.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).contains("password") || key.equalsIgnoreCase("secret")) {
                secrets.add(value);
            }
        });
        return StoreUrls.maskSecrets(text, secrets);
    }

    /** {@return the store's properties, from the builder, the file, and the URL's query string, the URL last} */
    public Map<String, String> properties() {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(StoreUrls.queryParameters(url));
        return Collections.unmodifiableMap(merged);
    }

    /**
     * One of {@link #properties()}.
     *
     * @param key the property's name, without a {@code cairn.} prefix
     * @return its value, or empty when it is not set
     */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties().get(key));
    }

    /** {@return the clock that stamps dates; the system clock in UTC unless set} */
    public Clock clock() {
        return clock;
    }

    /** {@return who the audit trail names for changes made through this configuration} */
    public String actor() {
        return actor;
    }

    /** {@return the caller's own connections, when given; a SQL store then makes none} */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** {@return providers registered explicitly; they come before those {@link java.util.ServiceLoader} finds} */
    public List<StoreProvider> providers() {
        return providers;
    }

    /**
     * The provider that serves this configuration's URL, as {@link Cairn#open(CairnConfig)} chooses it: by scheme,
     * then priority, among those registered and those {@link java.util.ServiceLoader} finds. For tools that need
     * more of a backend than a store, such as a migrator of a SQL store's database.
     *
     * @return the provider chosen
     * @throws StoreConfigurationException when no provider serves the scheme, naming those there are, or two
     *                                     serve it with the same priority
     */
    public StoreProvider storeProvider() {
        return StoreProviders.select(this);
    }

    /** {@return whether providers are also looked up with {@link java.util.ServiceLoader}} */
    public boolean usesServiceLoader() {
        return serviceLoader;
    }

    /** {@return the class loader in which {@link java.util.ServiceLoader} looks providers up} */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Whether opening a store (or a migrator) whose database is a file that does not exist makes it, with its
     * folders: true unless {@link Builder#createIfMissing(boolean)} said otherwise. When false, the SQLite and H2
     * providers make no file and no folder and fail with a {@link NoSuchStoreException} naming the file; for a
     * tool that only reads, so that a mistyped path is not taken for an empty plan. Stores that are no file
     * (memory, a server) have nothing to make and ignore it.
     *
     * @return whether a missing database file is made
     */
    public boolean createIfMissing() {
        return createIfMissing;
    }

    /** {@return a builder holding everything this configuration holds, to change a part of it} */
    public Builder toBuilder() {
        Builder builder = builder(url).clock(clock).actor(actor).dataSource(dataSource).serviceLoader(serviceLoader)
                .classLoader(classLoader).createIfMissing(createIfMissing);
        builder.properties.putAll(properties);
        builder.providers.addAll(providers);
        return builder;
    }

    @Override
    public String toString() {
        return "CairnConfig[url=" + maskedUrl() + ", actor=" + actor + "]";
    }

    /** Builds a {@link CairnConfig}. Not thread-safe. */
    public static final class Builder {
        private String url;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private String actor = defaultActor();
        private DataSource dataSource;
        private final List<StoreProvider> providers = new ArrayList<>();
        private boolean serviceLoader = true;
        private ClassLoader classLoader = defaultClassLoader();
        private boolean createIfMissing = true;

        private Builder() {
        }

        /**
         * Replaces the store's URL.
         *
         * @param url the store's URL, such as {@code sqlite:plan.db}
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets one store property, such as {@code user} or {@code schema}.
         *
         * @param key   the property's name
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
            return this;
        }

        /**
         * Sets several store properties, as {@link #property} does for each.
         *
         * @param values property values by name
         * @return this builder
         */
        public Builder properties(Map<String, String> values) {
            values.forEach(this::property);
            return this;
        }

        /**
         * The clock that stamps dates; fixed clocks make tests exact.
         *
         * @param clock the clock to use
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Names who the audit trail records for changes; the user running the JVM unless set.
         *
         * @param actor a person's or a tool's name
         * @return this builder
         */
        public Builder actor(String actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * Gives the caller's own connections: a SQL store borrows them instead of opening its own.
         *
         * @param dataSource the caller's pool or data source; Cairn leaves each connection as it found it
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Registers a provider explicitly, without {@link java.util.ServiceLoader}.
         *
         * @param provider a provider to try before those {@link java.util.ServiceLoader} finds
         * @return this builder
         */
        public Builder provider(StoreProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Whether to look providers up with {@link java.util.ServiceLoader} too; on by default.
         *
         * @param enabled false to use only the providers registered explicitly
         * @return this builder
         */
        public Builder serviceLoader(boolean enabled) {
            this.serviceLoader = enabled;
            return this;
        }

        /**
         * Sets the class loader in which {@link java.util.ServiceLoader} looks providers up.
         *
         * @param classLoader the class loader; the thread's context class loader unless set
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Whether a store whose file does not exist is made ({@link CairnConfig#createIfMissing()}); on by default.
         *
         * @param create false to fail on a missing file instead of making it
         * @return this builder
         */
        public Builder createIfMissing(boolean create) {
            this.createIfMissing = create;
            return this;
        }

        /**
         * @return the configuration, its properties copied
         * @throws StoreConfigurationException when the URL is missing or has no scheme
         */
        public CairnConfig build() {
            if (url == null || url.isBlank()) {
                throw new StoreConfigurationException("url is required: a store URL such as memory:, "
                        + "sqlite:plan.db or postgresql://host/db.");
            }
            if (StoreUrls.scheme(url).isEmpty()) {
                throw new StoreConfigurationException("url " + StoreUrls.mask(url)
                        + " has no scheme: write it as scheme:location, such as sqlite:plan.db.");
            }
            return new CairnConfig(this);
        }

        private static String defaultActor() {
            String user = System.getProperty("user.name");
            return user == null || user.isBlank() ? "cairn" : user;
        }

        private static ClassLoader defaultClassLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : CairnConfig.class.getClassLoader();
        }
    }
}
