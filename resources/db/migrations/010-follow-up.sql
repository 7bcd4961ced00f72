-- Schema 10: follow-up at the office. The hospital's improvement report (改善報告) on an inspection, the office's
-- assessment of each finding that needed improvement, the hospital's evidence for it, and a hash-chained trail of
-- every change per inspection (like the review's).

CREATE TABLE improvement_reports (
    inspection_id  TEXT PRIMARY KEY REFERENCES inspections (id),
    received_on    TEXT NOT NULL,
    contact_name   TEXT NOT NULL CHECK (length(contact_name) >= 1),
    contact_role   TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL
);

-- One row per finding the report answers: what the hospital did and when, and the office's assessment.
CREATE TABLE follow_up_items (
    inspection_id    TEXT NOT NULL REFERENCES improvement_reports (inspection_id),
    item_id          TEXT NOT NULL,
    action           TEXT NOT NULL DEFAULT '',
    done_on          TEXT,
    assessment       TEXT NOT NULL CHECK (assessment IN ('CLOSED', 'IN_PROGRESS', 'NOT_DONE')),
    new_target_date  TEXT,
    updated_at       TEXT NOT NULL,
    CHECK (assessment <> 'CLOSED' OR done_on IS NOT NULL),
    CHECK (assessment <> 'IN_PROGRESS' OR new_target_date IS NOT NULL),
    PRIMARY KEY (inspection_id, item_id)
);

-- The hospital's evidence: bytes content-addressed under evidence/, as the tablets' evidence is.
CREATE TABLE follow_up_evidence (
    id             TEXT PRIMARY KEY,
    inspection_id  TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at       TEXT NOT NULL,
    FOREIGN KEY (inspection_id, item_id) REFERENCES follow_up_items (inspection_id, item_id)
);

CREATE TABLE follow_up_events (
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

CREATE TABLE follow_up_heads (
    inspection_id  TEXT PRIMARY KEY REFERENCES inspections (id),
    last_sequence  INTEGER NOT NULL,
    last_hash      TEXT NOT NULL
);

CREATE TRIGGER follow_up_events_no_update BEFORE UPDATE ON follow_up_events
BEGIN
    SELECT RAISE(ABORT, 'follow-up events are append-only');
END;

CREATE TRIGGER follow_up_events_no_delete BEFORE DELETE ON follow_up_events
BEGIN
    SELECT RAISE(ABORT, 'follow-up events are append-only');
END;

CREATE TRIGGER follow_up_evidence_no_delete BEFORE DELETE ON follow_up_evidence
BEGIN
    SELECT RAISE(ABORT, 'follow-up evidence is kept');
END;
