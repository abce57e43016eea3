import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  locale: string;
}

/** Renders a message body with its links clickable (the only markup we add). */
function Body({ text }: { text: string }) {
  return (
    <p className="mail-body">
      {text.split(/(https?:\/\/\S+)/g).map((part, i) => (/^https?:\/\//.test(part) ? <a key={i} href={part} dir="ltr">{part}</a> : part))}
    </p>
  );
}

export function MailboxPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const to = params.get('to');
  const [mails, setMails] = useState<Mail[] | null>(null);
  useEffect(() => {
    api<{ items: Mail[] }>(`/dev/mailbox${to ? `?to=${encodeURIComponent(to)}` : ''}`).then((r) => setMails(r.items), () => setMails([]));
  }, [to]);
  return (
    <section className="card">
      <h1>{t('mailbox.title')}</h1>
      <p className="muted">{t('mailbox.intro')}</p>
      {mails === null ? <p>{t('app.loading')}</p> : mails.length === 0 ? <p>{t('mailbox.empty')}</p> : (
        <ol className="mails">
          {mails.map((m) => (
            <li key={m.id} lang={m.locale} dir={m.locale === 'ar' ? 'rtl' : 'ltr'}>
              <h2>{m.subject}</h2>
              <p className="muted">{t('mailbox.to')}: <span dir="ltr">{m.to}</span> · {new Date(m.createdAt).toLocaleString()}</p>
              <Body text={m.text} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
