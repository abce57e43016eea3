-- Pilgrim profiles and their documents. A passport belongs to one account only.

create table pilgrim_profiles (
  account_id                 uuid primary key references accounts (id),
  residence_country          text not null check (residence_country ~ '^[A-Z]{2}$'),
  nationality                text not null check (nationality ~ '^[A-Z]{2}$'),
  given_names_latin          text not null,
  family_name_latin          text not null,
  full_name_arabic           text not null,
  date_of_birth              date not null,
  gender                     text not null check (gender in ('male', 'female')),
  passport_number            text not null,
  passport_key               text not null unique,   -- nationality + normalised number
  passport_expiry            date not null,
  meningococcal_vaccination  date,
  health_conditions          text[] not null default '{}',
  version                    integer not null default 1,
  created_at                 timestamptz not null,
  updated_at                 timestamptz not null
);

create table pilgrim_documents (
  id                uuid primary key,
  account_id        uuid not null references accounts (id),
  type              text not null check (type in ('photo', 'passport_scan', 'residence_proof', 'vaccination_certificate')),
  status            text not null check (status in ('pending', 'approved', 'rejected', 'superseded')),
  storage_key       text not null,
  content_type      text not null,
  size_bytes        integer not null check (size_bytes > 0),
  sha256            text not null,
  rejection_reason  text,
  uploaded_at       timestamptz not null,
  reviewed_at       timestamptz,
  reviewed_by       uuid references accounts (id)
);
create index pilgrim_documents_account_idx on pilgrim_documents (account_id, type);
create index pilgrim_documents_queue_idx on pilgrim_documents (uploaded_at) where status = 'pending';
