-- Schema 4: a conflict can be settled either way. Taking the arriving version replaces the office's copy of
-- the inspection with it; the version it replaces is kept whole in this table, so nothing is lost.

-- KEPT_STORED, TOOK_ARRIVING, or DISPLACED (the stored version that an arriving one replaced).
ALTER TABLE conflicts ADD COLUMN resolution TEXT
    CHECK (resolution IN ('KEPT_STORED', 'TOOK_ARRIVING', 'DISPLACED'));
-- The manifest entries (id, size, sha256, mediaType) of the version's evidence, whose bytes are kept in
-- the evidence folder from the moment the version arrives.
ALTER TABLE conflicts ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

UPDATE conflicts SET resolution = 'KEPT_STORED' WHERE resolved_at IS NOT NULL;

-- While an inspection is listed here (only inside the transaction that replaces it with a chosen version),
-- its tablet trail may be replaced; the replaced trail is kept in the displaced version. Everywhere else
-- the trail stays append-only.
CREATE TABLE trail_replacements (
    inspection_id  TEXT PRIMARY KEY
);

DROP TRIGGER audit_events_no_delete;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM trail_replacements WHERE inspection_id = OLD.inspection_id)
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
