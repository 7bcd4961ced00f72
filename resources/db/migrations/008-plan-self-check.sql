-- Schema 8: the self-check of a planned inspection, as the hospital and its vendors filled in the workbooks the office
-- sent (at the office), and as the assignments bundle brought it with the plan (on a tablet). The office keeps every
-- plan's self-check, even where no inspection follows. The rows mirror those of an inspection's forms (schema 7), so
-- that one piece of code reads and writes both; a plan's self-check has no inspector's confirmation.

CREATE TABLE plan_hospital_form (
    plan_id              TEXT NOT NULL REFERENCES assignments (id),
    ministry_number      TEXT NOT NULL,
    answer               TEXT CHECK (answer IN ('YES', 'NO')),
    checked_on           TEXT,
    target_date          TEXT,
    confirmation         TEXT CHECK (confirmation IS NULL),
    confirmation_reason  TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL,
    PRIMARY KEY (plan_id, ministry_number)
);

CREATE TABLE plan_vendor_forms (
    plan_id         TEXT NOT NULL REFERENCES assignments (id),
    vendor_name     TEXT NOT NULL,
    system          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('RECEIVED', 'MISSING')),
    filled_on       TEXT,
    missing_reason  TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (plan_id, vendor_name, system)
);

CREATE TABLE plan_vendor_form_answers (
    plan_id          TEXT NOT NULL,
    vendor_name      TEXT NOT NULL,
    system           TEXT NOT NULL,
    ministry_number  TEXT NOT NULL,
    answer           TEXT NOT NULL CHECK (answer IN ('YES', 'NO')),
    PRIMARY KEY (plan_id, vendor_name, system, ministry_number),
    FOREIGN KEY (plan_id, vendor_name, system)
        REFERENCES plan_vendor_forms (plan_id, vendor_name, system) ON DELETE CASCADE
);

-- At the office: the filled workbook each form came from (kind HOSPITAL with vendor and system '', or VENDOR with its
-- contract): its SHA-256 (the same file again changes nothing), its name, when and by whom it was imported.
CREATE TABLE plan_self_check_sources (
    plan_id      TEXT NOT NULL REFERENCES assignments (id),
    kind         TEXT NOT NULL CHECK (kind IN ('HOSPITAL', 'VENDOR')),
    vendor_name  TEXT NOT NULL,
    system       TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    PRIMARY KEY (plan_id, kind, vendor_name, system)
);

-- Every import and every field it changed, per plan, hash-chained like an inspection's trail.
CREATE TABLE plan_self_check_events (
    plan_id        TEXT NOT NULL,
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
    PRIMARY KEY (plan_id, sequence)
);

CREATE TABLE plan_self_check_heads (
    plan_id        TEXT PRIMARY KEY,
    last_sequence  INTEGER NOT NULL,
    last_hash      TEXT NOT NULL
);

CREATE TRIGGER plan_self_check_events_no_update BEFORE UPDATE ON plan_self_check_events
BEGIN
    SELECT RAISE(ABORT, 'self-check events are append-only');
END;

CREATE TRIGGER plan_self_check_events_no_delete BEFORE DELETE ON plan_self_check_events
BEGIN
    SELECT RAISE(ABORT, 'self-check events are append-only');
END;

-- On a tablet: the inspection started from a plan, and the plan's self-check it was last filled from (its content's
-- SHA-256), so that a self-check fills an inspection once when it arrives, never again over the inspector's work.
CREATE TABLE plan_inspections (
    inspection_id   TEXT PRIMARY KEY REFERENCES inspections (id),
    plan_id         TEXT NOT NULL,
    filled_from     TEXT,
    filled_at       TEXT
);
