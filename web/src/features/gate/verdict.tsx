import { useTranslation } from 'react-i18next';
import { gateText, type GateVerdict } from '../../../../src/common/permits/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { Checked } from './gate-device.ts';
import { intlLocale } from '../../../../src/common/i18n.ts';

/** The look of a verdict: admitted green, already used amber, every other refusal red — always with the words. */
export function verdictKind(v: GateVerdict | null): 'admit' | 'used' | 'refuse' {
  return v?.ok ? 'admit' : v?.code === 'already_used' ? 'used' : 'refuse';
}

const clock = (s: number) => new Intl.DateTimeFormat(intlLocale(currentLanguage(), 'gregory'), { timeZone: 'Asia/Riyadh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(s * 1000);

/** The verdict, big, in words and colour, in the officer's language (the shared gate words: the app has no server to ask). */
export function Verdict({ checked }: { checked: Checked }) {
  const { t } = useTranslation();
  if (!checked.verdict) {
    return (
      <div className="verdict verdict-refuse" role="alert">
        <p className="verdict-word">{t('gate.verdict.unknownCode')}</p>
        <p>{t('gate.verdict.unknownCodeText', { code: checked.unknownCode })}</p>
      </div>
    );
  }
  const v = checked.verdict;
  const kind = verdictKind(v);
  const claim = v.claim;
  return (
    <div className={`verdict verdict-${kind}`} role="alert">
      <p className="verdict-word"><span aria-hidden="true">{kind === 'admit' ? '✓' : kind === 'used' ? '!' : '✕'}</span> {t(`gate.verdict.${kind}`)}</p>
      <p className="verdict-text">{gateText(v, currentLanguage())}</p>
      {claim && (
        <p className="verdict-facts">
          {t('gate.verdict.facts', { member: claim.memberIndex + 1, section: t(`gate.sections.${claim.section}`) })}{' '}
          <bdi dir="ltr">{clock(claim.windowStart)}–{clock(claim.windowEnd)}</bdi>
        </p>
      )}
    </div>
  );
}
