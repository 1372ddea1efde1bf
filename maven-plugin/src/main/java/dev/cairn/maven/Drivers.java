package dev.cairn.maven;

/**
 * Registers the JDBC drivers of the plugin's class loader with {@link java.sql.DriverManager}: its own lookup
 * of drivers may have run before, in another class loader of the build, and would not see them.
 */
final class Drivers {
    private static final String[] NAMES = {"org.sqlite.JDBC", "org.h2.Driver", "org.postgresql.Driver"};

    private Drivers() {
    }

    static void load() {
        for (String name : NAMES) {
            try {
                Class.forName(name, true, Drivers.class.getClassLoader());
            } catch (ClassNotFoundException missing) {
                // A driver left out of the plugin's dependencies serves no URL; the provider says so.
            }
        }
    }
}
