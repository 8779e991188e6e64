import type { ReportTable } from '@antre/reporting';
import { useLanguage } from '@antre/ui';

const W = 900;
const H = 220;
const PAD = { left: 40, right: 28, top: 12, bottom: 28 };

/**
 * People waiting over the day, per quarter hour: the mean over the period's days as a line, the most on any
 * day as a lighter one. Plain SVG: two lines need no charting library.
 */
export function QueueLine({ table }: { table: ReportTable }) {
  const { t } = useLanguage();
  const points = table.rows.map((r) => ({
    slot: Number(r['slot']),
    time: String(r['time']),
    mean: typeof r['mean'] === 'number' ? r['mean'] : 0,
    max: typeof r['max'] === 'number' ? r['max'] : 0,
  }));
  if (points.length === 0) return null;
  const first = points[0]?.slot ?? 0;
  const last = Math.max(first + 1, points.at(-1)?.slot ?? first + 1);
  const top = Math.max(1, ...points.map((p) => p.max));
  const x = (slot: number) => PAD.left + ((slot - first) / (last - first)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const line = (key: 'mean' | 'max') =>
    points.map((p) => `${x(p.slot).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  const ticks = points.filter((p) => (p.slot + 1) % 8 === 0);
  const title = t({ id: 'Orang menunggu sepanjang hari', en: 'People waiting over the day' });
  return (
    <figure className="queue-line" data-testid="queue-line">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        {[0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="grid" />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end">
              {Math.round(top * f)}
            </text>
          </g>
        ))}
        {ticks.map((p) => (
          <text key={p.slot} x={x(p.slot)} y={H - 8} textAnchor="middle">
            {p.time}
          </text>
        ))}
        <polyline points={line('max')} className="max" />
        <polyline points={line('mean')} className="mean" />
      </svg>
      <p className="queue-line-key">
        <span className="mean">{t({ id: 'Rata-rata', en: 'Mean' })}</span>
        <span className="max">{t({ id: 'Maksimum', en: 'Most' })}</span>
      </p>
    </figure>
  );
}
