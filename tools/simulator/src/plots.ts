import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hall } from './day-plan.js';
import type { DayEvidence } from './evidence.js';
import { clockOf } from './hall-time.js';
import type { SoakFigures } from './soak.js';
import type { BoxRow, LineSeries } from './svg-plot.js';
import { boxPlotSvg, lineChartSvg } from './svg-plot.js';

const HOUR = 3_600_000;

/** wait-distribution.svg, queue-length.svg and, for a soak, rss.svg. */
export function writePlots(outDir: string, d: DayEvidence, hall: Hall, soak: SoakFigures | undefined): void {
  const zone = hall.config.hall.timeZone;
  const colour = new Map(hall.config.agencies.map((a) => [a.id, a.color]));
  const legs = [...d.replay.legs.values()].flat();

  const rows: BoxRow[] = [];
  for (const a of hall.config.agencies) {
    for (const s of hall.config.services.filter((x) => x.agencyId === a.id)) {
      const mine = legs.filter((l) => l.serviceId === s.id);
      if (mine.length === 0) continue;
      rows.push({
        label: `${a.shortName} · ${s.prefix} ${s.name.id}`.slice(0, 52),
        color: colour.get(a.id) ?? '#555',
        values: mine.flatMap((l) => (l.calledAt === undefined ? [] : [(l.calledAt - l.enteredAt) / 60_000])),
      });
    }
  }
  writeFileSync(
    join(outDir, 'wait-distribution.svg'),
    boxPlotSvg('Wait from ticket to first call, per service', 'minutes', rows),
  );

  const q = d.replay.queue;
  const series: LineSeries[] = hall.config.agencies
    .map((a) => {
      const ids = hall.config.services.filter((s) => s.agencyId === a.id).map((s) => s.id);
      return {
        label: a.shortName,
        color: colour.get(a.id) ?? '#555',
        values: q.times.map((_, i) => ids.reduce((n, id) => n + (q.waiting[id]?.[i] ?? 0), 0)),
      };
    })
    .filter((s) => s.values.some((v) => v > 0));
  const total: LineSeries = {
    label: 'All agencies',
    color: '#000',
    width: 2.5,
    values: q.times.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0)),
  };
  writeFileSync(
    join(outDir, 'queue-length.svg'),
    lineChartSvg(
      'Tickets waiting over the day',
      'tickets waiting',
      q.times,
      [total, ...series],
      (t) => clockOf(t, zone),
      HOUR,
    ),
  );

  if (soak) {
    writeFileSync(
      join(outDir, 'rss.svg'),
      lineChartSvg(
        'Hub RSS during the soak',
        'MB',
        soak.samples.map((s) => s.at),
        [
          { label: 'hub RSS (MB)', color: '#c0392b', values: soak.samples.map((s) => s.rssMb), width: 2 },
          { label: 'tickets / 100', color: '#2c7fb8', values: soak.samples.map((s) => s.tickets / 100) },
        ],
        (t) => clockOf(t, zone),
        HOUR,
      ),
    );
  }
}
