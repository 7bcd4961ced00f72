-- Schema 11: follow-up on a tablet. The office's follow-up of the planned facilities' earlier inspections, as the
-- newest assignments bundle that carried each facility brought it (replaced whole per facility), and the inspector's
-- confirmation on site that an item's earlier finding was looked at again, kept with the inspection's revision.

-- One earlier inspection with findings that needed improvement, and the day its improvement report arrived (NULL: not
-- yet), under the tablet's id of its facility.
CREATE TABLE previous_follow_ups (
    facility_id         TEXT NOT NULL REFERENCES facilities (id),
    inspection_id       TEXT NOT NULL,
    inspection_date     TEXT NOT NULL,
    report_received_on  TEXT,
    PRIMARY KEY (facility_id, inspection_id)
);

-- Each finding of it: its target date, what the hospital did and when, the office's assessment (NULL: none yet).
CREATE TABLE previous_follow_up_items (
    facility_id      TEXT NOT NULL,
    inspection_id    TEXT NOT NULL,
    item_id          TEXT NOT NULL,
    target_date      TEXT,
    action           TEXT NOT NULL DEFAULT '',
    done_on          TEXT,
    assessment       TEXT CHECK (assessment IS NULL OR assessment IN ('CLOSED', 'IN_PROGRESS', 'NOT_DONE')),
    new_target_date  TEXT,
    PRIMARY KEY (facility_id, inspection_id, item_id),
    FOREIGN KEY (facility_id, inspection_id)
        REFERENCES previous_follow_ups (facility_id, inspection_id) ON DELETE CASCADE
);

-- Which bundle a facility's follow-up came from: the office, its bundle number and the SHA-256 of what it said of the
-- facility. Only a bundle numbered higher replaces it, and one that says the same changes none of it.
CREATE TABLE previous_follow_up_sources (
    facility_id    TEXT PRIMARY KEY REFERENCES facilities (id),
    office_device  TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    content_hash   TEXT NOT NULL CHECK (length(content_hash) = 64)
);

-- The inspector confirmed on site what became of the earlier finding of an item (「現地で確認した」): per revision, like a
-- finding, copied into a new revision and locked with a finalized one.
CREATE TABLE follow_up_confirmations (
    inspection_id           TEXT NOT NULL,
    revision                INTEGER NOT NULL,
    item_id                 TEXT NOT NULL,
    previous_inspection_id  TEXT NOT NULL,
    confirmed_at            TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, item_id),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

CREATE TRIGGER follow_up_confirmations_locked_insert BEFORE INSERT ON follow_up_confirmations
WHEN (SELECT status FROM inspection_revisions
      WHERE inspection_id = NEW.inspection_id AND revision = NEW.revision) = 'FINALIZED'
BEGIN
    SELECT RAISE(ABORT, 'revision is finalized');
END;

CREATE TRIGGER follow_up_confirmations_locked_delete BEFORE DELETE ON follow_up_confirmations
WHEN (SELECT status FROM inspection_revisions
      WHERE inspection_id = OLD.inspection_id AND revision = OLD.revision) = 'FINALIZED'
BEGIN
    SELECT RAISE(ABORT, 'revision is finalized');
END;
