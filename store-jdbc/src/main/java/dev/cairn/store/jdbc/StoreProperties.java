package dev.cairn.store.jdbc;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import java.time.Duration;

/**
 * Number-valued store properties, read the same way by every SQL backend: an invalid value fails naming the
 * property, the value and what is accepted. Stateless and thread-safe.
 */
public final class StoreProperties {
    private StoreProperties() {
    }

    /**
     * The property {@code name} as milliseconds, 0 or more; {@code byDefault} milliseconds when absent.
     *
     * @throws StoreConfigurationException when the value is not such a number
     */
    public static Duration millis(CairnConfig config, String name, long byDefault) {
        String value = config.property(name).orElse(null);
        if (value == null) {
            return Duration.ofMillis(byDefault);
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the accepted values.
        }
        throw new StoreConfigurationException("Invalid " + name + " = '" + value
                + "': must be a number of milliseconds, 0 or more, such as " + byDefault + ".");
    }

    /**
     * The property {@code name} as a whole number, 1 or more; {@code byDefault} when absent.
     *
     * @throws StoreConfigurationException when the value is not such a number
     */
    public static int positive(CairnConfig config, String name, int byDefault) {
        String value = config.property(name).orElse(null);
        if (value == null) {
            return byDefault;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the accepted values.
        }
        throw new StoreConfigurationException("Invalid " + name + " = '" + value
                + "': must be a whole number, 1 or more, such as " + byDefault + ".");
    }
}
