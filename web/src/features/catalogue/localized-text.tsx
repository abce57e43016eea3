import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../src/common/i18n.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { languageName } from '../../lib/format.ts';

/** The writing direction of a language code, where we know it; the browser guesses for the rest. */
function directionOf(language: string): 'rtl' | 'ltr' | 'auto' {
  if (['ar', 'ur', 'fa', 'ps'].includes(language)) return 'rtl';
  if (language === 'en' || language === 'fr' || language === 'id' || language === 'ms' || language === 'tr') return 'ltr';
  return 'auto';
}

/**
 * A provider's text in the language it is written in: marked with `lang` and
 * its direction, and, when it is not the page's language (the provider did
 * not write it in the reader's), visibly labelled as such.
 */
export function LocalizedText({ text, language, block }: { text: string; language: string; block?: boolean }) {
  const { t } = useTranslation();
  const foreign = !!language && language !== currentLanguage();
  const mark = foreign ? <span className="fallback-language">{t('common.fallbackLanguage', { language: languageName(language) })}</span> : null;
  if (block) {
    return (
      <>
        {mark && <p>{mark}</p>}
        <p lang={language || undefined} dir={directionOf(language)} className="description">{text}</p>
      </>
    );
  }
  return <><span lang={language || undefined} dir={directionOf(language)}>{text}</span>{mark && <> {mark}</>}</>;
}

/** Text kept in several languages (`{ ar, en }`), shown in the page's language or the best other one, marked. */
export function PickedText({ text }: { text: Record<string, string> }) {
  const picked = pickText(text, currentLanguage());
  return <LocalizedText text={picked.text} language={picked.language} />;
}
