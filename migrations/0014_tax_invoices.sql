-- Saudi simplified tax invoices: the seller's VAT registration number (15 digits,
-- first and last 3). Providers licensed before this was asked keep null and are
-- asked to add it; every new licence application carries it.
alter table providers add column vat_number text check (vat_number ~ '^3[0-9]{13}3$');
