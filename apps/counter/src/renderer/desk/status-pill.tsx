import type { CounterStatus } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { T } from '../text/ui-text.js';
import './status-pill.css';

const TEXT = { open: T.statusOpen, paused: T.statusPaused, closed: T.statusClosed } as const;

export function StatusPill({ status }: { status: CounterStatus }) {
  const { t } = useLanguage();
  return <span className={`status-pill ${status}`}>{t(TEXT[status])}</span>;
}
