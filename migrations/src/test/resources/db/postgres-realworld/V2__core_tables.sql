CREATE TABLE projects (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    slug text GENERATED ALWAYS AS (lower(replace(name, ' ', '-'))) STORED,
    settings jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE projects IS 'Projects; each has tasks. Don''t delete; archive.';
CREATE TABLE tasks (
    id bigserial PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title varchar(500) NOT NULL CHECK (length(title) > 0),
    status task_status NOT NULL DEFAULT 'planned',
    priority priority NOT NULL DEFAULT 'medium',
    estimate positive_int,
    tags text[] NOT NULL DEFAULT ARRAY[]::text[],
    deleted_at timestamptz,
    search tsvector
);
COMMENT ON COLUMN tasks.title IS 'Title; shown in lists /* not a comment */ -- nor this';
CREATE TABLE task_links (
    parent_id bigint NOT NULL REFERENCES tasks (id),
    child_id bigint NOT NULL REFERENCES tasks (id),
    PRIMARY KEY (parent_id, child_id),
    CONSTRAINT no_self_link CHECK (parent_id <> child_id)
);
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    operation char(1) NOT NULL,
    row_data jsonb,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE invoices (
    number integer PRIMARY KEY DEFAULT nextval('invoice_number_seq'),
    project_id bigint REFERENCES projects (id),
    amount money_amount
);
