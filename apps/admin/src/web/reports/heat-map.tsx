import type { ReportTable } from '@antre/reporting';
import { useLanguage } from '@antre/ui';
import { cellText } from './table-view.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const WEEKDAY_TEXT: Record<number, { id: string; en: string }> = {
  1: { id: 'Sen', en: 'Mon' },
  2: { id: 'Sel', en: 'Tue' },
  3: { id: 'Rab', en: 'Wed' },
  4: { id: 'Kam', en: 'Thu' },
  5: { id: 'Jum', en: 'Fri' },
  6: { id: 'Sab', en: 'Sat' },
  0: { id: 'Min', en: 'Sun' },
};

/**
 * How much of the primary colour a cell takes: light shades (at most 45 %) under dark text, then dark ones
 * (90–100 %) under white text, skipping the middle where neither text would reach 4.5:1.
 */
function shade(share: number): number {
  if (share <= 0) return 0;
  return Math.round(share < 0.6 ? 10 + share * 58 : 90 + (share - 0.6) * 25);
}

/**
 * Arrivals per day by weekday × hour, as a grid of cells shaded by the figure (a table underneath, so a
 * screen reader reads the numbers); only the hours that have arrivals are shown.
 */
export function HeatMap({ table }: { table: ReportTable }) {
  const { t, lang } = useLanguage();
  const value = new Map<string, number>();
  for (const row of table.rows) {
    const v = row['arrivalsPerDay'] ?? row['arrivals'];
    if (typeof v === 'number') value.set(`${String(row['weekdayNumber'])}|${String(row['hour'])}`, v);
  }
  const hours = [...new Set(table.rows.map((r) => Number(r['hour'])))].sort((a, b) => a - b);
  const max = Math.max(1, ...value.values());
  return (
    <figure className="heat-map" data-testid="heat-map">
      <figcaption>
        {t({ id: 'Kedatangan per hari menurut jam dan hari', en: 'Arrivals per day by hour and weekday' })}
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            {hours.map((h) => (
              <th key={h} scope="col">
                {String(h).padStart(2, '0')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(WEEKDAY_TEXT[d] ?? { id: '', en: '' })}</th>
              {hours.map((h) => {
                const v = value.get(`${d}|${h}`);
                const share = v === undefined ? 0 : v / max;
                const dark = share >= 0.6;
                return (
                  <td
                    key={h}
                    style={{
                      background: `color-mix(in srgb, var(--antre-primary) ${shade(share)}%, var(--antre-surface))`,
                    }}
                    className={dark ? 'dark' : undefined}
                  >
                    {v === undefined ? '' : cellText(v, 'number', lang)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
