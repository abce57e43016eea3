-- Foundation: accounts and roles, sessions, emailed tokens, the notification
-- outbox and the append-only audit log. Forward-only: never edit this file
-- once applied; add a new migration instead (the runner checks checksums).

create table accounts (
  id                uuid primary key,
  email             text not null,
  email_normalized  text not null unique,
  password_hash     text,
  role              text not null check (role in
                      ('pilgrim', 'provider_staff', 'ministry_officer', 'ministry_admin',
                       'mission_officer', 'gate_officer')),
  provider_id       uuid,
  country_code      text check (country_code ~ '^[A-Z]{2}$'),
  display_name      text not null,
  locale            text not null check (locale in ('ar', 'en')),
  status            text not null default 'active' check (status in ('active', 'disabled')),
  email_verified_at timestamptz,
  failed_sign_ins   integer not null default 0,
  locked_until      timestamptz,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  -- A provider's staff belong to exactly one provider; a mission officer to exactly one country.
  constraint accounts_provider_binding check ((role = 'provider_staff') = (provider_id is not null)),
  constraint accounts_country_binding check ((role = 'mission_officer') = (country_code is not null))
);
create index accounts_role_idx on accounts (role, created_at);

-- Web sessions (cookie) and API bearer tokens. Only the SHA-256 of the secret is stored.
create table sessions (
  token_hash  text primary key,
  account_id  uuid not null references accounts (id),
  kind        text not null check (kind in ('cookie', 'bearer')),
  label       text,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index sessions_account_idx on sessions (account_id);

-- Single-use secrets sent by email: address verification, password reset, staff invitation.
create table account_tokens (
  token_hash  text primary key,
  account_id  uuid not null references accounts (id),
  purpose     text not null check (purpose in ('verify_email', 'reset_password', 'invite')),
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index account_tokens_account_idx on account_tokens (account_id, purpose);

-- Transactional outbox: a message is written in the same transaction as the change
-- that causes it, then delivered by the dispatcher. Nothing is sent for a rolled-back change.
create table outbox_messages (
  id            uuid primary key,
  channel       text not null default 'email' check (channel in ('email')),
  recipient     text not null,
  locale        text not null check (locale in ('ar', 'en')),
  template      text not null,
  subject       text not null,
  body_text     text not null,
  status        text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts      integer not null default 0,
  last_error    text,
  transport     text,
  available_at  timestamptz not null,
  created_at    timestamptz not null,
  sent_at       timestamptz
);
create index outbox_pending_idx on outbox_messages (available_at) where status = 'pending';
create index outbox_recipient_idx on outbox_messages (recipient, created_at);

-- Audit log: one row per state change, written in the same transaction as the change.
create table audit_log (
  id           bigint generated always as identity primary key,
  occurred_at  timestamptz not null,
  actor_id     uuid,
  actor_role   text,
  action       text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  subject_type text not null,
  subject_id   text not null,
  data         jsonb not null default '{}'::jsonb,
  request_id   text
);
create index audit_log_action_idx on audit_log (action, id);
create index audit_log_subject_idx on audit_log (subject_type, subject_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);
create index audit_log_time_idx on audit_log (occurred_at);

-- Append-only, enforced by the database itself, not only by convention.
create function audit_log_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_reject_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_reject_change();
