package dev.cairn.migrations;

/**
 * A JDBC URL or driver property that {@link DriverSettings} refuses, because the driver would run code, load a
 * class or write a file for it. The message names the setting, never its value. Immutable and thread-safe.
 */
public class UnsafeDriverSettingException extends MigrationConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the refused setting and what to do, never its value
     */
    public UnsafeDriverSettingException(String message) {
        super(message);
    }
}
