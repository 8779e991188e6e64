import type { HallConfig, IkmReport, LocalizedText, ScopedIkm } from '@antre/shared';
import {
  IKM_SCALE,
  PROFILE_FIELDS,
  PROFILE_QUESTIONS,
  SKM_ELEMENTS,
  ikmGrade,
  profileOptions,
  publishedIkm,
} from '@antre/shared';
import type { PageLang } from './survey-page.js';
import { both, escapeHtml } from './survey-page.js';

const t = (id: string, en: string): LocalizedText => ({ id, en });
const TEXT = {
  title: t('Indeks Kepuasan Masyarakat (IKM)', 'Public Satisfaction Index (IKM)'),
  basis: t('Menurut Permenpan RB Nomor 14 Tahun 2017', 'Per Permenpan RB regulation 14/2017'),
  period: t('Periode', 'Period'),
  respondents: t('Responden', 'Respondents'),
  visitors: t('Pengunjung dilayani', 'Visitors served'),
  sample: t('Sampel minimal (Krejcie–Morgan)', 'Minimum sample (Krejcie–Morgan)'),
  sampleShort: t(
    'Jumlah responden belum mencapai sampel minimal: indeks ini belum mewakili pengunjung periode ini.',
    'Fewer respondents than the minimum sample: this index does not yet stand for the period’s visitors.',
  ),
  noIndex: t(
    'Belum ada cukup jawaban untuk menghitung indeks.',
    'Not enough answers yet to compute the index.',
  ),
  elements: t('Nilai per unsur pelayanan (NRR, skala 1–4)', 'Score per element (NRR, scale 1–4)'),
  weakest: t('Unsur terendah: prioritas perbaikan', 'Lowest element: first to improve'),
  unit: t('Unit', 'Unit'),
  grade: t('Mutu', 'Grade'),
  byAgency: t('Per instansi', 'Per agency'),
  byService: t('Per layanan', 'Per service'),
  byCounter: t('Per loket', 'Per counter'),
  profile: t('Profil responden', 'Respondent profile'),
  followUp: t('Rencana tindak lanjut', 'Follow-up plan'),
  noFollowUp: t('Belum ada rencana tindak lanjut.', 'No follow-up plan yet.'),
  action: t('Tindakan', 'Action'),
  owner: t('Penanggung jawab', 'Responsible'),
  due: t('Batas waktu', 'Due'),
  status: t('Status', 'Status'),
  done: t('Selesai', 'Done'),
  open: t('Berjalan', 'In progress'),
  element: t('Unsur', 'Element'),
  print: t('Cetak (A4)', 'Print (A4)'),
  xlsx: t('Unduh XLSX', 'Download XLSX'),
  official: t('Perhitungan IKM (Permenpan RB 14/2017)', 'How the index is computed (Permenpan RB 14/2017)'),
  answered: t('Jawaban', 'Answers'),
  topic: t('Uraian', 'Description'),
  weighted: t('NRR tertimbang (× 1/9)', 'Weighted NRR (× 1/9)'),
  converted: t('Konversi (× 25)', 'Converted (× 25)'),
  weightedSum: t('Jumlah NRR tertimbang', 'Sum of weighted NRR'),
  unitIkm: t('IKM unit pelayanan (× 25)', 'Index of the unit (× 25)'),
  toggle: t('English', 'Bahasa Indonesia'),
};

const fmt = (n: number | undefined, digits = 2) =>
  n === undefined ? '–' : n.toFixed(digits).replace('.', ',');

/** The public IKM page (`/ikm`), also the A4 report when printed: index, chart, tables, profile, follow-up. */
export function ikmPage(config: HallConfig, report: IkmReport, lang: PageLang, search = ''): string {
  const o = report.overall;
  const ikm = o.ikm.ikm;
  const headline =
    ikm === undefined
      ? `<p class="none">${both(TEXT.noIndex)}</p>`
      : `<div class="score"><span class="value" data-testid="ikm">${fmt(publishedIkm(ikm))}</span>
<span class="grade g${o.ikm.grade?.grade ?? ''}">${o.ikm.grade?.grade ?? ''}</span>
<span class="label">${o.ikm.grade ? both(o.ikm.grade.label) : ''}</span></div>`;
  const facts = `<dl class="facts"><dt>${both(TEXT.respondents)}</dt><dd data-testid="respondents">${o.ikm.respondents}</dd>
<dt>${both(TEXT.visitors)}</dt><dd>${o.visitors}</dd><dt>${both(TEXT.sample)}</dt><dd>${o.sampleNeeded}</dd></dl>
${o.sampleMet || o.ikm.respondents === 0 ? '' : `<p class="warn">${both(TEXT.sampleShort)}</p>`}`;
  const chart = SKM_ELEMENTS.map((e, i) => {
    const score = o.ikm.elements[i];
    const weak = o.ikm.weakest.includes(e.id);
    const width = score?.nrr === undefined ? 0 : ((score.nrr - 1) / 3) * 100;
    return `<div class="bar${weak ? ' weak' : ''}"><span class="name">${e.id} ${both(e.topic)}</span>
<span class="track"><span class="fill" style="width:${width.toFixed(1)}%"></span></span><span class="nrr">${fmt(score?.nrr)}</span></div>`;
  }).join('');
  const weakest = o.ikm.weakest.length
    ? `<p class="weakest">${both(TEXT.weakest)}: ${o.ikm.weakest
        .map((id) => {
          const e = SKM_ELEMENTS.find((x) => x.id === id);
          return e ? `${id} ${both(e.topic)}` : id;
        })
        .join(', ')}</p>`
    : '';
  const names = {
    agency: (id: string) => config.agencies.find((a) => a.id === id)?.shortName ?? id,
    service: (id: string) => {
      const s = config.services.find((x) => x.id === id);
      return s ? both(s.name) : escapeHtml(id);
    },
    counter: (id: string) => `Loket ${escapeHtml(config.counters.find((c) => c.id === id)?.name ?? id)}`,
  };
  const table = (title: LocalizedText, rows: ScopedIkm[], name: (id: string) => string) =>
    rows.length === 0
      ? ''
      : `<h2>${both(title)}</h2><table><thead><tr><th>${both(TEXT.unit)}</th><th>IKM</th><th>${both(TEXT.grade)}</th>
<th>${both(TEXT.respondents)}</th><th>${both(TEXT.visitors)}</th><th>${both(TEXT.sample)}</th></tr></thead><tbody>${rows
          .map(
            (r) =>
              `<tr><td>${name(r.id)}</td><td>${r.ikm.ikm === undefined ? '–' : fmt(publishedIkm(r.ikm.ikm))}</td>
<td>${r.ikm.grade ? `${r.ikm.grade.grade} (${both(r.ikm.grade.label)})` : '–'}</td><td>${r.ikm.respondents}</td>
<td>${r.visitors}</td><td>${r.sampleNeeded}${r.sampleMet ? '' : ' *'}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const profile = PROFILE_FIELDS.map((f) => {
    const rows = report.profile[f];
    const labels = new Map(profileOptions(f).map((x) => [x.value, x.label]));
    return `<table class="profile"><thead><tr><th>${both(PROFILE_QUESTIONS[f])}</th><th>n</th></tr></thead><tbody>${rows
      .map((r) => {
        const label = labels.get(r.value);
        return `<tr><td>${label ? both(label) : escapeHtml(r.value)}</td><td>${r.count}</td></tr>`;
      })
      .join('')}</tbody></table>`;
  }).join('');
  const followUps =
    report.followUps.length === 0
      ? `<p>${both(TEXT.noFollowUp)}</p>`
      : `<table><thead><tr><th>${both(TEXT.element)}</th><th>${both(TEXT.action)}</th><th>${both(TEXT.owner)}</th>
<th>${both(TEXT.due)}</th><th>${both(TEXT.status)}</th></tr></thead><tbody>${report.followUps
          .map((p) => {
            const e = SKM_ELEMENTS.find((x) => x.id === p.element);
            return `<tr><td>${p.element} ${e ? both(e.topic) : ''}</td><td>${escapeHtml(p.action)}</td><td>${escapeHtml(p.owner)}</td>
<td class="nowrap">${escapeHtml(p.due)}</td><td>${both(p.done ? TEXT.done : TEXT.open)}</td></tr>`;
          })
          .join('')}</tbody></table>`;
  const other = lang === 'id' ? 'en' : 'id';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>IKM ${escapeHtml(report.period)} · ${escapeHtml(config.hall.name)}</title><style>${IKM_CSS}</style></head>
<body class="${lang === 'en' ? 'en' : ''}"><main>
<nav class="tools"><a href="?period=${encodeURIComponent(report.period)}&amp;lang=${other}">${both(TEXT.toggle)}</a>
<a href="/api/ikm.xlsx${escapeHtml(xlsxQuery(search))}" download>${both(TEXT.xlsx)}</a>
<button type="button" onclick="print()">${both(TEXT.print)}</button></nav>
<p class="hall">${escapeHtml(config.hall.name)}</p><h1>${both(TEXT.title)}</h1>
<p class="basis">${both(TEXT.basis)} · ${both(TEXT.period)} <b>${escapeHtml(report.period)}</b> (${escapeHtml(report.from)} – ${escapeHtml(report.to)})</p>
<section class="head">${headline}${facts}</section>
<h2>${both(TEXT.elements)}</h2><div class="chart">${chart}</div>${weakest}
<h2>${both(TEXT.official)}</h2>${officialTable(o)}
${table(TEXT.byAgency, report.byAgency, names.agency)}${table(TEXT.byService, report.byService, names.service)}${table(TEXT.byCounter, report.byCounter, names.counter)}
<h2>${both(TEXT.profile)}</h2><div class="profiles">${profile}</div>
<h2>${both(TEXT.followUp)}</h2>${followUps}
</main></body></html>`;
}

/** The regulation's computation table: per element NRR, weighted NRR and converted value, then the sum and the index. */
function officialTable(o: ScopedIkm): string {
  const rows = SKM_ELEMENTS.map((e, i) => {
    const s = o.ikm.elements[i];
    const nrr = s?.nrr;
    const grade = nrr === undefined ? '–' : ikmGrade(nrr * IKM_SCALE).grade;
    return `<tr><td>${e.id}</td><td>${both(e.topic)}</td><td>${s?.answered ?? 0}</td><td>${fmt(nrr, 3)}</td>
<td>${fmt(s?.weighted, 3)}</td><td>${fmt(nrr === undefined ? undefined : nrr * IKM_SCALE)}</td><td>${grade}</td></tr>`;
  }).join('');
  const complete = o.ikm.elements.every((e) => e.weighted !== undefined);
  const sum = complete ? o.ikm.elements.reduce((a, e) => a + (e.weighted ?? 0), 0) : undefined;
  return `<table class="official"><thead><tr><th>${both(TEXT.element)}</th><th>${both(TEXT.topic)}</th><th>${both(TEXT.answered)}</th><th>NRR</th>
<th>${both(TEXT.weighted)}</th><th>${both(TEXT.converted)}</th><th>${both(TEXT.grade)}</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><th colspan="4">${both(TEXT.weightedSum)}</th><td>${fmt(sum, 3)}</td><td colspan="2"></td></tr>
<tr><th colspan="4">${both(TEXT.unitIkm)}</th><td colspan="2" data-testid="unit-ikm">${fmt(o.ikm.ikm === undefined ? undefined : publishedIkm(o.ikm.ikm))}</td>
<td>${o.ikm.grade ? `${o.ikm.grade.grade} · ${both(o.ikm.grade.label)}` : '–'}</td></tr></tfoot></table>`;
}

/** The page's period and scope, for the XLSX link; the language is the page's own. */
function xlsxQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('lang');
  const q = params.toString();
  return q === '' ? '' : `?${q}`;
}

const IKM_CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;background:#eef2f7;color:#0f1f33;line-height:1.4}
body:not(.en) [lang=en],body.en [lang=id]{display:none}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem;background:#fff;min-height:100vh}
.tools{float:right;display:flex;gap:.5rem}
.tools a,.tools button{font:inherit;font-weight:600;color:#084a8c;background:#fff;border:2px solid #0b5cad;border-radius:999px;padding:.3rem .9rem;text-decoration:none;cursor:pointer}
.hall{color:#4a5f78;margin:0}
h1{font-size:1.5rem;margin:.2rem 0}
.basis{color:#4a5f78;margin:0 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #d6dee9;padding-bottom:.25rem}
.head{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center}
.score{display:flex;align-items:center;gap:.75rem}
.score .value{font-size:3.25rem;font-weight:800}
.grade{display:grid;place-items:center;width:3.25rem;height:3.25rem;border-radius:.75rem;font-size:2rem;font-weight:800;color:#fff;background:#4a5f78}
.grade.gA{background:#075c2c}.grade.gB{background:#0b5cad}.grade.gC{background:#a35a00}.grade.gD{background:#b3261e}
.score .label{font-size:1.25rem;font-weight:700}
.facts{display:grid;grid-template-columns:auto auto;gap:.2rem 1rem;margin:0}
.facts dt{color:#4a5f78}.facts dd{margin:0;font-weight:700}
.warn{background:#fff4e2;color:#6b3b00;border-radius:.5rem;padding:.5rem .75rem;width:100%;margin:0}
.none{color:#4a5f78}
.chart{display:grid;gap:.35rem}
.bar{display:grid;grid-template-columns:minmax(10rem,18rem) 1fr 3rem;gap:.75rem;align-items:center}
.track{height:1.1rem;background:#edf1f6;border-radius:.3rem;overflow:hidden}
.fill{display:block;height:100%;background:#0b5cad;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar.weak .fill{background:#b3261e}.bar.weak .name{font-weight:700;color:#8c1d16}
.nrr{text-align:right;font-variant-numeric:tabular-nums}
.weakest{font-weight:600;color:#8c1d16}
table{border-collapse:collapse;width:100%;margin:.25rem 0;font-size:.95rem}
th,td{border:1px solid #d6dee9;padding:.3rem .5rem;text-align:left}
th{background:#f4f7fa}
.official tfoot th{text-align:right}
.official tfoot td{font-weight:700}
td:not(:first-child){font-variant-numeric:tabular-nums}
.profiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;align-items:start}
.nowrap{white-space:nowrap}
@media (max-width:40rem){.tools{float:none;flex-wrap:wrap;margin-bottom:.5rem}table{display:block;overflow-x:auto}.bar{grid-template-columns:minmax(7rem,1fr) 1fr 2.5rem;gap:.5rem}.score .value{font-size:2.5rem}}
@page{size:A4;margin:15mm}
@media print{html{font-size:9.5pt}body{background:#fff}main{max-width:none;padding:0;min-height:0}.tools{display:none}h2{break-after:avoid}table,.chart{break-inside:avoid}}
`;
