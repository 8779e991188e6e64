import type { LocalizedText } from '@antre/shared';
import type { Report } from '@antre/reporting';

/** A report, or why the hub refused it (its words in both languages). */
export type ReportResult = { ok: true; report: Report } | { ok: false; text: LocalizedText };

const UNREACHABLE: LocalizedText = { id: 'Pusat antrean tidak menjawab.', en: 'The hub did not answer.' };

/** `/api/reports/<id>.json?<query>`, with the staff session as the bearer. */
export async function fetchReport(token: string, id: string, query: string): Promise<ReportResult> {
  try {
    const res = await fetch(`/api/reports/${id}.json?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as unknown;
    if (res.ok) return { ok: true, report: body as Report };
    const text = (body as { error?: { text?: LocalizedText } }).error?.text;
    return { ok: false, text: text ?? UNREACHABLE };
  } catch {
    return { ok: false, text: UNREACHABLE };
  }
}

/**
 * Downloads an export (CSV, XLSX) or opens the printable summary: fetched with the session, since a plain
 * link cannot carry it, then handed to the browser as a file or a new tab.
 */
export async function openExport(token: string, path: string, filename?: string): Promise<boolean> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return false;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  if (filename === undefined) a.target = '_blank';
  else a.download = filename;
  a.click();
  // The new tab or the download has the blob by now; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
