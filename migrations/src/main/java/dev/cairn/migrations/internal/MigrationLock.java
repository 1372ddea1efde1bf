package dev.cairn.migrations.internal;

import java.sql.SQLException;

/** A held migration lock; closing releases it. Not thread-safe: one run holds it. */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException;
}
