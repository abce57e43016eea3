import type { Clock } from '../../core/clock.ts';
import type { FileStorage } from '../../core/storage.ts';
import { negotiateLocale, type Locale } from '../../common/i18n.ts';
import type { Db, Executor } from '../../db/database.ts';
import { platformSecret } from '../../db/platform-secrets.ts';
import type { AccountService } from '../accounts/index.ts';
import type { ComplaintService } from '../complaints/index.ts';
import type { NotificationService } from '../notifications/index.ts';
import { textIn } from './domain/questionnaire.ts';
import { surveyEmails } from './emails.ts';
import { linkToken } from './links.ts';
import { groupLoader } from '../../db/group-loader.ts';
import { createObservatoryRepository, type InvitationRow, type NewResponse, type QuestionnaireRow } from './repository.ts';

export interface ObservatoryDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  publicUrl: string;
  complaints: Pick<ComplaintService, 'counts'>;
  accounts: Pick<AccountService, 'contacts'>;
  notifications: Pick<NotificationService, 'enqueue'>;
}

/** What the observatory's use cases share: the repository, the link secret, questionnaires kept per process, sending an invitation. */
export function createObservatoryContext(deps: ObservatoryDeps) {
  const repo = createObservatoryRepository();
  const { db, clock } = deps;
  let secret: string | undefined;
  /** The links' MAC key (made once; read within the caller's transaction when there is one). */
  const linkSecret = async (executor: Executor = db.kysely) => (secret ??= await platformSecret(executor, clock, 'survey-links'));
  // Questionnaire versions never change once published: kept per process.
  const questionnaires = new Map<string, QuestionnaireRow>();
  async function questionnaire(executor: Executor, id: string) {
    let q = questionnaires.get(id);
    if (!q) {
      q = await repo.questionnaire(executor, id);
      if (q) questionnaires.set(id, q);
    }
    return q ?? null;
  }

  /** Emails a person their link (or its reminder), in their language. */
  async function sendInvitation(executor: Executor, inv: InvitationRow, reminder: boolean) {
    const [contact, q] = await Promise.all([deps.accounts.contacts(executor, [inv.account_id]).then((m) => m.get(inv.account_id)), questionnaire(executor, inv.questionnaire_id)]);
    if (!contact || !q) return;
    // The invitation's language when the platform speaks it, else English.
    const locale: Locale = negotiateLocale(inv.language, 'en');
    const link = `${deps.publicUrl}/s/${linkToken(await linkSecret(executor), inv.id, inv.questionnaire_id)}`;
    await deps.notifications.enqueue(executor, { to: contact.email, locale, template: reminder ? 'survey_reminder' : 'survey_invitation', ...surveyEmails.invite(locale, { name: contact.name, title: textIn(q.title, locale).text, link, expiresAt: inv.expires_at, reminder }) });
  }

  /**
   * Answers arriving together are stored together: one statement for every answer that arrived
   * while the previous ones were being written (group commit; at most two statements in flight).
   * A second answer on the same link in the same batch is not written (the first takes the link);
   * its caller then reads the invitation and is told it was answered.
   */
  const responses = groupLoader<NewResponse, string | null>(async (rows) => {
    const seen = new Set<string>();
    const first = rows.filter((r) => !seen.has(r.invitationId) && Boolean(seen.add(r.invitationId)));
    const ids = await repo.respondMany(db.kysely, clock.now(), first);
    const written = new Map(first.map((r, i) => [r.id, ids[i] ?? null]));
    return rows.map((r) => written.get(r.id) ?? null);
  });

  return { deps, db, clock, repo, linkSecret, questionnaire, sendInvitation, respond: (r: NewResponse) => responses.load(r) };
}
export type ObservatoryContext = ReturnType<typeof createObservatoryContext>;
