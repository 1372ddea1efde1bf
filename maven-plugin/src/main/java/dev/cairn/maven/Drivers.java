package dev.cairn.maven;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDBC drivers of the plugin's class loader, registered with {@link DriverManager} for one goal and
 * deregistered after it: DriverManager's own lookup may have run before, in another class loader of the build,
 * and a build JVM that lives on (a daemon) is left as it was. Thread-safe.
 */
final class Drivers {
    private static final String[] NAMES = {"org.sqlite.JDBC", "org.h2.Driver", "org.postgresql.Driver"};

    private Drivers() {
    }

    /** Registers the drivers not registered yet; returns those, for {@link #deregister}. */
    static synchronized List<Driver> register() {
        Set<Class<?>> before = DriverManager.drivers().map(Object::getClass).collect(Collectors.toSet());
        List<Driver> added = new ArrayList<>();
        for (String name : NAMES) {
            Class<?> type;
            try {
                // Loading a driver registers it, the first time.
                type = Class.forName(name, true, Drivers.class.getClassLoader());
            } catch (ClassNotFoundException missing) {
                continue;
            }
            if (before.contains(type)) {
                continue;
            }
            List<Driver> loaded = DriverManager.drivers().filter(driver -> driver.getClass() == type).toList();
            if (!loaded.isEmpty()) {
                added.addAll(loaded);
                continue;
            }
            try {
                Driver driver = (Driver) type.getConstructor().newInstance();
                DriverManager.registerDriver(driver);
                added.add(driver);
            } catch (ReflectiveOperationException | SQLException failure) {
                throw new IllegalStateException("Cannot register the JDBC driver " + name + ": " + failure.getMessage(),
                        failure);
            }
        }
        return added;
    }

    static synchronized void deregister(List<Driver> drivers) {
        for (Driver driver : drivers) {
            try {
                DriverManager.deregisterDriver(driver);
            } catch (SQLException ignored) {
                // Not registered any more: nothing to undo.
            }
        }
    }
}
