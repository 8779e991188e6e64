/**
 * The centre's two pages share one frame: plain HTML, CSS and a small script, no build step, after the
 * official Socket.IO browser client that the node itself serves. Colours meet WCAG AA (text #1b1f24 on white,
 * #ffffff on #0b4f8a, bars #0b4f8a against white); sizes are in rem, the table scrolls on its own and the
 * charts stack at 200 % zoom. Indonesian first, English second.
 */
export function pageShell(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1b1f24; background: #ffffff; }
  body { margin: 0; }
  [hidden] { display: none !important; }
  header { background: #0b4f8a; color: #ffffff; padding: 0.75rem 1.25rem; }
  header h1 { margin: 0; font-size: 1.4rem; }
  header p { margin: 0.25rem 0 0; font-size: 0.95rem; }
  main { padding: 1rem 1.25rem; }
  .en { color: #4a5260; font-weight: normal; }
  header .en { color: #dbe7f3; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; min-width: 40rem; }
  th, td { border-bottom: 1px solid #c9ced6; padding: 0.5rem 0.6rem; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  th { background: #eef2f7; font-size: 0.9rem; vertical-align: bottom; }
  th .en { display: block; font-size: 0.8rem; }
  td.num { font-variant-numeric: tabular-nums; font-size: 1.1rem; }
  .late { color: #a11b1b; font-weight: 600; }
  form { display: grid; gap: 0.6rem; max-width: 22rem; }
  label { display: grid; gap: 0.2rem; font-weight: 600; }
  input { font-size: 1rem; padding: 0.45rem; border: 1px solid #6b7380; border-radius: 4px; }
  button { font-size: 1rem; padding: 0.55rem; background: #0b4f8a; color: #ffffff; border: 0; border-radius: 4px; }
  [role="alert"] { color: #a11b1b; font-weight: 600; }
  .status { color: #4a5260; font-size: 0.9rem; margin-top: 0.75rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 0.75rem; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1.25rem 2rem; }
  figure { margin: 0; }
  figcaption { font-weight: 600; margin-bottom: 0.3rem; }
  .hall-bars { display: block; font-size: 0.85rem; overflow: visible; }
  .hall-bars text { fill: #1b1f24; }
  .hall-bars .hall { font-weight: 600; }
  .hall-bars .tick { fill: #4a5260; }
  .hall-bars .grid { stroke: #c9ced6; stroke-width: 1px; }
  .bar.solid, .swatch.solid { fill: #0b4f8a; background: #0b4f8a; }
  .bar.hollow { fill: #dbe7f3; stroke: #0b4f8a; stroke-width: 2px; }
  .swatch { display: inline-block; width: 1.6em; height: 0.9em; margin: 0 0.35em 0 0.8em; vertical-align: -0.1em; }
  .swatch:first-child { margin-left: 0; }
  .swatch.hollow { background: #dbe7f3; border: 2px solid #0b4f8a; box-sizing: border-box; }
  .key { margin: 0.3rem 0 0; font-size: 0.9rem; }
</style>
</head>
<body>
${body}
<script src="/socket.io/socket.io.min.js"></script>
<script>
${script}
</script>
</body>
</html>
`;
}

/** Shared by both pages' scripts: a figure in Indonesian notation, a dash when there is none. */
export const FORMAT_SCRIPT = `
const fmt = (v, digits) => v === null || v === undefined ? '–'
  : Number(v).toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
`;
