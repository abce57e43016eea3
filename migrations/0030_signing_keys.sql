-- Ed25519 signing keys for everything a gate or a stranger checks offline: permits, booking
-- confirmations, pilgrim cards, the revocation list (src/modules/signing, docs/algorithms/permits.md).
-- One key is active (signs); rotation retires it: a retired key still verifies what it signed.
create table signing_keys (
  key_id       integer primary key check (key_id between 1 and 65535),
  public_key   text not null,              -- the 32 raw bytes, base64url
  private_key  text not null,              -- PKCS#8 DER, base64url; read only by the signing module, never sent
  status       text not null check (status in ('active', 'retired')),
  created_at   timestamptz not null,
  retired_at   timestamptz,
  check ((status = 'retired') = (retired_at is not null))
);
create unique index signing_keys_one_active on signing_keys ((true)) where status = 'active';
