-- Schema 9: sealed bundles (format 3.0). This installation's HPKE key pair, which opens the bundles sealed to it
-- (made on the first start of this version), and each known device's sealing public key: NULL for a device known
-- only from bundles of format 2.x, until a bundle signed with its trusted key brings it.
ALTER TABLE device_key ADD COLUMN sealing_private BLOB;  -- raw X25519 key, 32 bytes
ALTER TABLE device_key ADD COLUMN sealing_public TEXT;   -- raw X25519 key, 64 lowercase hex digits
ALTER TABLE known_devices ADD COLUMN sealing_key TEXT;
