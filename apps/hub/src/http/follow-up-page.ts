import type { HallConfig, IkmReport, LocalizedText } from '@antre/shared';
import { SKM_ELEMENTS, publishedIkm } from '@antre/shared';
import type { PageLang } from './survey-page.js';
import { both, escapeHtml } from './survey-page.js';

const t = (id: string, en: string): LocalizedText => ({ id, en });
const TEXT = {
  title: t('Tindak lanjut hasil SKM', 'Survey follow-up'),
  intro: t(
    'Catat rencana perbaikan untuk unsur yang nilainya rendah: apa yang dilakukan, siapa, sampai kapan, dan apakah sudah selesai. Rencana tampil di laporan IKM.',
    'Record the plan for each weak element: what will be done, by whom, by when, and whether it is done. Plans show in the IKM report.',
  ),
  period: t('Periode', 'Period'),
  elements: t('Nilai per unsur', 'Score per element'),
  weakest: t('terendah', 'lowest'),
  plans: t('Rencana yang tercatat', 'Recorded plans'),
  none: t('Belum ada rencana untuk periode ini.', 'No plan for this period yet.'),
  newPlan: t('Rencana baru', 'New plan'),
  edit: t('Ubah', 'Edit'),
  element: t('Unsur', 'Element'),
  action: t('Tindakan perbaikan', 'Action'),
  owner: t('Penanggung jawab', 'Responsible'),
  due: t('Batas waktu', 'Due'),
  done: t('Sudah selesai', 'Done'),
  open: t('Berjalan', 'In progress'),
  save: t('Simpan rencana', 'Save plan'),
  saved: t('Rencana tersimpan.', 'Plan saved.'),
  signIn: t(
    'Masuk sebagai supervisor di aplikasi loket (/counter) pada peramban ini, lalu muat ulang halaman ini.',
    'Sign in as a supervisor in the counter app (/counter) in this browser, then reload this page.',
  ),
  report: t('Lihat laporan IKM', 'See the IKM report'),
  toggle: t('English', 'Bahasa Indonesia'),
};

/**
 * The supervisor's follow-up page (`/ikm/tindak-lanjut?period=`): the period's element scores with the
 * weakest marked, its recorded plans, and a form that records a plan (new, or an existing one changed or
 * marked done) through `POST /api/survey/follow-up` with the staff session of the counter app in this
 * browser. The policy (`authorizeSurveyFollowUp`) decides who may; the page only asks.
 */
export function followUpPage(config: HallConfig, report: IkmReport, lang: PageLang): string {
  const o = report.overall.ikm;
  const scores = SKM_ELEMENTS.map((e, i) => {
    const nrr = o.elements[i]?.nrr;
    const weak = o.weakest.includes(e.id);
    return `<li class="${weak ? 'weak' : ''}"><span>${e.id} ${both(e.topic)}</span><b>${
      nrr === undefined ? '–' : nrr.toFixed(2).replace('.', ',')
    }</b>${weak ? ` <em>${both(TEXT.weakest)}</em>` : ''}</li>`;
  }).join('');
  const plans =
    report.followUps.length === 0
      ? `<p>${both(TEXT.none)}</p>`
      : `<table><thead><tr><th>${both(TEXT.element)}</th><th>${both(TEXT.action)}</th><th>${both(TEXT.owner)}</th>
<th>${both(TEXT.due)}</th><th>Status</th><th></th></tr></thead><tbody>${report.followUps
          .map(
            (p) => `<tr><td>${p.element}</td><td>${escapeHtml(p.action)}</td><td>${escapeHtml(p.owner)}</td>
<td class="nowrap">${escapeHtml(p.due)}</td><td>${both(p.done ? TEXT.done : TEXT.open)}</td>
<td><button type="button" class="edit" data-plan="${escapeHtml(JSON.stringify(p))}">${both(TEXT.edit)}</button></td></tr>`,
          )
          .join('')}</tbody></table>`;
  const options = SKM_ELEMENTS.map(
    (e) =>
      `<option value="${e.id}"${e.id === o.weakest[0] ? ' selected' : ''}>${e.id} ${escapeHtml(e.topic[lang])}</option>`,
  ).join('');
  const other = lang === 'id' ? 'en' : 'id';
  const index = o.ikm === undefined ? '–' : publishedIkm(o.ikm).toFixed(2).replace('.', ',');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(TEXT.title[lang])} · ${escapeHtml(config.hall.name)}</title><style>${CSS}</style></head>
<body class="${lang === 'en' ? 'en' : ''}"><main>
<nav class="tools"><a href="?period=${encodeURIComponent(report.period)}&amp;lang=${other}">${both(TEXT.toggle)}</a>
<a href="/ikm?period=${encodeURIComponent(report.period)}&amp;lang=${lang}">${both(TEXT.report)}</a></nav>
<p class="hall">${escapeHtml(config.hall.name)}</p><h1>${both(TEXT.title)}</h1>
<p class="intro">${both(TEXT.intro)}</p>
<p>${both(TEXT.period)} <b>${escapeHtml(report.period)}</b> · IKM <b>${index}</b>${o.grade ? ` (${o.grade.grade})` : ''}</p>
<h2>${both(TEXT.elements)}</h2><ul class="scores">${scores}</ul>
<h2>${both(TEXT.plans)}</h2>${plans}
<h2>${both(TEXT.newPlan)}</h2>
<p class="signin" id="signin" role="alert" hidden>${both(TEXT.signIn)}</p>
<form id="plan" data-period="${escapeHtml(report.period)}">
<label>${both(TEXT.element)}<select name="element">${options}</select></label>
<label>${both(TEXT.action)}<textarea name="action" required minlength="3" maxlength="500" rows="3"></textarea></label>
<label>${both(TEXT.owner)}<input name="owner" required minlength="2" maxlength="120"></label>
<label>${both(TEXT.due)}<input name="due" type="date" required></label>
<label class="check"><input name="done" type="checkbox"> ${both(TEXT.done)}</label>
<p class="error" id="error" role="alert" hidden></p>
<p class="ok" id="ok" role="status" hidden>${both(TEXT.saved)}</p>
<button type="submit" class="save">${both(TEXT.save)}</button>
</form>
</main><script>const LANG = ${JSON.stringify(lang)};
${SCRIPT}</script></body></html>`;
}

/** Plain browser script: the counter app's session in this browser, a plan id, the POST, the answer. */
const SCRIPT = `
const $ = (id) => document.getElementById(id);
const form = $('plan');
let planId = null;
function token() {
  try { return JSON.parse(localStorage.getItem('antre.counter.session') || 'null')?.sessionToken ?? null; }
  catch { return null; }
}
if (!token()) $('signin').hidden = false;
for (const b of document.querySelectorAll('button.edit')) b.addEventListener('click', () => {
  const p = JSON.parse(b.dataset.plan);
  planId = p.planId;
  form.element.value = p.element; form.action.value = p.action; form.owner.value = p.owner;
  form.due.value = p.due; form.done.checked = p.done;
  form.scrollIntoView();
});
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  $('error').hidden = true; $('ok').hidden = true;
  const body = {
    planId: planId ?? 'plan-' + crypto.randomUUID(),
    period: form.dataset.period,
    element: form.element.value,
    action: form.action.value,
    owner: form.owner.value,
    due: form.due.value,
    done: form.done.checked,
  };
  try {
    const res = await fetch('/api/survey/follow-up', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + (token() ?? '') },
      body: JSON.stringify(body),
    });
    const reply = await res.json();
    if (!reply.ok) throw reply.error;
    $('ok').hidden = false;
    setTimeout(() => location.reload(), 800);
  } catch (err) {
    $('error').textContent = (err && err.text && err.text[LANG]) || (err && err.message) || String(err);
    $('error').hidden = false;
  }
});
`;

const CSS = `
*{box-sizing:border-box}
[hidden]{display:none!important}
body{font-family:system-ui,sans-serif;margin:0;background:#eef2f7;color:#0f1f33;line-height:1.4}
body:not(.en) [lang=en],body.en [lang=id]{display:none}
main{max-width:52rem;margin:0 auto;padding:1rem 1.25rem 3rem;background:#fff;min-height:100vh}
.tools{float:right;display:flex;flex-wrap:wrap;gap:.5rem}
.tools a{font-weight:600;color:#084a8c;border:2px solid #0b5cad;border-radius:999px;padding:.3rem .9rem;text-decoration:none;min-height:2.75rem;display:inline-flex;align-items:center}
.hall,.intro{color:#4a5f78;margin:0 0 .5rem}
h1{font-size:1.5rem;margin:.2rem 0 .5rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #d6dee9;padding-bottom:.25rem}
.scores{list-style:none;padding:0;margin:0;display:grid;gap:.25rem}
.scores li{display:flex;gap:.75rem;align-items:baseline}
.scores li span{flex:1}
.scores li.weak{color:#8c1d16;font-weight:700}
.scores em{font-style:normal;font-size:.85rem;background:#fdecea;border-radius:.3rem;padding:0 .4rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border:1px solid #d6dee9;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f7fa}
.nowrap{white-space:nowrap}
.edit{font:inherit;font-weight:600;color:#084a8c;background:#fff;border:2px solid #0b5cad;border-radius:.5rem;min-height:2.75rem;padding:.2rem .8rem;cursor:pointer}
form{display:grid;grid-template-columns:minmax(0,1fr);gap:.75rem;max-width:36rem}
select,textarea,input:not([type=checkbox]){width:100%;max-width:100%}
label{display:grid;gap:.25rem;font-weight:600}
label.check{display:flex;align-items:center;gap:.5rem}
input,select,textarea{font:inherit;padding:.55rem;border:2px solid #b9c6d6;border-radius:.5rem;min-height:2.75rem;font-weight:400}
input[type=checkbox]{width:1.5rem;height:1.5rem;min-height:0}
input:focus,select:focus,textarea:focus{outline:3px solid #e08a00;border-color:#0b5cad}
.save{font:inherit;font-weight:800;min-height:3rem;border:0;border-radius:.75rem;background:#0a7d3b;color:#fff;cursor:pointer}
.save:focus-visible,.edit:focus-visible{outline:3px solid #e08a00;outline-offset:2px}
.signin,.error{background:#fdecea;color:#8c1d16;border-radius:.5rem;padding:.6rem .8rem;font-weight:600;margin:0}
.ok{background:#e6f4ea;color:#075c2c;border-radius:.5rem;padding:.6rem .8rem;font-weight:600;margin:0}
@media (max-width:40rem){.tools{float:none;margin-bottom:.5rem}table{display:block;overflow-x:auto}}
`;
