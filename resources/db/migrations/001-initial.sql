-- Schema 1: facilities, inspections with revisions, findings, evidence metadata, the audit trail,
-- the device's identity and settings. Dates are ISO-8601 text; booleans are 0/1.

CREATE TABLE device (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    id          TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE facilities (
    id                              TEXT PRIMARY KEY,
    code                            TEXT NOT NULL UNIQUE,
    name                            TEXT NOT NULL,
    kana                            TEXT NOT NULL,
    address                         TEXT NOT NULL,
    licensed_beds                   INTEGER NOT NULL CHECK (licensed_beds >= 0),
    has_medical_information_system  INTEGER NOT NULL CHECK (has_medical_information_system IN (0, 1)),
    uses_emr                        INTEGER NOT NULL CHECK (uses_emr IN (0, 1)),
    demo                            INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
);

CREATE TABLE facility_vendors (
    facility_id  TEXT NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    vendor_name  TEXT NOT NULL,
    system       TEXT NOT NULL,
    PRIMARY KEY (facility_id, position)
);

CREATE TABLE inspections (
    id                   TEXT PRIMARY KEY,
    facility_id          TEXT NOT NULL REFERENCES facilities (id),
    created_at           TEXT NOT NULL,
    demo                 INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    -- The end of the audit chain, kept with every event so that cutting off the newest events shows.
    audit_last_sequence  INTEGER NOT NULL DEFAULT 0,
    audit_last_hash      TEXT NOT NULL
);

CREATE TABLE inspection_revisions (
    inspection_id    TEXT NOT NULL REFERENCES inspections (id),
    revision         INTEGER NOT NULL CHECK (revision >= 1),
    catalog_version  TEXT NOT NULL,
    inspection_date  TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('IN_PROGRESS', 'FINALIZED')),
    amend_reason     TEXT,
    created_at       TEXT NOT NULL,
    finalized_at     TEXT,
    PRIMARY KEY (inspection_id, revision)
);

-- The facility as it was when a revision was finalized: a finalized record and its printout must not change
-- when the facility's data is edited later.
CREATE TABLE revision_facility (
    inspection_id                   TEXT NOT NULL,
    revision                        INTEGER NOT NULL,
    code                            TEXT NOT NULL,
    name                            TEXT NOT NULL,
    kana                            TEXT NOT NULL,
    address                         TEXT NOT NULL,
    licensed_beds                   INTEGER NOT NULL,
    has_medical_information_system  INTEGER NOT NULL,
    uses_emr                        INTEGER NOT NULL,
    vendors                         TEXT NOT NULL,  -- one "vendor<TAB>system" per line
    PRIMARY KEY (inspection_id, revision),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

CREATE TABLE revision_inspectors (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, position),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

CREATE TABLE revision_attendees (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, position),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

CREATE TABLE findings (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    item_id        TEXT NOT NULL,
    answer         TEXT CHECK (answer IN ('COMPLIANT', 'NON_COMPLIANT', 'ALTERNATIVE', 'NOT_APPLICABLE', 'YES', 'NO')),
    confirmed_by   TEXT NOT NULL DEFAULT '',  -- ConfirmationMethod names, comma-separated, in enum order
    checked_on     TEXT,
    note           TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    advice         TEXT NOT NULL DEFAULT '',
    target_date    TEXT,
    follow_up      INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, item_id),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

-- Evidence bytes live outside the database, content-addressed under evidence/ in the data folder.
CREATE TABLE evidence (
    id             TEXT PRIMARY KEY,
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    item_id        TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at       TEXT NOT NULL,
    removed_at     TEXT,
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

CREATE TABLE audit_events (
    inspection_id  TEXT NOT NULL REFERENCES inspections (id),
    sequence       INTEGER NOT NULL CHECK (sequence >= 1),
    id             TEXT NOT NULL UNIQUE,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    subject        TEXT,
    old_value      TEXT,
    new_value      TEXT,
    reason         TEXT,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL,
    PRIMARY KEY (inspection_id, sequence)
);

-- The trail is append-only for the application; the hash chain catches anyone who edits the file directly.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- A finalized revision is locked: a correction is a new revision.
CREATE TRIGGER findings_locked_insert BEFORE INSERT ON findings
WHEN (SELECT status FROM inspection_revisions
      WHERE inspection_id = NEW.inspection_id AND revision = NEW.revision) = 'FINALIZED'
BEGIN
    SELECT RAISE(ABORT, 'revision is finalized');
END;

CREATE TRIGGER findings_locked_update BEFORE UPDATE ON findings
WHEN (SELECT status FROM inspection_revisions
      WHERE inspection_id = OLD.inspection_id AND revision = OLD.revision) = 'FINALIZED'
BEGIN
    SELECT RAISE(ABORT, 'revision is finalized');
END;

CREATE INDEX inspections_by_facility ON inspections (facility_id);
CREATE INDEX evidence_by_finding ON evidence (inspection_id, revision, item_id);
