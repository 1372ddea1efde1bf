package dev.cairn.store.jdbc;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.migrations.DriverSettings;
import dev.cairn.migrations.UnsafeDriverSettingException;
import java.time.Duration;
import java.util.Map;

/**
 * Store properties, read the same way by every SQL backend: an invalid value fails naming the property, the
 * value and what is accepted; driver settings that would run code are refused before a driver sees them.
 * Stateless and thread-safe.
 */
public final class StoreProperties {
    private StoreProperties() {
    }

    /**
     * The property {@code name} as milliseconds, 0 or more; {@code byDefault} milliseconds when absent.
     *
     * @param config the store's configuration
     * @param name the property's name
     * @param byDefault the value when the property is absent
     * @return the property's value
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
     * @param config the store's configuration
     * @param name the property's name
     * @param byDefault the value when the property is absent
     * @return the property's value
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

    /**
     * Refuses a JDBC URL, or properties for its driver, that would have the driver run code, load a class or write
     * a file ({@link DriverSettings}), before any connection is made.
     *
     * @param config the store's configuration, whose masked URL the error names
     * @param jdbcUrl the JDBC URL to be connected to
     * @param driverProperties the properties to be given to the driver
     * @throws StoreConfigurationException naming the store's masked URL and the setting refused
     */
    public static void checkDriverSettings(CairnConfig config, String jdbcUrl, Map<String, String> driverProperties) {
        try {
            DriverSettings.check(jdbcUrl, driverProperties);
        } catch (UnsafeDriverSettingException refused) {
            throw new StoreConfigurationException("Invalid store url " + config.maskedUrl() + ": "
                    + refused.getMessage(), refused);
        }
    }
}
