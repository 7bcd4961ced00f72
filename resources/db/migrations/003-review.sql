-- Schema 3: the office's review. Its decisions have their own hash-chained trail per inspection, beside the
-- tablet's (which arrives in bundles and must stay exactly as the tablet wrote it).

CREATE TABLE review_events (
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

CREATE TABLE review_heads (
    inspection_id  TEXT PRIMARY KEY REFERENCES inspections (id),
    last_sequence  INTEGER NOT NULL,
    last_hash      TEXT NOT NULL
);

CREATE TRIGGER review_events_no_update BEFORE UPDATE ON review_events
BEGIN
    SELECT RAISE(ABORT, 'review events are append-only');
END;

CREATE TRIGGER review_events_no_delete BEFORE DELETE ON review_events
BEGIN
    SELECT RAISE(ABORT, 'review events are append-only');
END;

-- A supervisor has opened the revision for review (the status "in review" until a decision).
CREATE TABLE review_started (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    started_at     TEXT NOT NULL,
    started_by     TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision)
);

