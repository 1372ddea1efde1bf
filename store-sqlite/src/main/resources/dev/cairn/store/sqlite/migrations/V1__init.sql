-- Cairn's schema for SQLite, version 1: nodes, links, labels, command specs, events.
--
-- Every table is prefixed cairn_ so that Cairn can share a database with an application's own tables
-- (the migration engine counts versions per module for the same reason).
--
-- Times are INTEGER milliseconds since the epoch (UTC): exact for the millisecond precision Cairn keeps,
-- sortable, and the same on every backend, where ISO text would depend on formatting.
--
-- Text columns use SQLite's default BINARY collation: ids and titles sort by code point, as Java's
-- String order does for every character outside the surrogate range, the same as the memory store.

CREATE TABLE cairn_nodes (
    id            TEXT    NOT NULL PRIMARY KEY,
    -- Layers by their ToDoWrite names, statuses and the rest by their wire names: readable with any
    -- SQLite shell, and checked here so that no other writer can poison every later read.
    layer         TEXT    NOT NULL CHECK (layer IN ('Goal', 'Concept', 'Context', 'Constraints', 'Requirements',
                                                    'AcceptanceCriteria', 'InterfaceContract', 'Phase', 'Step',
                                                    'Task', 'SubTask', 'Command')),
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description   TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'blocked',
                                                     'cancelled')),
    progress      INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    owner         TEXT,
    assignee      TEXT,
    severity      TEXT    CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    work_type     TEXT    CHECK (work_type IN ('architecture', 'spec', 'interface', 'validation', 'implementation',
                                               'docs', 'ops', 'refactor', 'chore', 'test')),
    started_at    INTEGER,
    completed_at  INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    -- A JSON object, NULL when the node has none: custom fields are read and written whole with the node
    -- and never filtered on, so a key-value table would cost a query per read and buy nothing.
    custom_fields TEXT
);

-- The facade's common filters: a layer and its statuses (dashboards, counts by layer and status), and
-- owner or assignee ("my work").
CREATE INDEX cairn_nodes_layer_status ON cairn_nodes (layer, status);
CREATE INDEX cairn_nodes_owner ON cairn_nodes (owner);
CREATE INDEX cairn_nodes_assignee ON cairn_nodes (assignee);

-- A link is stored once, parent to child. The primary key serves walks downward (children of a parent);
-- the index on child_id serves walks upward (parents, ancestors, "without parents"). Deleting a node
-- deletes its links.
CREATE TABLE cairn_links (
    parent_id TEXT NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    child_id  TEXT NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    PRIMARY KEY (parent_id, child_id),
    CHECK (parent_id <> child_id)
) WITHOUT ROWID;

CREATE INDEX cairn_links_child ON cairn_links (child_id, parent_id);

-- Labels outlive the nodes that carry them, so that a defined label keeps its description.
CREATE TABLE cairn_labels (
    name        TEXT NOT NULL PRIMARY KEY,
    description TEXT
);

CREATE TABLE cairn_node_labels (
    node_id    TEXT NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    label_name TEXT NOT NULL REFERENCES cairn_labels (name),
    PRIMARY KEY (node_id, label_name)
) WITHOUT ROWID;

CREATE INDEX cairn_node_labels_label ON cairn_node_labels (label_name, node_id);

-- One spec per Command node. ac_ref has no foreign key on purpose: core refuses to delete an
-- AcceptanceCriteria node a command verifies, and a cascade deletes both in one transaction in an order
-- a non-deferred key would reject. env (a JSON object) and artifacts (a JSON array) are columns, not
-- tables: they are only ever read and written whole with their spec.
CREATE TABLE cairn_command_specs (
    node_id   TEXT NOT NULL PRIMARY KEY REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    ac_ref    TEXT NOT NULL,
    shell     TEXT NOT NULL,
    workdir   TEXT,
    env       TEXT,
    artifacts TEXT
);

CREATE INDEX cairn_command_specs_ac_ref ON cairn_command_specs (ac_ref);

-- The audit trail. No foreign key to cairn_nodes: events outlive the nodes they tell about.
-- AUTOINCREMENT, unlike a plain rowid, never hands out a number again after the newest row is deleted.
CREATE TABLE cairn_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    node_id     TEXT    NOT NULL,
    event_type  TEXT    NOT NULL CHECK (event_type IN ('created', 'updated', 'status_changed', 'linked', 'unlinked',
                                                       'labelled', 'unlabelled', 'deleted')),
    occurred_at INTEGER NOT NULL,
    actor       TEXT,
    -- A JSON object: the changed fields with their old and new values, the other end of a link, labels.
    details     TEXT
);

CREATE INDEX cairn_events_node ON cairn_events (node_id, seq);
