import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ApplyBody, ContactSchema, OfficeSchema } from '../../../../src/common/schemas/providers.ts';
import { call, client } from '../../api/client.ts';
import { toHalalas } from '../../lib/format.ts';
import type { Account } from '../../lib/session.tsx';
import { validate } from '../../lib/validate.ts';
import { CountrySelect, Field } from '../../ui/fields.tsx';
import { useCheckedSubmit } from '../../ui/form.tsx';
import { Alert } from '../../ui/problem.tsx';

const empty = {
  legalNameAr: '', legalNameEn: '', crNumber: '', licenceNumber: '', vatNumber: '', ownershipDeclaration: '', paidUpCapital: '', bankGuaranteeRef: '',
  officeCity: '', officeCountry: 'SA', officeAddress: '', contactName: '', contactEmail: '', contactPhone: '',
};
type Values = typeof empty;

/** A signed-in person applies for a licence on behalf of their company; their account becomes its owner. */
export function ApplyPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [v, setV] = useState(empty);
  // The office and the contact are lists in the request: their fields are checked one by one with the same shared schemas.
  const [nested, setNested] = useState<{ office: Record<string, string>; contact: Record<string, string> }>({ office: {}, contact: {} });
  const { errors, formError, submitting, submit: checkAndSend } = useCheckedSubmit(ApplyBody);

  const change = (name: keyof Values) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [name]: e.target.value }));
  const bind = (name: keyof Values) => ({ name, value: v[name], error: errors[name], onChange: change(name) });
  const bindIn = (group: 'office' | 'contact', field: string, name: keyof Values) => ({
    name,
    value: v[name],
    error: nested[group][field] ?? (Object.keys(nested[group]).length === 0 ? errors[group === 'office' ? 'offices' : 'contacts'] : undefined),
    onChange: change(name),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const office = { city: v.officeCity.trim(), country: v.officeCountry, address: v.officeAddress.trim() };
    const contact = { name: v.contactName.trim(), email: v.contactEmail.trim(), phone: v.contactPhone.trim() };
    setNested({ office: validate(OfficeSchema, office), contact: validate(ContactSchema, contact) });
    const body = {
      legalNameAr: v.legalNameAr.trim(), legalNameEn: v.legalNameEn.trim(), crNumber: v.crNumber.trim(), licenceNumber: v.licenceNumber.trim().toUpperCase(),
      vatNumber: v.vatNumber.trim(), ownershipDeclaration: v.ownershipDeclaration.trim(), paidUpCapital: toHalalas(v.paidUpCapital), bankGuaranteeRef: v.bankGuaranteeRef.trim(),
      offices: [office],
      contacts: [contact],
    };
    await checkAndSend(body, async () => {
      await call(client.POST('/api/v1/providers', { body }));
      // The account is now the provider's owner: its role, and so every page's permission, changed at once. The
      // console opens on a fresh load rather than while this page (which pilgrims may open, owners not) still
      // holds the old answers and would send the owner elsewhere mid-way.
      window.location.replace('/provider');
    });
  }

  if (account.role === 'provider_staff') return <Navigate to="/provider" replace />;
  return (
    <section className="card narrow">
      <h1>{t('providers.applyTitle')}</h1>
      <p className="muted">{t('providers.applyIntro')}</p>
      <form noValidate onSubmit={submit}>
        {formError && <Alert kind="error">{formError}</Alert>}
        <Field label={t('providers.legalNameAr')} lang="ar" dir="rtl" {...bind('legalNameAr')} />
        <Field label={t('providers.legalNameEn')} lang="en" dir="ltr" {...bind('legalNameEn')} />
        <Field label={t('providers.crNumber')} inputMode="numeric" dir="ltr" maxLength={10} {...bind('crNumber')} />
        <Field label={t('providers.licenceNumber')} hint={t('providers.licenceNumberHint')} dir="ltr" {...bind('licenceNumber')} />
        <Field label={t('providers.vatNumber')} hint={t('providers.vatNumberHint')} inputMode="numeric" dir="ltr" maxLength={15} {...bind('vatNumber')} />
        <Field label={t('providers.ownership')} multiline {...bind('ownershipDeclaration')} />
        <Field label={t('providers.capital')} inputMode="decimal" dir="ltr" {...bind('paidUpCapital')} />
        <Field label={t('providers.guarantee')} dir="ltr" {...bind('bankGuaranteeRef')} />
        <fieldset className="stack">
          <legend>{t('providers.office')}</legend>
          <Field label={t('providers.officeCity')} {...bindIn('office', 'city', 'officeCity')} />
          <CountrySelect label={t('providers.officeCountry')} name="officeCountry" allowEmpty={false} value={v.officeCountry}
            onChange={(country) => setV((s) => ({ ...s, officeCountry: country }))} error={nested.office.country} />
          <Field label={t('providers.officeAddress')} {...bindIn('office', 'address', 'officeAddress')} />
        </fieldset>
        <fieldset className="stack">
          <legend>{t('providers.contact')}</legend>
          <Field label={t('providers.contactName')} autoComplete="name" {...bindIn('contact', 'name', 'contactName')} />
          <Field label={t('providers.contactEmail')} type="email" autoComplete="email" dir="ltr" {...bindIn('contact', 'email', 'contactEmail')} />
          <Field label={t('providers.contactPhone')} type="tel" autoComplete="tel" dir="ltr" {...bindIn('contact', 'phone', 'contactPhone')} />
        </fieldset>
        <button type="submit" className="primary" disabled={submitting}>{submitting ? t('form.saving') : t('providers.submit')}</button>
      </form>
    </section>
  );
}
