-- Schema 7: the hospital's own checklist (医療機関確認用) and its vendors' (事業者確認用), recorded per revision beside
-- the inspector's findings, and the inspector's confirmation of each of the hospital's answers.

-- One row per ministry item of the hospital's form: its はい/いいえ, date checked and (for いいえ) target date, and
-- the inspector's confirmation with its reason.
CREATE TABLE hospital_form (
    inspection_id        TEXT NOT NULL,
    revision             INTEGER NOT NULL,
    ministry_number      TEXT NOT NULL,
    answer               TEXT CHECK (answer IN ('YES', 'NO')),
    checked_on           TEXT,
    target_date          TEXT,
    confirmation         TEXT CHECK (confirmation IN ('AGREES', 'DIFFERS', 'NOT_CONFIRMED')),
    confirmation_reason  TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, ministry_number),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

-- One row per vendor contract of the facility whose form was recorded: received (with the day it was filled in)
-- or missing (with the reason). A contract is named by its vendor and system, as the facility lists it.
CREATE TABLE vendor_forms (
    inspection_id   TEXT NOT NULL,
    revision        INTEGER NOT NULL,
    vendor_name     TEXT NOT NULL,
    system          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('RECEIVED', 'MISSING')),
    filled_on       TEXT,
    missing_reason  TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, vendor_name, system),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

CREATE TABLE vendor_form_answers (
    inspection_id    TEXT NOT NULL,
    revision         INTEGER NOT NULL,
    vendor_name      TEXT NOT NULL,
    system           TEXT NOT NULL,
    ministry_number  TEXT NOT NULL,
    answer           TEXT NOT NULL CHECK (answer IN ('YES', 'NO')),
    PRIMARY KEY (inspection_id, revision, vendor_name, system, ministry_number),
    FOREIGN KEY (inspection_id, revision, vendor_name, system)
        REFERENCES vendor_forms (inspection_id, revision, vendor_name, system) ON DELETE CASCADE
);
