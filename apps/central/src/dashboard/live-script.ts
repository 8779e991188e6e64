/**
 * Shared by both pages' scripts: `followLive(options)` keeps a page's figures current through the centre's
 * Socket.IO feed (the official browser client, served by the node at /socket.io/socket.io.min.js).
 *
 * - After every (re)connect, to whichever node the load balancer picked, the page reloads its figures from the
 *   centre (PostgreSQL): that is its resync, so nothing shipped while it was away is missed. Socket.IO's
 *   connection state recovery is never relied on.
 * - Live, `onEvent(name, data)` says whether an event moves a hall past the page's cursor (the seq of each
 *   hall in its last answer); if so the page reloads: at most one load at a time, then at most one per
 *   `minGapMs`.
 * - While no socket is connected (a proxy that refuses WebSocket, a node down), the page reloads every
 *   `fallbackMs` instead.
 * `options.auth()` gives the socket's `auth` (the session token, or nothing for the public page); a refusal by
 * the centre calls `options.onRefused(code)`. `options.onLink(connected)` tells the page to show the state,
 * which both pages do in their #status line with `showStatus()` (`linked`, and `updated`: when figures last came).
 */
export const LIVE_SCRIPT = `
let linked = false;
let updated = '';
function showStatus() {
  document.getElementById('status').textContent = (linked
    ? 'Langsung · Live'
    : 'Terputus, menyambung ulang · Disconnected, reconnecting') +
    (updated ? ' — pembaruan terakhir ' + updated + ' · last update' : '');
}
function followLive(options) {
  let socket = null;
  let loading = null;
  let again = false;
  let last = 0;
  const refresh = () => {
    if (loading) { again = true; return; }
    const wait = last + options.minGapMs - Date.now();
    if (wait > 0) { again = true; setTimeout(() => { if (again && !loading) { again = false; refresh(); } }, wait); return; }
    last = Date.now();
    loading = Promise.resolve(options.load()).catch(() => undefined).finally(() => {
      loading = null;
      if (again) { again = false; refresh(); }
    });
  };
  const connect = () => {
    if (socket || typeof io !== 'function') return;
    socket = io({ transports: ['websocket'], auth: options.auth(), reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    socket.on('connect', () => { options.onLink(true); refresh(); });
    socket.on('disconnect', () => options.onLink(false));
    socket.on('connect_error', (err) => {
      options.onLink(false);
      if (!socket.active) { const s = socket; socket = null; s.close(); options.onRefused(err.message); }
    });
    socket.onAny((name, data) => { if (options.onEvent(name, data)) refresh(); });
  };
  setInterval(() => { if (!socket || !socket.connected) refresh(); }, options.fallbackMs);
  return {
    connect,
    refresh,
    stop: () => { if (socket) { const s = socket; socket = null; s.close(); } },
  };
}
`;
