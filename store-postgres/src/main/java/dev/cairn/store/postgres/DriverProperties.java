package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGProperty;

/**
 * The names of the PostgreSQL driver's properties. The driver ignores a name it does not know, or one written in
 * another case, so a typo would go unnoticed, and {@code sslMode=require} would connect without SSL: such a name
 * is refused when the store opens, with the name the driver knows when only the case differs. Thread-safe.
 */
final class DriverProperties {
    private static final Set<String> NAMES = Arrays.stream(PGProperty.values()).map(PGProperty::getName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Map<String, String> BY_LOWER_CASE = NAMES.stream()
            .collect(Collectors.toUnmodifiableMap(name -> name.toLowerCase(Locale.ROOT), Function.identity(),
                    (first, second) -> first));

    private DriverProperties() {
    }

    /**
     * {@code name}, when the driver knows it.
     *
     * @throws StoreConfigurationException naming the property, and the right spelling when only the case differs
     */
    static String known(CairnConfig config, String name) {
        if (NAMES.contains(name)) {
            return name;
        }
        String meant = BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
        throw new StoreConfigurationException("Unknown property '" + name + "' for the PostgreSQL store "
                + config.maskedUrl() + ": " + (meant != null ? "the driver spells it '" + meant + "'."
                : "neither Cairn's (user, password, schema, migrate, connectTimeout, lockTimeout, poolSize) nor one "
                + "of the PostgreSQL driver's (such as sslmode, ApplicationName, connectTimeout, socketTimeout)."));
    }
}
