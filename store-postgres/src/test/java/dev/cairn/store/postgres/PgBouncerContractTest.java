package dev.cairn.store.postgres;

import dev.cairn.store.tck.BatchesContractTest;
import dev.cairn.store.tck.CommandRunStoreContractTest;
import dev.cairn.store.tck.CommandRunTablesContractTest;
import dev.cairn.store.tck.CommandRunnerContractTest;
import dev.cairn.store.tck.ConcurrencyContractTest;
import dev.cairn.store.tck.CopyContractTest;
import dev.cairn.store.tck.DeleteContractTest;
import dev.cairn.store.tck.DoctorContractTest;
import dev.cairn.store.tck.EventsContractTest;
import dev.cairn.store.tck.ImportExportContractTest;
import dev.cairn.store.tck.LabelsContractTest;
import dev.cairn.store.tck.LinksContractTest;
import dev.cairn.store.tck.NodesContractTest;
import dev.cairn.store.tck.QueriesContractTest;
import dev.cairn.store.tck.RollupContractTest;
import dev.cairn.store.tck.StatusesContractTest;
import dev.cairn.store.tck.StreamingContractTest;
import dev.cairn.store.tck.TransactionsContractTest;
import dev.cairn.store.tck.UpdatesContractTest;
import dev.cairn.store.tck.UpgradeContractTest;
import dev.cairn.store.tck.ValidationContractTest;
import org.junit.jupiter.api.Nested;

/**
 * Every contract suite of the store, once, with the store behind a real PgBouncer in {@code pool_mode=transaction}
 * and {@code pooling=transaction} ({@link PgBouncerFixture}): one proxy for the whole run, a few server
 * connections shared by every store of it. Skipped, saying how to install it, where there is no {@code pgbouncer}
 * binary, and failed for that under {@code CI=true}.
 */
class PgBouncerContractTest {
    @Nested
    class Batches extends BatchesContractTest {
        Batches() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class CommandRunStore extends CommandRunStoreContractTest {
        CommandRunStore() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class CommandRunTables extends CommandRunTablesContractTest {
        CommandRunTables() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class CommandRunner extends CommandRunnerContractTest {
        CommandRunner() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContractTest {
        Concurrency() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Copy extends CopyContractTest {
        Copy() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Delete extends DeleteContractTest {
        Delete() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Doctor extends DoctorContractTest {
        Doctor() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Events extends EventsContractTest {
        Events() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class ImportExport extends ImportExportContractTest {
        ImportExport() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Labels extends LabelsContractTest {
        Labels() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Links extends LinksContractTest {
        Links() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Nodes extends NodesContractTest {
        Nodes() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Queries extends QueriesContractTest {
        Queries() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Rollup extends RollupContractTest {
        Rollup() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Statuses extends StatusesContractTest {
        Statuses() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Streaming extends StreamingContractTest {
        Streaming() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Transactions extends TransactionsContractTest {
        Transactions() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Updates extends UpdatesContractTest {
        Updates() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Upgrade extends UpgradeContractTest {
        Upgrade() {
            super(new PgBouncerFixture());
        }
    }

    @Nested
    class Validation extends ValidationContractTest {
        Validation() {
            super(new PgBouncerFixture());
        }
    }
}
