package dev.cairn.store.jdbc;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The tables and columns every backend's migrations create, as jOOQ references: no code generation, so
 * the names here must match the {@code V*__*.sql} files of each backend. Names are rendered unquoted,
 * so that each database folds them its own way, as it did when the tables were created.
 */
final class Schema {
    static final Table<Record> NODES = table(name("cairn_nodes"));
    static final Field<String> NODE_ID = field(name("cairn_nodes", "id"), String.class);
    static final Field<String> NODE_LAYER = field(name("cairn_nodes", "layer"), String.class);
    static final Field<String> NODE_TITLE = field(name("cairn_nodes", "title"), String.class);
    static final Field<String> NODE_DESCRIPTION = field(name("cairn_nodes", "description"), String.class);
    static final Field<String> NODE_STATUS = field(name("cairn_nodes", "status"), String.class);
    static final Field<Integer> NODE_PROGRESS = field(name("cairn_nodes", "progress"), Integer.class);
    static final Field<String> NODE_OWNER = field(name("cairn_nodes", "owner"), String.class);
    static final Field<String> NODE_ASSIGNEE = field(name("cairn_nodes", "assignee"), String.class);
    static final Field<String> NODE_SEVERITY = field(name("cairn_nodes", "severity"), String.class);
    static final Field<String> NODE_WORK_TYPE = field(name("cairn_nodes", "work_type"), String.class);
    static final Field<Long> NODE_STARTED_AT = field(name("cairn_nodes", "started_at"), Long.class);
    static final Field<Long> NODE_COMPLETED_AT = field(name("cairn_nodes", "completed_at"), Long.class);
    static final Field<Long> NODE_CREATED_AT = field(name("cairn_nodes", "created_at"), Long.class);
    static final Field<Long> NODE_UPDATED_AT = field(name("cairn_nodes", "updated_at"), Long.class);
    static final Field<Long> NODE_VERSION = field(name("cairn_nodes", "version"), Long.class);
    static final Field<String> NODE_CUSTOM_FIELDS = field(name("cairn_nodes", "custom_fields"), String.class);

    static final Table<Record> LINKS = table(name("cairn_links"));
    static final Field<String> LINK_PARENT = field(name("cairn_links", "parent_id"), String.class);
    static final Field<String> LINK_CHILD = field(name("cairn_links", "child_id"), String.class);

    static final Table<Record> LABELS = table(name("cairn_labels"));
    static final Field<String> LABEL_NAME = field(name("cairn_labels", "name"), String.class);
    static final Field<String> LABEL_DESCRIPTION = field(name("cairn_labels", "description"), String.class);

    static final Table<Record> NODE_LABELS = table(name("cairn_node_labels"));
    static final Field<String> NODE_LABEL_NODE = field(name("cairn_node_labels", "node_id"), String.class);
    static final Field<String> NODE_LABEL_NAME = field(name("cairn_node_labels", "label_name"), String.class);

    static final Table<Record> COMMANDS = table(name("cairn_command_specs"));
    static final Field<String> COMMAND_NODE = field(name("cairn_command_specs", "node_id"), String.class);
    static final Field<String> COMMAND_AC_REF = field(name("cairn_command_specs", "ac_ref"), String.class);
    static final Field<String> COMMAND_SHELL = field(name("cairn_command_specs", "shell"), String.class);
    static final Field<String> COMMAND_WORKDIR = field(name("cairn_command_specs", "workdir"), String.class);
    static final Field<String> COMMAND_ENV = field(name("cairn_command_specs", "env"), String.class);
    static final Field<String> COMMAND_ARTIFACTS = field(name("cairn_command_specs", "artifacts"), String.class);

    static final Table<Record> EVENTS = table(name("cairn_events"));
    static final Field<Long> EVENT_SEQ = field(name("cairn_events", "seq"), Long.class);
    static final Field<String> EVENT_NODE = field(name("cairn_events", "node_id"), String.class);
    static final Field<String> EVENT_TYPE = field(name("cairn_events", "event_type"), String.class);
    static final Field<Long> EVENT_AT = field(name("cairn_events", "occurred_at"), Long.class);
    static final Field<String> EVENT_ACTOR = field(name("cairn_events", "actor"), String.class);
    static final Field<String> EVENT_DETAILS = field(name("cairn_events", "details"), String.class);

    // Schema version 2: command runs, their artifact checks, and leases (RunRows). Booleans are INTEGER 0/1 on
    // SQLite, BOOLEAN elsewhere; the drivers bind and read Java booleans as either.
    static final Table<Record> RUNS = table(name("cairn_command_runs"));
    static final Field<String> RUN_NODE = field(name("cairn_command_runs", "node_id"), String.class);
    static final Field<Integer> RUN_NUMBER = field(name("cairn_command_runs", "run_number"), Integer.class);
    static final Field<Long> RUN_STARTED_AT = field(name("cairn_command_runs", "started_at"), Long.class);
    static final Field<Long> RUN_ENDED_AT = field(name("cairn_command_runs", "ended_at"), Long.class);
    static final Field<Integer> RUN_EXIT_CODE = field(name("cairn_command_runs", "exit_code"), Integer.class);
    static final Field<Boolean> RUN_TIMED_OUT = field(name("cairn_command_runs", "timed_out"), Boolean.class);
    static final Field<String> RUN_OUTPUT_TAIL = field(name("cairn_command_runs", "output_tail"), String.class);
    static final Field<String> RUN_LOG_PATH = field(name("cairn_command_runs", "log_path"), String.class);
    static final Field<String> RUN_ACTOR = field(name("cairn_command_runs", "actor"), String.class);

    static final Table<Record> ARTIFACTS = table(name("cairn_run_artifacts"));
    static final Field<String> ARTIFACT_NODE = field(name("cairn_run_artifacts", "node_id"), String.class);
    static final Field<Integer> ARTIFACT_RUN = field(name("cairn_run_artifacts", "run_number"), Integer.class);
    static final Field<String> ARTIFACT_PATH = field(name("cairn_run_artifacts", "path"), String.class);
    static final Field<Boolean> ARTIFACT_PRESENT = field(name("cairn_run_artifacts", "present"), Boolean.class);
    static final Field<Long> ARTIFACT_SIZE = field(name("cairn_run_artifacts", "size_bytes"), Long.class);
    static final Field<String> ARTIFACT_SHA256 = field(name("cairn_run_artifacts", "sha256"), String.class);

    static final Table<Record> LEASES = table(name("cairn_command_leases"));
    static final Field<String> LEASE_NODE = field(name("cairn_command_leases", "node_id"), String.class);
    static final Field<String> LEASE_HOLDER = field(name("cairn_command_leases", "holder"), String.class);
    static final Field<Long> LEASE_ACQUIRED_AT = field(name("cairn_command_leases", "acquired_at"), Long.class);
    static final Field<Long> LEASE_EXPIRES_AT = field(name("cairn_command_leases", "expires_at"), Long.class);

    /** The columns of a node row, in the order {@link NodeRows} reads them and {@link NodeColumns} gives them. */
    static final Field<?>[] NODE_COLUMNS = {NODE_ID, NODE_LAYER, NODE_TITLE, NODE_DESCRIPTION, NODE_STATUS,
            NODE_PROGRESS, NODE_OWNER, NODE_ASSIGNEE, NODE_SEVERITY, NODE_WORK_TYPE, NODE_STARTED_AT,
            NODE_COMPLETED_AT, NODE_CREATED_AT, NODE_UPDATED_AT, NODE_VERSION, NODE_CUSTOM_FIELDS};

    /** The columns of a command spec's row, in the order {@link NodeColumns} gives their values. */
    static final Field<?>[] COMMAND_COLUMNS = {COMMAND_NODE, COMMAND_AC_REF, COMMAND_SHELL, COMMAND_WORKDIR,
            COMMAND_ENV, COMMAND_ARTIFACTS};

    private Schema() {
    }
}
