import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';

const STAFF = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 's', role: 'supervisor' },
} as const;
let hub: TestHub;
let n = 0;

function run(command: Record<string, unknown>) {
  const reply = hub.service.execute(STAFF, `ikm-xlsx-${++n}`, command);
  if (!reply.ok) throw new Error(`${String(command['type'])}: ${reply.error.code}`);
  return reply;
}

/** A visit finished at `counterId` and rated with `answers`, as the counter screen sends it. */
async function rated(serviceId: string, counterId: string, answers: Array<number | null>): Promise<void> {
  const issued = run({ type: 'issueTicket', serviceId }).events[0]?.event;
  if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
  const id = issued.ticket.id;
  run({ type: 'callNext', counterId });
  run({ type: 'finish', counterId });
  const res = await fetch(`${hub.url}/api/survey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticketId: id, key: hub.survey.linkKey(id), answers, profile: { gender: 'male' } }),
  });
  if (res.status !== 200) throw new Error(`survey: ${res.status}`);
}

async function workbook(query: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${hub.url}/api/ikm.xlsx${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain('ikm-2026-11.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The row of a sheet whose column `col` holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(col).value === text) found = row;
  });
  if (!found) throw new Error(`no row with ${text}`);
  return found;
}

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  for (const counterId of ['loket-4', 'loket-12'])
    run({ type: 'setCounterStatus', counterId, status: 'open' });
  // Disdukcapil at loket-4: all 4 and all 3 with U2 skipped. BPJS at loket-12: all 2.
  await rated('kartu-keluarga', 'loket-4', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
  await rated('kartu-keluarga', 'loket-4', [3, null, 3, 3, 3, 3, 3, 3, 3]);
  await rated('perubahan-data-jkn', 'loket-12', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
});

afterAll(async () => {
  await hub.dispose();
});

describe('the IKM report as XLSX', () => {
  it('has the per-element NRR, their exact 1/9 weights, the index and its grade, as number cells', async () => {
    const ws = (await workbook('?period=2026-11')).getWorksheet('IKM');
    if (!ws) throw new Error('no IKM sheet');
    // U1: (4 + 3 + 2) / 3 = 3; U2: (4 + 2) / 2 = 3 (the skipped answer counts neither way).
    const u1 = rowWith(ws, 1, 'U1');
    expect(u1.getCell(3).value).toBe(3);
    expect(u1.getCell(4).value).toBe(3);
    expect(u1.getCell(5).value).toBeCloseTo(3 / 9, 12);
    expect(u1.getCell(6).value).toBe(75);
    expect(u1.getCell(7).value).toBe('C');
    const u2 = rowWith(ws, 1, 'U2');
    expect(u2.getCell(3).value).toBe(2);
    expect(u2.getCell(4).value).toBe(3);
    expect(rowWith(ws, 2, 'Jumlah NRR tertimbang').getCell(5).value).toBeCloseTo(3, 12);
    // Σ = 3 → IKM 75.00: grade C (65.00–76.60), Kurang Baik.
    expect(rowWith(ws, 2, 'IKM unit pelayanan (Σ NRR tertimbang × 25)').getCell(3).value).toBe(75);
    expect(rowWith(ws, 2, 'Mutu pelayanan').getCell(3).value).toBe('C');
    expect(rowWith(ws, 2, 'Kinerja unit pelayanan').getCell(3).value).toBe('Kurang Baik (Poor)');
    expect(rowWith(ws, 2, 'Jumlah responden').getCell(3).value).toBe(3);
    expect(rowWith(ws, 2, 'Periode').getCell(3).value).toBe('2026-11 (2026-11-01 s.d. 2026-11-30)');
  });

  it('has the index per agency, service and counter, and the respondent profile', async () => {
    const wb = await workbook('?period=2026-11');
    const units = wb.getWorksheet('Per unit');
    if (!units) throw new Error('no unit sheet');
    const counter4 = rowWith(units, 2, 'Loket 4');
    // Loket 4: U1 (4 + 3) / 2 = 3.5, U2 4, U3–U9 3.5 → Σ 32 / 9 × 25 = 88.888…: A.
    expect(counter4.getCell(3).value).toBeCloseTo((32 / 9) * 25, 9);
    expect(counter4.getCell(4).value).toBe('A');
    expect(counter4.getCell(6).value).toBe(2);
    expect(counter4.getCell(11).value).toBe(4);
    const counter12 = rowWith(units, 2, 'Loket 12');
    expect(counter12.getCell(3).value).toBe(50);
    expect(counter12.getCell(4).value).toBe('D');
    const profile = wb.getWorksheet('Profil responden');
    if (!profile) throw new Error('no profile sheet');
    expect(rowWith(profile, 2, 'Laki-laki').getCell(3).value).toBe(3);
    expect(wb.getWorksheet('Tindak lanjut')).toBeDefined();
  });

  it('narrows to an agency, and refuses a bad period with a clear error', async () => {
    const ws = (await workbook('?period=2026-11&agency=disdukcapil')).getWorksheet('IKM');
    if (!ws) throw new Error('no IKM sheet');
    expect(rowWith(ws, 2, 'Jumlah responden').getCell(3).value).toBe(2);
    expect(String(rowWith(ws, 2, 'Lingkup').getCell(3).value)).toContain('Instansi');
    const bad = await fetch(`${hub.url}/api/ikm.xlsx?period=2026-13`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });
});
