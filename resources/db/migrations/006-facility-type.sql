-- Schema 6: what kind of facility is inspected (医療法: a hospital has 20+ beds, a clinic 0–19), and which fee
-- add-ons with security conditions it claims from when, both deciding which items and advice apply.

ALTER TABLE facilities ADD COLUMN type TEXT NOT NULL DEFAULT 'hospital'
    CHECK (type IN ('hospital', 'clinicWithBeds', 'clinicWithoutBeds'));
-- One "add-on id<TAB>first day claimed (YYYY-MM-DD)" per line.
ALTER TABLE facilities ADD COLUMN fee_add_on_claims TEXT NOT NULL DEFAULT '';
-- Facilities recorded before types existed are classified by their beds, as the law defines the types.
UPDATE facilities SET type = CASE WHEN licensed_beds >= 20 THEN 'hospital'
                                  WHEN licensed_beds >= 1 THEN 'clinicWithBeds'
                                  ELSE 'clinicWithoutBeds' END;

ALTER TABLE revision_facility ADD COLUMN type TEXT NOT NULL DEFAULT 'hospital'
    CHECK (type IN ('hospital', 'clinicWithBeds', 'clinicWithoutBeds'));
ALTER TABLE revision_facility ADD COLUMN fee_add_on_claims TEXT NOT NULL DEFAULT '';
UPDATE revision_facility SET type = CASE WHEN licensed_beds >= 20 THEN 'hospital'
                                         WHEN licensed_beds >= 1 THEN 'clinicWithBeds'
                                         ELSE 'clinicWithoutBeds' END;
