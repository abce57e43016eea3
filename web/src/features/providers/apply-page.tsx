import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ApplyBody } from '../../../../src/modules/providers/schemas.ts';
import { api } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';
import { Alert, Field, useCheckedSubmit } from '../../ui/form.tsx';
import { toHalalas } from '../../lib/format.ts';

const empty = {
  legalNameAr: '', legalNameEn: '', crNumber: '', licenceNumber: '', ownershipDeclaration: '', paidUpCapital: '', bankGuaranteeRef: '',
  officeCity: '', officeCountry: 'SA', officeAddress: '', contactName: '', contactEmail: '', contactPhone: '',
};

/** A signed-in person applies for a licence on behalf of their company. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { account, refresh } = useSession();
  const [v, setV] = useState(empty);
  const { errors, formError, submitting, submit: checkAndSend } = useCheckedSubmit(ApplyBody);
  const bind = (name: keyof typeof empty) => ({
    name,
    value: v[name],
    error: errors[name] ?? errors[name.startsWith('office') ? 'offices' : name.startsWith('contact') ? 'contacts' : name],
    onChange: (e: { target: { value: string } }) => setV((s) => ({ ...s, [name]: e.target.value })),
  });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const body = {
      legalNameAr: v.legalNameAr, legalNameEn: v.legalNameEn, crNumber: v.crNumber, licenceNumber: v.licenceNumber,
      ownershipDeclaration: v.ownershipDeclaration, paidUpCapital: toHalalas(v.paidUpCapital), bankGuaranteeRef: v.bankGuaranteeRef,
      offices: [{ city: v.officeCity, country: v.officeCountry.toUpperCase(), address: v.officeAddress }],
      contacts: [{ name: v.contactName, email: v.contactEmail, phone: v.contactPhone }],
    };
    await checkAndSend(body, async () => {
      await api('/providers', { method: 'POST', body });
      await refresh(); // the account is now the provider's owner: the console opens below
    });
  }

  if (account?.role === 'provider_staff') return <Navigate to="/provider" replace />;
  return (
    <section className="card narrow">
      <h1>{t('providers.applyTitle')}</h1>
      <p className="muted">{t('providers.applyIntro')}</p>
      <form noValidate onSubmit={submit}>
        {formError && <Alert kind="error">{formError}</Alert>}
        <Field label={t('providers.legalNameAr')} lang="ar" dir="rtl" {...bind('legalNameAr')} />
        <Field label={t('providers.legalNameEn')} lang="en" dir="ltr" {...bind('legalNameEn')} />
        <Field label={t('providers.crNumber')} inputMode="numeric" dir="ltr" {...bind('crNumber')} />
        <Field label={t('providers.licenceNumber')} dir="ltr" {...bind('licenceNumber')} />
        <Field label={t('providers.ownership')} {...bind('ownershipDeclaration')} />
        <Field label={t('providers.capital')} type="number" min={0} inputMode="numeric" {...bind('paidUpCapital')} />
        <Field label={t('providers.guarantee')} dir="ltr" {...bind('bankGuaranteeRef')} />
        <Field label={t('providers.officeCity')} {...bind('officeCity')} />
        <Field label={t('providers.officeCountry')} dir="ltr" maxLength={2} {...bind('officeCountry')} />
        <Field label={t('providers.officeAddress')} {...bind('officeAddress')} />
        <Field label={t('providers.contactName')} {...bind('contactName')} />
        <Field label={t('providers.contactEmail')} type="email" dir="ltr" {...bind('contactEmail')} />
        <Field label={t('providers.contactPhone')} type="tel" dir="ltr" {...bind('contactPhone')} />
        <button type="submit" className="primary" disabled={submitting}>{t('providers.submit')}</button>
      </form>
    </section>
  );
}
