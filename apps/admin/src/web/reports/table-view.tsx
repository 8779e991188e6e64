import type { Cell, ColumnType, ReportTable } from '@antre/reporting';
import { useLanguage } from '@antre/ui';

/** A cell as a person reads it: numbers in the Indonesian way (comma decimals) or the English one. */
export function cellText(value: Cell, type: ColumnType, lang: 'id' | 'en'): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  switch (type) {
    case 'percent':
      return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
    case 'integer':
      return value.toLocaleString(locale);
    case 'text':
    case 'date':
      return String(value);
    case 'number':
    case 'minutes':
    case 'hours':
      return value.toLocaleString(locale, { maximumFractionDigits: 1 });
  }
}

/** One report table, its header in the chosen language. */
export function TableView({ table }: { table: ReportTable }) {
  const { t, lang } = useLanguage();
  return (
    <div className="report-table-wrap">
      <table className="report-table" data-testid={`report-table-${table.name}`}>
        <caption>{t(table.title)}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={c.type === 'text' ? undefined : 'num'}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.key} className={c.type === 'text' ? undefined : 'num'}>
                  {cellText(row[c.key] ?? null, c.type, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
