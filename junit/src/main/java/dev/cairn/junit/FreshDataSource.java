package dev.cairn.junit;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test's migrated database and what removes it. */
record FreshDataSource(DataSource dataSource, Runnable removal) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
        removal.run();
    }
}
