package dev.cairn.migrations;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

class H2FlywayConventionsTest extends AbstractFlywayConventionsTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    String freshDatabaseUrl(Path temp) {
        return "jdbc:h2:mem:conventions" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String tablesQuery() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = SCHEMA()"
                + " AND lower(table_name) NOT LIKE 'cairn_%' AND lower(table_name) NOT LIKE 'flyway_%'"
                + " ORDER BY table_name";
    }
}
