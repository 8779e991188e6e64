import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { LocalizedText } from '@antre/shared';
import './language-toggle.css';

export type Language = 'id' | 'en';

interface LanguageContextValue {
  lang: Language;
  setLang: (lang: Language) => void;
  /** The text in the current language. */
  t: (text: LocalizedText) => string;
}

const LanguageContext = createContext<LanguageContextValue | undefined>(undefined);

/** Indonesian first; English when chosen. `persistKey` keeps the choice (a counter), none resets it (a kiosk). */
export function LanguageProvider(props: { children: ReactNode; persistKey?: string; initial?: Language }) {
  const { persistKey } = props;
  const [lang, setLangState] = useState<Language>(() => {
    const saved = persistKey === undefined ? null : globalThis.localStorage?.getItem(persistKey);
    return saved === 'en' || saved === 'id' ? saved : (props.initial ?? 'id');
  });
  const setLang = useCallback(
    (next: Language) => {
      setLangState(next);
      if (persistKey !== undefined) globalThis.localStorage?.setItem(persistKey, next);
      document.documentElement.lang = next;
    },
    [persistKey],
  );
  const value = useMemo<LanguageContextValue>(
    () => ({ lang, setLang, t: (text) => text[lang] }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage needs a LanguageProvider');
  return value;
}

/** A visible toggle between the two languages, labelled in both. */
export function LanguageToggle(props: { className?: string }) {
  const { lang, setLang } = useLanguage();
  return (
    <div className={`antre-lang-toggle ${props.className ?? ''}`} role="group" aria-label="Bahasa / Language">
      {(['id', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={lang === l}
          className={lang === l ? 'active' : ''}
          onClick={() => setLang(l)}
        >
          {l === 'id' ? 'Bahasa Indonesia' : 'English'}
        </button>
      ))}
    </div>
  );
}
