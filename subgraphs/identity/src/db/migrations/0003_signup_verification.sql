-- Patient sign-up waiting for the one-time code sent to the login (e-mail or SMS). One row per
-- sign-up attempt, whether or not the login already has an account (the answer must not tell).
create table if not exists signup_verification (
  id uuid primary key,
  -- lowercased e-mail or +7XXXXXXXXXX
  login text not null,
  channel text not null check (channel in ('email', 'sms')),
  -- argon2id of the chosen password; the password itself is never stored
  password_hash text not null,
  display_name text not null,
  -- HMAC-SHA256 (key derived from the master key) of id and code; the code is never stored
  code_hash text not null,
  attempts integer not null default 0,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
-- statement-break
create index if not exists signup_verification_expires_idx on signup_verification (expires_at);
