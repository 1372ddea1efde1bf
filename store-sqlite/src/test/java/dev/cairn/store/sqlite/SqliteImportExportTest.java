package dev.cairn.store.sqlite;

import dev.cairn.store.tck.ImportExportContractTest;

/** Import and export keep the whole contract on SQLite files. */
class SqliteImportExportTest extends ImportExportContractTest {
    SqliteImportExportTest() {
        super(SqliteFixture.inFiles());
    }
}
