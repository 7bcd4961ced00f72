-- Schema 5: who may send what (docs/bundle-format.md, "Roles, kinds and what each may change").

-- Every known device is enrolled for one role: at an office, inspectors' tablets (which send findings); at a
-- tablet, its office (which sends assignments). A device first seen with an assignments bundle was an office;
-- the kind of its first bundle said no more than that, so it goes.
ALTER TABLE known_devices ADD COLUMN role TEXT NOT NULL DEFAULT 'INSPECTOR' CHECK (role IN ('INSPECTOR', 'OFFICE'));
UPDATE known_devices SET role = CASE kind WHEN 'assignments' THEN 'OFFICE' ELSE 'INSPECTOR' END;
ALTER TABLE known_devices DROP COLUMN kind;

-- A tablet takes assignments from one office. Where an earlier version let a tablet trust several, nothing is
-- changed here: the office trusted last is the tablet's office, and the others' bundles are refused as another
-- office's until the user changes office deliberately (which is recorded).

-- Every decision about a device (accepted after comparing its fingerprint, refused, trusted by
-- --trust-new-devices, a change of office) is an event of one hash-chained trail, like an inspection's.
CREATE TABLE trust_events (
    chain          TEXT NOT NULL,
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
    PRIMARY KEY (chain, sequence)
);

CREATE TABLE trust_heads (
    chain          TEXT PRIMARY KEY,
    last_sequence  INTEGER NOT NULL,
    last_hash      TEXT NOT NULL
);

CREATE TRIGGER trust_events_no_update BEFORE UPDATE ON trust_events
BEGIN
    SELECT RAISE(ABORT, 'trust events are append-only');
END;

CREATE TRIGGER trust_events_no_delete BEFORE DELETE ON trust_events
BEGIN
    SELECT RAISE(ABORT, 'trust events are append-only');
END;

-- The office numbers its assignments bundles: the last number given.
CREATE TABLE assignments_sequence (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    last       INTEGER NOT NULL
);

-- The tablet's side: the newest assignments bundle applied, per office and per audience (an inspector's id,
-- or '*' for a bundle with every inspector's plans). Anything not newer changes nothing.
CREATE TABLE applied_assignments (
    office_device  TEXT NOT NULL,
    audience       TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    bundle_id      TEXT NOT NULL,
    applied_at     TEXT NOT NULL,
    PRIMARY KEY (office_device, audience)
);

-- Plans carry the time of their last change, so that the newest wins however bundles arrive.
ALTER TABLE assignments ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE assignments SET updated_at = created_at;

-- A facility that only a tablet's inspection named (the office did not know it) is that tablet's report, not
-- part of the office's facility master, which assignments bundles carry to every tablet.
ALTER TABLE facilities ADD COLUMN reported_by TEXT;
