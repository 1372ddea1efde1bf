-- Cairn's schema for PostgreSQL, version 1: nodes, links, labels, command specs, events.
--
-- Every table is prefixed cairn_ so that Cairn can share a schema with an application's own tables (the
-- migration engine counts versions per module for the same reason). Tables are created unqualified, in
-- the schema the store was opened with (?schema=...), so that one database can hold a plan per tenant.
--
-- Times are BIGINT milliseconds since the epoch (UTC), not timestamptz: exact for the millisecond
-- precision Cairn keeps, and the same on every backend.
--
-- Ids, titles and the other text that queries sort by are COLLATE "C": they sort by code point, as Java's
-- String order does outside the surrogate range, and as the other backends do, whatever locale the
-- database was created with (en_US would put 'a' before 'B'). Text search folds case under the database's
-- own locale instead (see the store's filters): in a database created with a UTF-8 locale a search for
-- 'été' finds 'ÉTÉ'; in one created with locale C only ASCII letters fold.
--
-- Layers, statuses and the rest are TEXT with CHECK constraints rather than enum types: values bind as
-- plain strings from every driver and tool, and a later value is one constraint change, where an enum
-- value cannot be removed again. The checks keep another writer from poisoning every later read.

CREATE TABLE cairn_nodes (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    layer         TEXT    NOT NULL CHECK (layer IN ('Goal', 'Concept', 'Context', 'Constraints', 'Requirements',
                                                    'AcceptanceCriteria', 'InterfaceContract', 'Phase', 'Step',
                                                    'Task', 'SubTask', 'Command')),
    title         TEXT COLLATE "C" NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
    description   TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'blocked',
                                                     'cancelled')),
    progress      INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    owner         TEXT COLLATE "C",
    assignee      TEXT COLLATE "C",
    severity      TEXT    CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    work_type     TEXT    CHECK (work_type IN ('architecture', 'spec', 'interface', 'validation', 'implementation',
                                               'docs', 'ops', 'refactor', 'chore', 'test')),
    started_at    BIGINT,
    completed_at  BIGINT,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    version       BIGINT  NOT NULL CHECK (version >= 1),
    -- A JSON object as text, NULL when the node has none: custom fields are read and written whole with the
    -- node and never filtered on, so neither a key-value table nor jsonb (which reorders keys and drops
    -- duplicates) would buy anything. The check keeps other writers to JSON objects.
    custom_fields TEXT    CHECK (custom_fields IS NULL OR json_typeof(custom_fields::json) = 'object')
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
    parent_id TEXT COLLATE "C" NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    child_id  TEXT COLLATE "C" NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    PRIMARY KEY (parent_id, child_id),
    CHECK (parent_id <> child_id)
);

CREATE INDEX cairn_links_child ON cairn_links (child_id, parent_id);

-- Labels outlive the nodes that carry them, so that a defined label keeps its description.
CREATE TABLE cairn_labels (
    name        TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    description TEXT
);

CREATE TABLE cairn_node_labels (
    node_id    TEXT COLLATE "C" NOT NULL REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    label_name TEXT COLLATE "C" NOT NULL REFERENCES cairn_labels (name),
    PRIMARY KEY (node_id, label_name)
);

CREATE INDEX cairn_node_labels_label ON cairn_node_labels (label_name, node_id);

-- One spec per Command node. ac_ref has no foreign key on purpose: core refuses to delete an
-- AcceptanceCriteria node a command verifies, and a cascade deletes both in one transaction in an order
-- a non-deferred key would reject. env (a JSON object) and artifacts (a JSON array) are columns, not
-- tables: they are only ever read and written whole with their spec.
CREATE TABLE cairn_command_specs (
    node_id   TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES cairn_nodes (id) ON DELETE CASCADE,
    ac_ref    TEXT COLLATE "C" NOT NULL,
    shell     TEXT NOT NULL,
    workdir   TEXT,
    env       TEXT,
    artifacts TEXT
);

CREATE INDEX cairn_command_specs_ac_ref ON cairn_command_specs (ac_ref);

-- The audit trail. No foreign key to cairn_nodes: events outlive the nodes they tell about.
-- An identity column never hands out a number twice. The store's writers to one schema commit one at a
-- time (a transaction-scoped advisory lock, taken first), so numbers are taken in commit order: readers
-- paging by seq never pass a number whose transaction commits later.
CREATE TABLE cairn_events (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id     TEXT COLLATE "C" NOT NULL,
    event_type  TEXT   NOT NULL CHECK (event_type IN ('created', 'updated', 'status_changed', 'linked', 'unlinked',
                                                      'labelled', 'unlabelled', 'deleted')),
    occurred_at BIGINT NOT NULL,
    actor       TEXT,
    -- A JSON object: the changed fields with their old and new values, the other end of a link, labels.
    details     TEXT
);

CREATE INDEX cairn_events_node ON cairn_events (node_id, seq);
