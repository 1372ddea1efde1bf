-- Cairn's schema for SQLite, version 2: command runs, their artifacts, and the lease that keeps one
-- Command from running twice at once.
--
-- Runs and leases belong to Command nodes only. The database cannot say so without a key on
-- (id, layer); core checks it, as it checks that only Command nodes carry a spec.
--
-- Every foreign key names cairn_nodes, never cairn_command_specs: a node update deletes and rewrites its
-- spec row, and a cascade from there would wipe a command's runs at each status change.

-- One row per run of a Command, written when the run starts (ended_at NULL while it runs) and completed
-- when it ends. A run is named by its command and number, as its log file is (results/CMD-X/3.log): that
-- is the primary key, with no surrogate id to keep unique beside it. The runner takes the next number
-- (the highest plus one) while it holds the command's lease; a number taken twice fails on the key and
-- overwrites nothing. The key also serves "runs of a command, newest first", read backwards, so there is
-- no other index. Not WITHOUT ROWID: an output tail of up to 64 KiB is far above the small rows SQLite
-- advises for it.
--
-- Runs go with their node, like its spec and labels: they are details of the command, whose shell line
-- and acceptance criteria are deleted with it, and a node made again under the same id starts without
-- another command's runs. The node's deletion stays in cairn_events. Log files on disk are the
-- application's to remove.
CREATE TABLE cairn_command_runs (
    node_id     TEXT    NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    run_number  INTEGER NOT NULL CHECK (run_number >= 1),
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    -- NULL while the run goes on, and when it ended without one (killed, or the process could not start).
    -- No range check: the value is whatever the platform reports.
    exit_code   INTEGER,
    timed_out   INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
    -- The end of the run's output, bounded by the application (64 KiB); the whole of it is in the log.
    output_tail TEXT,
    -- Relative to the base folder of runs, so that a plan and its results move together. NULL when no log
    -- could be written: the run still happened and is recorded.
    log_path    TEXT,
    actor       TEXT,
    PRIMARY KEY (node_id, run_number),
    CHECK (ended_at IS NULL OR ended_at >= started_at),
    -- A run still going has neither an exit code nor a timeout yet.
    CHECK (ended_at IS NOT NULL OR (exit_code IS NULL AND timed_out = 0))
);

-- What a run found at each artifact path its spec declared, once per path. A missing artifact is a row
-- too (present = 0, no size, no hash): "declared but not produced" is the finding an acceptance check
-- needs. The hash is lower-case hex, as Java's HexFormat writes it, so that equal files compare equal as
-- text. Rows go with their run.
CREATE TABLE cairn_run_artifacts (
    node_id    TEXT    NOT NULL,
    run_number INTEGER NOT NULL,
    path       TEXT    NOT NULL,
    present    INTEGER NOT NULL CHECK (present IN (0, 1)),
    size_bytes INTEGER CHECK (size_bytes >= 0),
    sha256     TEXT    CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    PRIMARY KEY (node_id, run_number, path),
    FOREIGN KEY (node_id, run_number) REFERENCES cairn_command_runs (node_id, run_number) ON DELETE CASCADE,
    CHECK ((present = 1 AND size_bytes IS NOT NULL AND sha256 IS NOT NULL)
        OR (present = 0 AND size_bytes IS NULL AND sha256 IS NULL))
) WITHOUT ROWID;

-- At most one lease per Command node, by the primary key: a runner inserts one, and a second runner's
-- insert fails on the key. The loser may take over only an expired lease, in one statement
-- (UPDATE ... SET holder = ?, acquired_at = ?, expires_at = ? WHERE node_id = ? AND expires_at <= ?), so
-- of two runners that find it expired one wins and the other updates no row. The expiry lets a crashed
-- runner's lease lapse instead of blocking the command for good; a live runner renews it before then,
-- and releases it by deleting its own row (WHERE holder = ?). The times come from the runners' clocks,
-- which must roughly agree.
--
-- The lease goes with its node: a runner still at work then finds its run gone when it records the end,
-- which is the truth, as the command is gone.
CREATE TABLE cairn_command_leases (
    node_id     TEXT    NOT NULL PRIMARY KEY REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    -- Who holds it, for the runner to recognize its own lease and for people to see who runs what:
    -- such as host, process id and a random part.
    holder      TEXT    NOT NULL CHECK (length(holder) >= 1),
    acquired_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    CHECK (expires_at > acquired_at)
) WITHOUT ROWID;
