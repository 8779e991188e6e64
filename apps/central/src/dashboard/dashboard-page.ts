import { HALL_CHARTS_SCRIPT } from './hall-charts-script.js';
import { LIVE_SCRIPT } from './live-script.js';
import { FORMAT_SCRIPT, pageShell } from './page-shell.js';

/**
 * `GET /dasbor/`: the province view for staff (a central session: province viewer, or a hall supervisor who
 * sees their hall). Every hall today side by side, from GET /api/central/v1/today, as a table and three
 * charts; live through the centre's Socket.IO feed (`central:logged`), resynced after every reconnect.
 */
export function dashboardPage(): string {
  return pageShell(
    'Dasbor provinsi · Province dashboard',
    `<header>
  <h1>Dasbor MPP provinsi <span class="en">· Province dashboard</span></h1>
  <p id="day">Hari ini <span class="en">· Today</span></p>
</header>
<main>
  <form id="signin">
    <label>Nama pengguna <span class="en">Username</span><input name="username" autocomplete="username" required></label>
    <label>Kata sandi <span class="en">Password</span><input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Masuk · Sign in</button>
    <p role="alert" id="signin-error"></p>
  </form>
  <div class="scroll" id="board" hidden>
  <table>
    <thead><tr>
      <th scope="col">MPP <span class="en">Hall</span></th>
      <th scope="col">Menunggu <span class="en">Waiting</span></th>
      <th scope="col">Tunggu terlama (menit) <span class="en">Longest wait (min)</span></th>
      <th scope="col">Kunjungan <span class="en">Visits</span></th>
      <th scope="col">Dilayani <span class="en">Served</span></th>
      <th scope="col">Rata-rata tunggu (menit) <span class="en">Mean wait (min)</span></th>
      <th scope="col">Sesuai target (%) <span class="en">Within target (%)</span></th>
      <th scope="col">IKM <span class="en">Satisfaction index</span></th>
      <th scope="col">Responden <span class="en">Respondents</span></th>
    </tr></thead>
    <tbody id="halls"></tbody>
  </table>
  </div>
  <section id="compare" aria-labelledby="compare-title" hidden>
    <h2 id="compare-title">Perbandingan MPP hari ini <span class="en">· Halls compared today</span></h2>
    <div class="charts" id="charts"></div>
  </section>
  <p class="status" id="status" aria-live="polite"></p>
</main>`,
    `${FORMAT_SCRIPT}${LIVE_SCRIPT}${HALL_CHARTS_SCRIPT}
let token = sessionStorage.getItem('antre-central-token');
const form = document.getElementById('signin');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const res = await fetch('/api/central/v1/session', {
    method: 'POST',
    body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
  });
  if (!res.ok) {
    document.getElementById('signin-error').textContent =
      'Nama pengguna atau kata sandi salah · Wrong username or password';
    return;
  }
  document.getElementById('signin-error').textContent = '';
  token = (await res.json()).token;
  sessionStorage.setItem('antre-central-token', token);
  live.stop();
  live.connect();
  live.refresh();
});
// The cursor: per hall, the seq its figures were read at and the log they belong to.
const cursors = new Map();
function signOut() {
  token = null;
  sessionStorage.removeItem('antre-central-token');
  live.stop();
  form.hidden = false;
  document.getElementById('board').hidden = true;
  document.getElementById('compare').hidden = true;
}
const live = followLive({
  auth: () => ({ token }),
  load,
  minGapMs: 1000,
  fallbackMs: 30000,
  onLink: (up) => { linked = up; showStatus(); },
  onRefused: (code) => { if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') signOut(); },
  onEvent: (name, logged) => {
    if (name !== 'central:logged') return false;
    const last = logged.events[logged.events.length - 1];
    const c = cursors.get(logged.hallId);
    const moved = !c || (c.logId !== null && c.logId !== logged.logId) || (last !== undefined && last.seq > c.seq);
    if (c) c.logId = logged.logId;
    return moved;
  },
});
async function load() {
  if (!token) return;
  const status = document.getElementById('status');
  try {
    const res = await fetch('/api/central/v1/today', { headers: { authorization: 'Bearer ' + token } });
    if (res.status === 401) return signOut();
    if (!res.ok) throw new Error(String(res.status));
    const { halls } = await res.json();
    form.hidden = true;
    document.getElementById('board').hidden = false;
    document.getElementById('compare').hidden = halls.length === 0;
    for (const h of halls) {
      const c = cursors.get(h.hallId);
      cursors.set(h.hallId, { logId: c ? c.logId : null, seq: h.seq });
    }
    if (halls[0]) document.getElementById('day').innerHTML =
      'Hari ini ' + esc(halls[0].day) + ' <span class="en">· Today</span>';
    document.getElementById('halls').innerHTML = halls.map((h) =>
      '<tr data-hall="' + esc(h.hallId) + '" data-seq="' + h.seq + '"><td>' + esc(h.name) + '</td><td class="num">' + fmt(h.waiting, 0) + '</td><td class="num' +
      (h.longestWaitMin !== null && h.longestWaitMin > 60 ? ' late' : '') + '">' + fmt(h.longestWaitMin, 0) +
      '</td><td class="num">' + fmt(h.visits, 0) + '</td><td class="num">' + fmt(h.served, 0) +
      '</td><td class="num">' + fmt(h.waitMeanMin, 1) + '</td><td class="num">' + fmt(h.waitTargetMetPct, 0) +
      '</td><td class="num">' + fmt(h.ikm, 1) + '</td><td class="num">' + fmt(h.ikmRespondents, 0) +
      '</td></tr>').join('');
    document.getElementById('charts').innerHTML = hallCharts(halls);
    updated = new Date().toLocaleTimeString('id-ID');
    showStatus();
  } catch {
    status.textContent = 'Data belum dapat dimuat, mencoba lagi · Data could not be loaded, retrying';
  }
}
if (token) {
  live.connect();
  live.refresh();
}`,
  );
}
