import type { CounterConfig, HallConfig } from '@antre/shared';
import { SURVEY_CSS, SURVEY_TEXT, both, escapeHtml, surveyFieldsets } from './survey-page.js';

const IDLE_TEXT = {
  welcome: { id: 'Selamat datang', en: 'Welcome' },
  idle: {
    id: 'Setelah Anda dilayani, layar ini meminta penilaian Anda tentang pelayanan kami.',
    en: 'When you have been served, this screen asks how we did.',
  },
  back: { id: 'Kembali', en: 'Back' },
  next: { id: 'Lewati', en: 'Skip' },
  counter: { id: 'Loket', en: 'Counter' },
  failed: {
    id: 'Jawaban belum terkirim. Silakan coba lagi.',
    en: 'Your answers were not sent. Please try again.',
  },
};

/**
 * The counter-facing screen (`/survey?counter=<id>`): a tablet or second monitor facing the citizen. It waits
 * idle, shows the survey when staff finish a visit at its counter, one question at a time with big tiles
 * (one tap answers and moves on), thanks the citizen, and goes back to idle by itself — also when a citizen
 * walks away mid-way.
 */
export function counterSurveyPage(config: HallConfig, counter: CounterConfig): string {
  const settings = {
    counterId: counter.id,
    thanksMs: config.survey.counterThanksSeconds * 1000,
    abandonMs: 90_000,
    pollMs: 2000,
  };
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SKM · Loket ${escapeHtml(counter.name)}</title>
<style>${SURVEY_CSS}${COUNTER_CSS}</style></head>
<body><header><div><p class="hall">${escapeHtml(config.hall.name)}</p>
<p class="counter">${both(IDLE_TEXT.counter)} ${escapeHtml(counter.name)}</p></div>
<button type="button" class="toggle" id="toggle">${both(SURVEY_TEXT.toggle)}</button></header>
<main>
<section id="idle" class="view"><p class="big">${both(IDLE_TEXT.welcome)}</p><p>${both(IDLE_TEXT.idle)}</p></section>
<section id="survey" class="view" hidden>
<h1>${both(SURVEY_TEXT.title)}</h1><p class="intro">${both(SURVEY_TEXT.intro)}</p>
<ol class="progress" aria-hidden="true">${Array.from({ length: 10 }, () => '<li></li>').join('')}</ol>
<form id="form">${surveyFieldsets(config)}</form>
<p class="error" id="error" role="alert" hidden>${both(IDLE_TEXT.failed)}</p>
<nav><button type="button" class="nav" id="back">${both(IDLE_TEXT.back)}</button>
<button type="button" class="nav" id="next">${both(IDLE_TEXT.next)}</button>
<button type="button" class="send" id="send" hidden>${both(SURVEY_TEXT.send)}</button></nav>
</section>
<section id="thanks" class="view" hidden role="status"><p class="big">${both(SURVEY_TEXT.thanks)}</p><p>${both(SURVEY_TEXT.thanksMore)}</p></section>
</main>
<script>const SETTINGS = ${JSON.stringify(settings)};
${COUNTER_SCRIPT}</script></body></html>`;
}

const COUNTER_CSS = `
html{font-size:20px}
body{min-height:100vh;display:flex;flex-direction:column}
header{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1.25rem;background:#0b2545;color:#fff}
header .hall{color:#fff;opacity:.92}
header .counter{margin:0;font-size:1.3rem;font-weight:800}
header .toggle{float:none}
main{flex:1;width:100%;max-width:64rem}
.view{padding:.5rem 0}
#idle,#thanks{text-align:center;padding-top:18vh}
.big{font-size:2.2rem;font-weight:800;margin:.5rem 0;color:#0b2545}
#thanks .big{color:#075c2c}
body.stepping .q,body.stepping h2.section{display:none}
body.stepping .q.current{display:block}
.q legend{font-size:1.35rem}
.q .tiles.four{grid-template-columns:repeat(4,1fr)}
.q .tile{min-height:7rem;flex-direction:column;justify-content:center;text-align:center;font-size:1.05rem;font-weight:600}
.q .tile .score{width:2.6rem;height:2.6rem;font-size:1.2rem}
.profile .tile.small{min-height:3.25rem;flex-direction:row;font-size:.95rem}
.progress{display:flex;gap:.4rem;list-style:none;padding:0;margin:0 0 1rem}
.progress li{flex:1;height:.5rem;border-radius:999px;background:#d6dee9}
.progress li.done{background:#0b5cad}
nav{display:flex;gap:.75rem;margin-top:.5rem}
.nav{flex:1;min-height:3.5rem;font:inherit;font-weight:700;border:2px solid #0b5cad;border-radius:.9rem;background:#fff;color:#084a8c}
nav .send{flex:2}
@media (max-width:40rem){.q .tiles.four{grid-template-columns:1fr 1fr}html{font-size:16px}}
`;

/** Plain browser script: no build step, no library. */
const COUNTER_SCRIPT = `
const $ = (id) => document.getElementById(id);
const steps = [...document.querySelectorAll('#form .q')];
let mode = 'idle', ticketId = null, ticketKey = null, step = 0, lastTouch = Date.now(), finishedIds = new Set(), thanksTimer = null;
document.body.classList.add('stepping');
$('toggle').addEventListener('click', () => document.body.classList.toggle('en'));
function show(view) {
  mode = view;
  for (const v of ['idle', 'survey', 'thanks']) $(v).hidden = v !== view;
}
function goTo(i) {
  step = Math.max(0, Math.min(steps.length - 1, i));
  steps.forEach((s, n) => s.classList.toggle('current', n === step));
  document.querySelectorAll('.progress li').forEach((li, n) => li.classList.toggle('done', n <= step * 10 / steps.length));
  $('back').disabled = step === 0;
  const last = step === steps.length - 1;
  $('next').hidden = last;
  $('send').hidden = !last;
  window.scrollTo(0, 0);
}
function startSurvey(offer) {
  ticketId = offer.ticketId;
  ticketKey = offer.key;
  $('form').reset();
  $('error').hidden = true;
  lastTouch = Date.now();
  show('survey');
  goTo(0);
}
function toIdle() {
  clearTimeout(thanksTimer);
  ticketId = null;
  show('idle');
}
$('form').addEventListener('change', (e) => {
  lastTouch = Date.now();
  const q = e.target.closest('.q');
  // One tap answers a question and moves on; the profile page waits for the send button.
  if (q && !q.classList.contains('profile')) setTimeout(() => goTo(step + 1), 250);
});
document.addEventListener('pointerdown', () => { lastTouch = Date.now(); });
$('back').addEventListener('click', () => goTo(step - 1));
$('next').addEventListener('click', () => goTo(step + 1));
$('send').addEventListener('click', async () => {
  const data = new FormData($('form'));
  const answers = [1,2,3,4,5,6,7,8,9].map((n) => data.has('u' + n) ? Number(data.get('u' + n)) : null);
  const profile = {};
  for (const f of ['gender', 'age', 'education', 'occupation']) if (data.has(f)) profile[f] = data.get(f);
  const extra = {};
  for (const [k, v] of data) if (k.startsWith('extra-')) extra[k.slice(6)] = Number(v);
  const body = { ticketId, key: ticketKey, answers, profile, extra };
  const suggestion = String(data.get('suggestion') || '').trim();
  if (suggestion) body.suggestion = suggestion;
  try {
    const res = await fetch('/api/survey', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const reply = await res.json();
    if (!reply.ok && reply.error && reply.error.code !== 'SURVEY_ANSWERED') throw new Error(reply.error.code);
    finishedIds.add(ticketId);
    show('thanks');
    thanksTimer = setTimeout(toIdle, SETTINGS.thanksMs);
  } catch (err) {
    $('error').hidden = false;
  }
});
async function poll() {
  try {
    const res = await fetch('/api/survey/counter/' + encodeURIComponent(SETTINGS.counterId), { cache: 'no-store' });
    const { offer } = await res.json();
    if (mode === 'idle' && offer && !offer.rated && !finishedIds.has(offer.ticketId)) startSurvey(offer);
  } catch (err) { /* the hub is away: stay as we are and ask again */ }
  if (mode === 'survey' && Date.now() - lastTouch > SETTINGS.abandonMs) { finishedIds.add(ticketId); toIdle(); }
  setTimeout(poll, SETTINGS.pollMs);
}
poll();
`;
