-- Identity subgraph schema. One statement per chunk: the runtime migrator splits on the marker line.
create table if not exists account (
  id uuid primary key,
  -- lowercased e-mail or +7XXXXXXXXXX
  login text not null unique,
  password_hash text not null,
  role text not null check (role in ('patient', 'doctor', 'receptionist', 'cashier', 'accountant', 'analyst', 'it_admin', 'security_officer')),
  patient_id uuid unique,
  branch_ids uuid[] not null default '{}',
  display_name text,
  totp_secret text,
  totp_enabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  dismissed_at timestamptz,
  created_at timestamptz not null default now(),
  check (role <> 'patient' or patient_id is not null)
);
-- statement-break
create index if not exists account_role_idx on account (role);
-- statement-break
create index if not exists account_dismissed_idx on account (dismissed_at) where dismissed_at is not null;
-- statement-break
create table if not exists session (
  id uuid primary key,
  account_id uuid not null references account (id),
  -- authentication methods of the sign-in, carried into every refreshed access token
  amr text[] not null default '{}',
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
-- statement-break
create index if not exists session_account_idx on session (account_id);
-- statement-break
create index if not exists session_revoked_idx on session (revoked_at) where revoked_at is not null;
-- statement-break
create table if not exists refresh_token (
  id uuid primary key,
  family_id uuid not null,
  session_id uuid not null references session (id),
  account_id uuid not null references account (id),
  -- sha256 (hex) of the opaque token; the token itself is never stored
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
-- statement-break
create index if not exists refresh_token_family_idx on refresh_token (family_id);
-- statement-break
create index if not exists refresh_token_session_idx on refresh_token (session_id);
-- statement-break
create table if not exists signing_key (
  kid text primary key,
  alg text not null,
  private_jwk jsonb not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now(),
  active boolean not null default true
);
-- statement-break
create unique index if not exists signing_key_one_active on signing_key (active) where active;
-- statement-break
create table if not exists partner_client (
  client_id text primary key,
  -- sha256 (hex) of a 256-bit random secret
  secret_hash text not null,
  role text not null check (role in ('lab_partner', 'service')),
  scopes text[] not null default '{}',
  name text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
