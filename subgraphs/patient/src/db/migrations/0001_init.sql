create table patient (
  id uuid primary key,
  account_id text unique,
  last_name text not null,
  first_name text not null,
  middle_name text,
  sort_name text not null,
  birth_date date not null,
  sex text not null check (sex in ('MALE', 'FEMALE')),
  phone text,
  email text,
  passport text,
  passport_issued_by text,
  passport_issued_on date,
  snils text,
  insurance_policy text,
  registration_address text,
  home_address text,
  workplace text,
  chronic_conditions text[] not null default '{}',
  merged_into uuid references patient (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)
-- statement-break
create index patient_sort_idx on patient (sort_name, id) where merged_into is null
-- statement-break
create index patient_phone_birth_idx on patient (phone, birth_date) where merged_into is null
-- statement-break
create index patient_birth_idx on patient (birth_date) where merged_into is null
-- statement-break
create table consent_text (
  purpose text not null,
  version int not null,
  title text not null,
  body text not null,
  published_at timestamptz not null default now(),
  primary key (purpose, version)
)
-- statement-break
create table consent (
  id uuid primary key,
  patient_id uuid not null references patient (id),
  purpose text not null,
  text_version int not null,
  given_at timestamptz not null,
  given_channel text not null,
  withdrawn_at timestamptz,
  withdrawn_channel text,
  recorded_by text not null,
  foreign key (purpose, text_version) references consent_text (purpose, version)
)
-- statement-break
create unique index consent_one_active_idx on consent (patient_id, purpose) where withdrawn_at is null
-- statement-break
create table care_relationship (
  doctor_account_id text not null,
  patient_id uuid not null references patient (id),
  source text not null,
  valid_until timestamptz not null,
  primary key (doctor_account_id, patient_id, source)
)
-- statement-break
create table idempotency_key (
  key text not null,
  actor_id text not null,
  operation text not null,
  result_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (actor_id, operation, key)
)
-- statement-break
insert into consent_text (purpose, version, title, body) values
('TREATMENT', 1, 'Согласие на медицинское вмешательство и обработку персональных данных в целях лечения',
 'Я даю согласие ООО «Медикаменте» на обработку моих персональных данных, включая сведения о состоянии здоровья, в целях оказания медицинских услуг в соответствии с 152-ФЗ и 323-ФЗ.'),
('PORTAL_ACCOUNT', 1, 'Согласие на использование личного кабинета',
 'Я даю согласие на создание личного кабинета пациента и обработку данных, необходимых для записи на приём и получения уведомлений.'),
('MARKETING', 1, 'Согласие на получение информационных и рекламных сообщений',
 'Я согласен получать сообщения об акциях и услугах клиники по выбранным мной каналам связи. Согласие можно отозвать в любой момент.'),
('LAB_SHARING', 1, 'Согласие на передачу биоматериала и данных в партнёрскую лабораторию',
 'Я даю согласие на передачу биоматериала и обезличенного кода образца в лабораторию-партнёр для выполнения исследований.'),
('ANALYTICS', 1, 'Согласие на обработку обезличенных данных в аналитических целях',
 'Я даю согласие на обработку моих данных в обезличенном (псевдонимизированном) виде для статистики и улучшения качества услуг.')
