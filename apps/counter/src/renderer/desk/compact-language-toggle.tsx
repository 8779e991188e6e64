import { useLanguage } from '@antre/ui';
import './compact-language-toggle.css';

/** The language toggle in a form that fits the counter's top bar: "ID | EN", each named in full for readers. */
export function CompactLanguageToggle() {
  const { lang, setLang } = useLanguage();
  return (
    <div className="lang-compact" role="group" aria-label="Bahasa / Language">
      {(['id', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={lang === l}
          aria-label={l === 'id' ? 'Bahasa Indonesia' : 'English'}
          title={l === 'id' ? 'Bahasa Indonesia' : 'English'}
          className={lang === l ? 'active' : ''}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
