-- The platform speaks nine languages (src/common/i18n.ts, `languageTable`): an account's
-- language, which its emails are written in, and a queued email's language may be any of them.
-- Both checks are replaced in one statement per table (one lock each); the rows already there,
-- all Arabic or English, satisfy the wider check. The other language columns (a mission's
-- texts, a complaint's or a survey's language) were never limited to two languages.

alter table accounts
  drop constraint accounts_locale_check,
  add constraint accounts_locale_check check (locale in ('ar', 'en', 'fr', 'ur', 'id', 'tr', 'ms', 'bn', 'fa'));

alter table outbox_messages
  drop constraint outbox_messages_locale_check,
  add constraint outbox_messages_locale_check check (locale in ('ar', 'en', 'fr', 'ur', 'id', 'tr', 'ms', 'bn', 'fa'));
