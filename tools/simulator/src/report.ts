import type { VisitFigures } from './visit-figures.js';
import type { FuzzCategory } from './fuzz-cases.js';
import type { InvariantResult } from './invariants.js';
import { countBy } from './invariants.js';
import type { DayMetrics, Figures } from './metrics.js';
import type { SoakFigures } from './soak.js';
import type { ErrorSummary } from './stats.js';
import { surveyLineOf } from './survey-takers.js';
import type { SurveyFigures } from './survey-takers.js';

export interface SimulationReport {
  /** Visits of several services on one ticket (scenario `visits`). */
  visits: VisitFigures;
  scenario: {
    name: string;
    seed: number;
    date: string;
    start: string;
    end: string;
    speed: number;
    scale: number;
    durability: string;
    faults: boolean;
    soak: boolean;
  };
  run: {
    realSeconds: number;
    events: number;
    hubRateLimits: { issuePerSecond: number; issueBurst: number };
    hubRestarts: Array<{ killedAt: string; downMinutes: number; realMs: number }>;
    kioskOutages: Array<{ kioskId: string; from: string; to: string }>;
    counterDrops: Array<{ counterId: string; from: string; to: string }>;
    displayDrops: Array<{ displayId: string; from: string; to: string }>;
  };
  metrics: DayMetrics;
  kiosks: Array<{
    kioskId: string;
    handedOut: number;
    offline: number;
    refusals: Record<string, number>;
    log: Record<string, number>;
  }>;
  displays: Array<{ displayId: string; live: number; caughtUp: number; drops: number }>;
  fuzz?: {
    bursts: number;
    skippedBursts: number;
    messages: number;
    byCategory: Partial<Record<FuzzCategory, Record<string, number>>>;
    /** Messages answered with a code the contract leads one to expect, of all answered with an error. */
    expectedCodes: string;
  };
  hub: { crashes: number; errorLines: string[]; stderrLines: string[] };
  soak?: SoakFigures;
  /** The satisfaction survey, when the scenario has visitors answer it. */
  survey?: SurveyFigures;
  invariants: InvariantResult[];
  ok: boolean;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const pct = (n: number) => `${(100 * n).toFixed(0)}%`;

function table(head: string[], rows: string[][], leftColumns = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function figureCells(f: Figures): string[] {
  const refused = Object.values(f.refused).reduce((a, b) => a + b, 0);
  return [
    String(f.issued),
    String(f.transferredIn),
    String(f.served),
    String(f.noShow),
    String(f.expired),
    String(f.transferredOut),
    String(refused),
    f1(f.wait.mean),
    f1(f.wait.p50),
    f1(f.wait.p90),
    f1(f.wait.p99),
    f1(f.service.mean),
    f1(f.service.p50),
    f1(f.service.p90),
    f1(f.service.p99),
    f.estimate.n > 0 ? f1(f.estimate.mae) : '-',
    f.estimate.n > 0 ? f1(f.estimate.bias) : '-',
  ];
}

const FIGURE_HEAD = [
  'issued',
  'xfer-in',
  'served',
  'no-show',
  'expired',
  'xfer-out',
  'refused',
  'wait mean',
  'p50',
  'p90',
  'p99',
  'svc mean',
  'p50',
  'p90',
  'p99',
  'est MAE',
  'bias',
];

function errorLine(label: string, e: ErrorSummary): string {
  return e.n === 0
    ? `  ${label}: no tickets called`
    : `  ${label}: n=${e.n}  MAE ${f1(e.mae)} min  bias ${f1(e.bias)} min  p90 |error| ${f1(e.p90abs)} min  within ±max(5 min, 25%) ${pct(e.withinTolerance)}`;
}

/** The estimate by what the visitor found at the kiosk (tickets the hub issued live, called). */
function foundTable(rows: DayMetrics['estimate']['byFound'], erlangC: boolean): string {
  const head = ['visitor found', 'n', 'real wait', 'estimate', 'MAE', 'bias', 'within'];
  if (erlangC) head.push('Erlang C', 'MAE', 'bias', 'within');
  return table(
    head,
    rows.map((r) => {
      const cells = [
        r.found,
        String(r.n),
        f2(r.actual),
        f2(r.estimate),
        f2(r.error.mae),
        f2(r.error.bias),
        pct(r.error.withinTolerance),
      ];
      if (erlangC) {
        const e = r.erlangC;
        cells.push(
          e ? f2(e.mean) : '-',
          e ? f2(e.error.mae) : '-',
          e ? f2(e.error.bias) : '-',
          e ? pct(e.error.withinTolerance) : '-',
        );
      }
      return cells;
    }),
  );
}

/** The report as text: the tables printed to stdout and written to report.txt. */
export function formatReport(r: SimulationReport): string {
  const s = r.scenario;
  const m = r.metrics;
  const out: string[] = [];
  out.push(
    `Antre hall-day simulation: ${s.name}${s.faults ? ' (with faults)' : ''}${s.soak ? ' (soak)' : ''}`,
    `${s.date} ${s.start}–${s.end} hall time, ${s.speed}× (${f1(r.run.realSeconds)} s real), seed ${s.seed}, arrivals ×${s.scale}, hub durability ${s.durability}, hub issue limit ${r.run.hubRateLimits.issuePerSecond}/s burst ${r.run.hubRateLimits.issueBurst}`,
    `${m.visitors} visitors, ${m.total.issued} tickets, ${m.total.served} served, ${m.total.noShow} no-shows, ${m.total.expired} expired at day close, ${m.total.transferredOut} transfers; refused at the kiosk: ${countBy(Object.entries(m.total.refused).flatMap(([k, n]) => Array<string>(n).fill(k))) || 'none'}; ${r.run.events} events`,
    `Visits of several services: ${r.visits.visits} (${r.visits.legs} legs), done in one visit ${r.visits.doneInOne} (${f1(r.visits.doneInOnePct)} %), time in hall of those p50 ${f1(r.visits.hallP50)} min, p90 ${f1(r.visits.hallP90)} min`,
    '',
    'Per agency and service (minutes; wait = issue or transfer → first call; svc = at the desk; est = kiosk estimate − real wait)',
  );
  const rows: string[][] = [];
  for (const a of m.agencies) {
    if (a.figures.issued + a.figures.transferredIn === 0 && Object.keys(a.figures.refused).length === 0)
      continue;
    rows.push([a.name, '', ...figureCells(a.figures)]);
    for (const sv of a.services) {
      if (sv.figures.issued + sv.figures.transferredIn === 0 && Object.keys(sv.figures.refused).length === 0)
        continue;
      rows.push([
        `  ${sv.prefix} ${sv.name}`.slice(0, 42),
        String(sv.targetMinutes),
        ...figureCells(sv.figures),
      ]);
    }
  }
  rows.push(['All', '', ...figureCells(m.total)]);
  out.push(table(['agency / service', 'target', ...FIGURE_HEAD], rows), '');

  out.push('Counters (open = minutes open, not paused; busy = with a visitor called or at the desk)');
  out.push(
    table(
      ['counter', 'agency', 'staff', 'open', 'busy', 'util', 'served', 'no-show', 'xfer', 'recalls', 'drops'],
      m.counters.map((c) => [
        c.counterId,
        c.agencyId,
        c.staff,
        f1(c.openMinutes),
        f1(c.busyMinutes),
        pct(c.utilisation),
        String(c.served),
        String(c.noShows),
        String(c.transfers),
        String(c.recalls),
        String(c.drops),
      ]),
      3,
    ),
    '',
  );

  out.push(
    'Estimated wait at the kiosk vs the real wait (estimate − actual; negative = the kiosk promised too little)',
  );
  out.push(
    errorLine('all', m.estimate.all),
    errorLine('issued by the hub', m.estimate.online),
    errorLine('issued offline', m.estimate.offline),
  );
  const versus = m.estimate.versusErlangC;
  if (versus) {
    out.push(
      errorLine('M/M/c tickets, Antre', versus.estimate),
      errorLine('M/M/c tickets, Erlang C conditional mean', versus.erlangC),
    );
  }
  const { span } = m.estimate;
  if (span.n > 0) {
    out.push(
      `  real wait inside the estimate's 20–80 % span: ${Math.round(span.inside * 100)}% of ${span.n} (a true span holds 60%)`,
    );
  }
  out.push('', foundTable(m.estimate.byFound, versus !== undefined), '');

  out.push(
    'Issued per hour: ' +
      Object.entries(m.issuedByHour)
        .sort()
        .map(([h, n]) => `${h}h ${n}`)
        .join(', '),
    '',
  );

  out.push('Kiosks and displays');
  for (const k of r.kiosks) {
    out.push(
      `  ${k.kioskId}: ${k.handedOut} tickets handed out (${k.offline} offline); refusals ${countBy(Object.entries(k.refusals).flatMap(([c, n]) => Array<string>(n).fill(c))) || 'none'}; agent: ${
        Object.entries(k.log)
          .map(([msg, n]) => `${msg} ×${n}`)
          .join('; ') || '-'
      }`,
    );
  }
  for (const d of r.displays)
    out.push(`  ${d.displayId}: ${d.live} calls live, ${d.caughtUp} caught up by sync, ${d.drops} drops`);
  out.push('');

  if (s.faults) {
    out.push('Faults');
    out.push(
      `  hub SIGKILLs: ${r.run.hubRestarts.map((h) => `${h.killedAt} (down ${f1(h.downMinutes)} min hall time, ${(h.realMs / 1000).toFixed(1)} s real)`).join(', ') || 'none'}`,
    );
    out.push(
      `  kiosk outages: ${r.run.kioskOutages.map((o) => `${o.kioskId} ${o.from}–${o.to}`).join(', ') || 'none'}`,
    );
    out.push(
      `  counter drops: ${r.run.counterDrops.map((o) => `${o.counterId} ${o.from}–${o.to}`).join(', ') || 'none'}`,
    );
    out.push(
      `  display drops: ${r.run.displayDrops.map((o) => `${o.displayId} ${o.from}–${o.to}`).join(', ') || 'none'}`,
    );
    if (r.fuzz) {
      out.push(
        `  hostile client: ${r.fuzz.messages} messages in ${r.fuzz.bursts} bursts (${r.fuzz.skippedBursts} skipped while the hub was down); codes as the contract says: ${r.fuzz.expectedCodes}`,
      );
      for (const [cat, outcomes] of Object.entries(r.fuzz.byCategory)) {
        out.push(
          `    ${cat.padEnd(16)} ${Object.entries(outcomes)
            .map(([o, n]) => `${o} ${n}`)
            .join(', ')}`,
        );
      }
    }
    out.push('');
  }

  if (r.soak) {
    const k = r.soak;
    out.push('Soak: hub RSS (from /proc) and live heap (after a full GC, every two hall hours)');
    out.push(
      `  ${k.samples.length} samples: min ${f1(k.minMb)} MB, max ${f1(k.maxMb)} MB; second hour ${f1(k.baselineMb)} MB, last hour ${f1(k.lastHourMb)} MB (growth ${f1(k.growthMb)} MB), after the day close ${f1(k.afterCloseMb)} MB`,
      `  slope after the first hour ${k.slopeMbPerHour.toFixed(2)} MB per hall hour; live heap ${f1(k.heapLiveFirstMb)} → ${f1(k.heapLiveLastMb)} MB, ${k.heapKbPerTicket.toFixed(2)} kB per ticket held (${k.tickets} tickets)`,
      `  flat (RSS growth after warm-up ≤ ${k.flatLimitMb} MB, live heap ≤ ${k.heapLimitKbPerTicket} kB per ticket held): ${k.flat ? 'yes' : 'NO'}`,
      '',
    );
  }

  if (r.hub.stderrLines.length > 0)
    out.push(`Hub stderr (first lines): ${r.hub.stderrLines.slice(0, 3).join(' | ')}`, '');

  if (r.survey) out.push(surveyLineOf(r.survey), '');
  out.push('Invariants');
  for (const i of r.invariants) out.push(`  [${i.ok ? 'PASS' : 'FAIL'}] ${i.name} — ${i.detail}`);
  out.push('', r.ok ? 'All invariants hold.' : 'SOME INVARIANTS FAILED.');
  return out.join('\n');
}
