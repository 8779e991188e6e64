import { useEffect, useState } from 'react';
import { useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import type { IkmSummary } from '../survey/ikm-summary.js';
import { IKM_REFRESH_MS, ikmSummaryOf } from '../survey/ikm-summary.js';
import './panel.css';
import './ikm-panel.css';

/** This month's index from the hub (`hubUrl` '' = this page's origin), asked again every few minutes. */
export function useIkmSummary(hubUrl: string, enabled: boolean): IkmSummary | undefined {
  const [summary, setSummary] = useState<IkmSummary | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch(`${hubUrl}/api/ikm`, { cache: 'no-store' });
        const next = ikmSummaryOf(await res.json());
        if (!stopped) setSummary(next);
      } catch {
        // The hub is away: keep what the wall shows, and ask again at the next turn.
      }
    };
    void load();
    const timer = setInterval(() => void load(), IKM_REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [hubUrl, enabled]);
  return summary;
}

/** "Nilai kepuasan bulan ini": the hall's index, its grade and the month's respondents, small, on the wall. */
export function IkmPanel(props: { summary: IkmSummary }) {
  const { t, lang } = useLanguage();
  const { summary } = props;
  const figure = summary.ikm.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (
    <section className="ikm-panel panel" data-testid="ikm-panel">
      <h2 className="panel-title">{t(TEXT.ikmTitle)}</h2>
      <div className="ikm-row">
        <span className="ikm-value" data-testid="ikm-value">
          {figure}
        </span>
        <span className={`ikm-grade ikm-grade-${summary.grade}`}>{summary.grade}</span>
        <span className="ikm-label">{t(summary.label)}</span>
      </div>
      <p className="ikm-respondents">
        {summary.respondents} {t(TEXT.ikmRespondents)}
        {summary.sampleMet ? '' : ` · ${t(TEXT.ikmProvisional)}`}
      </p>
    </section>
  );
}
