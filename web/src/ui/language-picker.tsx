import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../src/common/i18n.ts';
import { availableLanguages, chooseLanguage, currentLanguage, languageTable, type Language } from '../i18n/index.ts';

/**
 * The header's language picker: a button showing the page's language by its
 * own name (with a globe for whoever cannot read it) that opens the list of
 * the languages this build speaks, each named in itself and marked with its
 * `lang` and `dir` so a screen reader says it with the right voice. Choosing
 * one is this device's choice (kept across visits, it wins over the account's
 * language). A disclosure rather than a <select>: moving through a select
 * with the arrow keys would switch the whole page at each step.
 */
export function LanguagePicker() {
  const { t } = useTranslation();
  const current = currentLanguage();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => { if (!root.current?.contains(event.target as Node)) setOpen(false); };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  function choose(language: Language) {
    setOpen(false);
    if (language !== current) chooseLanguage(language);
    toggle.current?.focus();
  }

  return (
    <div className="lang-picker" ref={root}>
      <button ref={toggle} type="button" className="lang-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <svg className="globe" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="10" /><path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
        </svg>
        <span className="visually-hidden">{t('app.language')}</span>{' '}
        <span lang={current} dir={directionOf(current)}>{languageTable[current].name}</span>
      </button>
      <ul id={id} className="lang-list" hidden={!open} aria-label={t('app.language')}>
        {availableLanguages.map((l) => (
          <li key={l}>
            <button type="button" lang={l} dir={directionOf(l)} aria-current={l === current ? 'true' : undefined} onClick={() => choose(l)}>
              {languageTable[l].name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
