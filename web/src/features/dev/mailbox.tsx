import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';
import { Loaded } from '../../ui/problem.tsx';
import { directionOf, isLocale } from '../../../../src/common/i18n.ts';

/** Renders a message body with its links clickable (the only markup we add). */
function Body({ text }: { text: string }) {
  return (
    <p className="mail-body">
      {text.split(/(https?:\/\/\S+)/g).map((part, i) => (/^https?:\/\//.test(part) ? <a key={i} href={part} dir="ltr">{part}</a> : part))}
    </p>
  );
}

/** The development mailbox: what the platform would have emailed, on a server without SMTP (elsewhere the API answers 404). */
export function MailboxPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const to = params.get('to');
  // Ask the server whether it has a mailbox first, so a server with SMTP is not asked for a page it does not have.
  const server = $api.useQuery('get', '/api/v1/meta/server', {}, { staleTime: Infinity });
  const available = server.data?.devMailbox === true;
  const query = $api.useQuery('get', '/api/v1/dev/mailbox', to ? { params: { query: { to } } } : {}, { enabled: available, refetchInterval: 5_000 });
  return (
    <section className="card">
      <h1>{t('mailbox.title')}</h1>
      <p className="muted">{t('mailbox.intro')}</p>
      {to && <p>{t('mailbox.for')} <bdi dir="ltr">{to}</bdi></p>}
      {server.data && !available ? <p>{t('mailbox.unavailable')}</p> : (
      <Loaded query={query} empty={{ when: (p) => p.status === 404, show: <p>{t('mailbox.unavailable')}</p> }}>
        {(box) => (box.items.length === 0 ? <p>{t('mailbox.empty')}</p> : (
          <ol className="mails">
            {box.items.map((m) => (
              <li key={m.id} lang={m.locale} dir={isLocale(m.locale) ? directionOf(m.locale) : 'auto'}>
                <h2>{m.subject}</h2>
                <p className="muted">{t('mailbox.to')}: <bdi dir="ltr">{m.to}</bdi> · {formatDate(m.createdAt, { time: true })}</p>
                <Body text={m.text} />
              </li>
            ))}
          </ol>
        ))}
      </Loaded>
      )}
    </section>
  );
}
