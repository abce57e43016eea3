import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Type } from '@sinclair/typebox';
import { UpdateMeBody } from '../../../../src/common/schemas/accounts.ts';
import { call, client } from '../../api/client.ts';
import { languageTable, locales, type Locale } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { languageName } from '../../lib/format.ts';
import { useSession, type Account } from '../../lib/session.tsx';
import { Field } from '../../ui/fields.tsx';
import { useForm } from '../../ui/form.tsx';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';

const NameOnly = Type.Required(Type.Pick(UpdateMeBody, ['displayName']));
/** The platform's languages, each named in itself. */
const languages = locales.map((code) => ({ code, name: languageTable[code].name }));

/**
 * The account's own settings. The language saved here is the account's: the
 * one its emails and messages are written in. The language of the screen is
 * the device's choice (the switch in the header) and is not changed here.
 */
export function ProfilePage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const form = useForm(NameOnly, { displayName: account.displayName });
  const [saved, setSaved] = useState(false);
  return (
    <div className="stack">
      <section className="card narrow">
        <h1>{t('profile.title')}</h1>
        <dl className="facts">
          <dt>{t('form.email')}</dt>
          <dd><bdi dir="ltr">{account.email}</bdi> <span className={account.emailVerified ? 'badge ok' : 'badge warn'}>{account.emailVerified ? t('profile.emailVerified') : t('profile.emailNotVerified')}</span></dd>
          <dt>{t('form.role')}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
          <dt>{t('profile.since')}</dt>
          <dd>{formatDate(account.createdAt)}</dd>
        </dl>
        <form noValidate onSubmit={form.onSubmit(async (values) => {
          setSaved(false);
          await call(client.PATCH('/api/v1/me', { body: { displayName: values.displayName } }));
          await refresh();
          setSaved(true);
        })}>
          <h2>{t('profile.nameTitle')}</h2>
          {form.formError && <Alert kind="error">{form.formError}</Alert>}
          {saved && <Alert kind="success">{t('form.saved')}</Alert>}
          <Field label={t('form.displayName')} hint={t('form.displayNameHint')} autoComplete="name" {...form.bind('displayName')} />
          <button type="submit" className="primary" disabled={form.submitting}>{t('profile.submit')}</button>
        </form>
      </section>
      <MessageLanguage account={account} onSaved={refresh} />
    </div>
  );
}

/** The language of the account's emails and messages: saved on the account, separate from the screen's language. */
function MessageLanguage({ account, onSaved }: { account: Account; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(account.locale);
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Locale | null>(null);
  const screen = currentLanguage();

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setSaved(null);
    setSaving(true);
    try {
      await call(client.PATCH('/api/v1/me', { body: { locale } }));
      await onSaved();
      setSaved(locale);
    } catch (e) {
      setProblem(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card narrow" onSubmit={save} noValidate aria-labelledby="message-language-title">
      <h2 id="message-language-title">{t('profile.messageLanguage')}</h2>
      <p className="hint">{t('profile.messageLanguageHint')}</p>
      <ProblemAlert error={problem} />
      {saved && <Alert kind="success">{t('profile.messageLanguageSaved', { language: languageName(saved) })}</Alert>}
      <fieldset className="field">
        <legend className="visually-hidden">{t('profile.messageLanguage')}</legend>
        <div className="checks">
          {languages.map((l) => (
            <label key={l.code} lang={l.code}>
              <input type="radio" name="locale" value={l.code} checked={locale === l.code} onChange={() => setLocale(l.code)} /> {l.name}
            </label>
          ))}
        </div>
      </fieldset>
      {locale !== screen && <p className="hint">{t('profile.screenLanguageNote')}</p>}
      <button type="submit" className="primary" disabled={saving || locale === account.locale}>{t('profile.saveMessageLanguage')}</button>
    </form>
  );
}
