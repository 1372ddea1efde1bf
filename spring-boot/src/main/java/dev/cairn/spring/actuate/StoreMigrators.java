package dev.cairn.spring.actuate;

import dev.cairn.core.Cairn;
import dev.cairn.core.spi.StoreProvider;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.jdbc.SqlStoreProvider;
import java.util.Optional;

/** The migrator of a SQL store's database; loaded only when cairn-store-jdbc is on the classpath. */
final class StoreMigrators {

    private StoreMigrators() {
    }

    /** A migrator of the database {@code cairn} is stored in, with the store's registered sets; empty for others. */
    static Optional<Migrator> of(Cairn cairn) {
        StoreProvider provider = cairn.config().storeProvider();
        if (provider instanceof SqlStoreProvider sql) {
            return Optional.of(sql.migrator(cairn.config()).classLoader(cairn.config().classLoader()).build());
        }
        return Optional.empty();
    }
}
