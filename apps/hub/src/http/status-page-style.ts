/**
 * The status page's colours: every text on its background meets WCAG AA (4.5:1; checked in
 * ticket-status-page.test.ts). A phone in the sun needs it more than a kiosk does.
 */
export const STATUS_PALETTE = {
  page: '#f3f5f8',
  surface: '#ffffff',
  ink: '#10223a',
  muted: '#3f5672',
  line: '#d6dee9',
  /** The waiting pill and the place box. */
  soft: '#e3ecf7',
  /** Called: the big "go to" box and its pill, white on green. */
  go: '#0a6b33',
  onGo: '#ffffff',
  /** Held, no-show: amber-brown on cream. */
  warn: '#7a4300',
  warnSoft: '#fff4e2',
  /** Ended (done, cancelled, expired): grey on grey. */
  ended: '#4a5563',
  endedSoft: '#eceff3',
  /** The connection notice. */
  alert: '#8c1d16',
  alertSoft: '#fdecea',
  focus: '#b35c00',
} as const;

/** Text/background pairs the page uses: what the contrast test checks. */
export const STATUS_TEXT_PAIRS: ReadonlyArray<readonly [text: string, background: string]> = [
  [STATUS_PALETTE.ink, STATUS_PALETTE.page],
  [STATUS_PALETTE.muted, STATUS_PALETTE.page],
  [STATUS_PALETTE.ink, STATUS_PALETTE.surface],
  [STATUS_PALETTE.muted, STATUS_PALETTE.surface],
  [STATUS_PALETTE.ink, STATUS_PALETTE.soft],
  [STATUS_PALETTE.muted, STATUS_PALETTE.soft],
  [STATUS_PALETTE.onGo, STATUS_PALETTE.go],
  [STATUS_PALETTE.warn, STATUS_PALETTE.warnSoft],
  [STATUS_PALETTE.ink, STATUS_PALETTE.warnSoft],
  [STATUS_PALETTE.ended, STATUS_PALETTE.endedSoft],
  [STATUS_PALETTE.ink, STATUS_PALETTE.endedSoft],
  [STATUS_PALETTE.alert, STATUS_PALETTE.alertSoft],
];

const p = STATUS_PALETTE;

/** The page's whole stylesheet: small, inline, system fonts, readable at 200 % zoom on a 390 px phone. */
export const STATUS_PAGE_CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:${p.page};color:${p.ink};font-size:1.125rem;line-height:1.45}
main{max-width:30rem;margin:0 auto;padding:1rem}
h1{font-size:1.125rem;margin:0 0 .75rem;color:${p.muted};font-weight:700}
.en{display:block;font-size:.9em;font-weight:400;color:${p.muted}}
.card{background:${p.surface};border-radius:1rem;padding:1.25rem;box-shadow:0 2px 8px #0002;text-align:center}
.label{margin:0;color:${p.muted};font-weight:700}
.label .en{display:inline}
.number{font-size:4.5rem;font-weight:800;letter-spacing:.02em;margin:0;line-height:1.1;overflow-wrap:anywhere}
.pill{display:inline-block;margin:.25rem 0 .75rem;padding:.3rem 1rem;border-radius:999px;font-weight:800;background:${p.soft};color:${p.ink}}
.pill .en{display:inline;color:inherit;font-weight:600}
.pill.go{background:${p.go};color:${p.onGo}}
.pill.warn{background:${p.warnSoft};color:${p.warn};border:2px solid ${p.warn}}
.pill.ended{background:${p.endedSoft};color:${p.ended}}
.where{margin:0 0 .75rem;padding:1rem;border-radius:.75rem;background:${p.soft};font-size:1.375rem;font-weight:800;text-wrap:balance}
.where .en{font-size:1.125rem}
.where.go{background:${p.go};color:${p.onGo};font-size:1.75rem}
.where.go .en{color:${p.onGo}}
.where.warn{background:${p.warnSoft};color:${p.warn}}
.where.warn .en{color:${p.ink}}
.where.ended{background:${p.endedSoft};color:${p.ended}}
.where.ended .en{color:${p.ink}}
.detail{margin:.25rem 0;text-align:left}
.detail.en{margin-top:0}
dl{text-align:left;margin:1rem 0 0;padding-top:.5rem;border-top:1px solid ${p.line}}
dt{color:${p.muted};margin-top:.75rem}
dt .en{display:inline;font-size:1em}
dt .en::before{content:' · '}
dd{margin:0;font-weight:700;overflow-wrap:break-word}
.net{margin:0 0 .75rem;padding:.75rem 1rem;border-radius:.75rem;background:${p.alertSoft};color:${p.alert};font-weight:700}
.net .en{color:${p.alert}}
.alerts{display:block;width:100%;margin:1rem 0 0;min-height:3rem;padding:.75rem 1rem;border:2px solid ${p.ink};border-radius:.75rem;background:${p.surface};color:${p.ink};font:inherit;font-weight:700;cursor:pointer}
.alerts[aria-pressed=true]{background:${p.soft}}
.alerts:focus-visible{outline:3px solid ${p.focus};outline-offset:2px}
.note{color:${p.muted};font-size:1rem;text-align:center}
[hidden]{display:none!important}
`
  .trim()
  .replace(/\n/g, '');
