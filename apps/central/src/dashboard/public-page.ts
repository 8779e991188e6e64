import { LIVE_SCRIPT } from './live-script.js';
import { FORMAT_SCRIPT, pageShell } from './page-shell.js';

/**
 * `GET /publik/`: every hall of the province today, for anyone: waiting now, served today, the longest wait
 * now and IKM. Figures only (GET /api/central/v1/public/today); nothing about a person. Live: a socket
 * without a session hears `central:moved` (a hall's id and seq) and the page reloads its figures, at most
 * every 2 s, and after every reconnect.
 */
export function publicPage(): string {
  return pageShell(
    'Antrean MPP hari ini · Public service halls today',
    `<header>
  <h1>Antrean Mal Pelayanan Publik hari ini <span class="en">· Public service halls today</span></h1>
  <p>Diperbarui langsung <span class="en">· Updated live</span></p>
</header>
<main>
  <div class="scroll">
  <table>
    <thead><tr>
      <th scope="col">MPP <span class="en">Hall</span></th>
      <th scope="col">Menunggu <span class="en">Waiting</span></th>
      <th scope="col">Dilayani hari ini <span class="en">Served today</span></th>
      <th scope="col">Tunggu terlama (menit) <span class="en">Longest wait (min)</span></th>
      <th scope="col">IKM <span class="en">Satisfaction index</span></th>
    </tr></thead>
    <tbody id="halls"></tbody>
  </table>
  </div>
  <p class="status" id="status" aria-live="polite"></p>
</main>`,
    `${FORMAT_SCRIPT}${LIVE_SCRIPT}
async function load() {
  const status = document.getElementById('status');
  try {
    const res = await fetch('/api/central/v1/public/today');
    if (!res.ok) throw new Error(String(res.status));
    const { halls } = await res.json();
    document.getElementById('halls').innerHTML = halls.map((h) =>
      '<tr><td>' + esc(h.name) + '</td><td class="num">' + fmt(h.waiting, 0) + '</td><td class="num">' +
      fmt(h.served, 0) + '</td><td class="num">' + fmt(h.longestWaitMin, 0) + '</td><td class="num">' +
      fmt(h.ikm, 1) + '</td></tr>').join('');
    updated = new Date().toLocaleTimeString('id-ID');
    showStatus();
  } catch {
    status.textContent = 'Data belum dapat dimuat, mencoba lagi · Data could not be loaded, retrying';
  }
}
// The public answer names no hall id: any hall moving reloads the figures.
const live = followLive({
  auth: () => ({}),
  load,
  minGapMs: 2000,
  fallbackMs: 30000,
  onLink: (up) => { linked = up; showStatus(); },
  onRefused: () => undefined,
  onEvent: (name) => name === 'central:moved',
});
live.connect();
live.refresh();`,
  );
}
