CREATE TABLE settings (
    setting_key VARCHAR(100) PRIMARY KEY,
    setting     VARCHAR(1000) DEFAULT '' NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    version     INTEGER DEFAULT 1 NOT NULL CONSTRAINT settings_version_check CHECK (version > 0)
);
