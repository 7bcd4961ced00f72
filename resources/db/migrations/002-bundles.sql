-- Schema 2: signed bundles. This installation's signing key, the devices it knows, what it sent and what it
-- received, and what the office sends back (assignments, review results, receipts, catalogs).

-- The private key never leaves this file; bundles carry only the public key.
CREATE TABLE device_key (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    private_key  BLOB NOT NULL,  -- PKCS#8
    public_key   TEXT NOT NULL,  -- raw Ed25519 key, 64 lowercase hex digits
    created_at   TEXT NOT NULL
);

-- Devices whose bundles arrived here: nothing is imported from a device that is not TRUSTED.
CREATE TABLE known_devices (
    device_id      TEXT PRIMARY KEY,
    public_key     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('findings', 'assignments')),
    status         TEXT NOT NULL CHECK (status IN ('PENDING', 'TRUSTED', 'REFUSED')),
    first_seen_at  TEXT NOT NULL,
    first_file     TEXT NOT NULL,
    decided_at     TEXT
);

CREATE TABLE received_bundles (
    bundle_id    TEXT PRIMARY KEY,
    device_id    TEXT NOT NULL REFERENCES known_devices (device_id),
    kind         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    file_name    TEXT NOT NULL
);

CREATE TABLE sent_bundles (
    bundle_id   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    file        TEXT NOT NULL
);

-- Which finalized revisions went out in which findings bundle.
CREATE TABLE sent_revisions (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    bundle_id      TEXT NOT NULL REFERENCES sent_bundles (bundle_id),
    PRIMARY KEY (inspection_id, revision, bundle_id),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

-- Receipts from the office: a findings bundle of ours that it has imported.
CREATE TABLE receipts (
    bundle_id    TEXT PRIMARY KEY,
    received_at  TEXT NOT NULL
);

-- An inspection that came in a bundle was made on another device: it is never sent on from here.
ALTER TABLE inspections ADD COLUMN origin_device TEXT;

-- The content hash of every revision imported from a bundle, to tell "the same again" from a conflict.
CREATE TABLE revision_origin (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    content_hash   TEXT NOT NULL,
    bundle_id      TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision),
    FOREIGN KEY (inspection_id, revision) REFERENCES inspection_revisions (inspection_id, revision)
);

-- A bundle's version of an inspection that disagrees with the stored one: kept whole, beside it, for the
-- supervisor to decide; the stored one is not changed.
CREATE TABLE conflicts (
    inspection_id  TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    bundle_id      TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    content        TEXT NOT NULL,  -- the inspection as the bundle carried it (canonical JSON)
    resolved_at    TEXT,
    PRIMARY KEY (inspection_id, content_hash)
);

-- Planned inspections: made at the office, shown on the inspector's tablet.
CREATE TABLE assignments (
    id              TEXT PRIMARY KEY,
    facility_id     TEXT NOT NULL REFERENCES facilities (id),
    inspector_id    TEXT NOT NULL,
    inspector_name  TEXT NOT NULL,
    planned_date    TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

-- The office's decision on a revision; a returned one carries a comment and, optionally, one per item.
CREATE TABLE review_results (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('APPROVED', 'RETURNED')),
    comment        TEXT NOT NULL,
    decided_at     TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision)
);

CREATE TABLE review_item_comments (
    inspection_id  TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    item_id        TEXT NOT NULL,
    comment        TEXT NOT NULL,
    PRIMARY KEY (inspection_id, revision, item_id),
    FOREIGN KEY (inspection_id, revision) REFERENCES review_results (inspection_id, revision) ON DELETE CASCADE
);

-- Catalog versions received from the office, beside the ones built into the app.
CREATE TABLE received_catalogs (
    version      TEXT PRIMARY KEY,
    document     TEXT NOT NULL,
    received_at  TEXT NOT NULL
);

CREATE INDEX assignments_by_inspector ON assignments (inspector_id, planned_date);
