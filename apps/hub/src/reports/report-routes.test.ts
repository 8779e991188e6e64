import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { CommandInput } from '@antre/shared';
import { testHall } from '@antre/shared/testing';
import type { TestHub } from '@antre/hub/testing';
import { connect, kioskCredentials, signIn, startTestHub, waitFor } from '@antre/hub/testing';
import { prepareHallConfig } from '../config-loader.js';

let hub: TestHub;
const conns: HubConnection[] = [];
const tokens = new Map<string, string>();

async function online(credentials = {}): Promise<HubConnection> {
  const c = connect(hub.url, credentials);
  conns.push(c);
  await waitFor(c, () => c.status === 'online' && c.state !== undefined);
  return c;
}

async function must(c: HubConnection, command: CommandInput): Promise<void> {
  const reply = await c.command(command);
  if (!reply.ok) throw new Error(`${command.type}: ${reply.error.code}`);
}

function get(path: string, user?: string): Promise<Response> {
  const token = user === undefined ? undefined : tokens.get(user);
  return fetch(
    `${hub.url}${path}`,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );
}

beforeAll(async () => {
  const { config } = await prepareHallConfig(testHall(), { demoMode: true });
  hub = await startTestHub({ config });
  const kiosk = await online(kioskCredentials('k1'));
  await must(kiosk, { type: 'issueTicket', serviceId: 'ktp' });
  await must(kiosk, { type: 'issueTicket', serviceId: 'paspor' });
  for (const user of ['spv', 'dukcapil1', 'imigrasi1']) {
    const c = await online();
    tokens.set(user, await signIn(c, user, '1234'));
  }
  const desk = await online({ sessionToken: tokens.get('dukcapil1') });
  await must(desk, { type: 'setCounterStatus', counterId: 'c1', status: 'open' });
  hub.clock.advance(5 * 60_000);
  await must(desk, { type: 'callNext', counterId: 'c1' });
  hub.clock.advance(6 * 60_000);
  await must(desk, { type: 'finish', counterId: 'c1' });
});

afterAll(async () => {
  for (const c of conns) c.close();
  await hub.dispose();
});

const summaryValue = (body: { tables: Array<{ rows: Array<Record<string, unknown>> }> }, key: string) =>
  body.tables[0]?.rows.find((r) => r['key'] === key)?.['value'];

describe('/api/reports', () => {
  it('answers staff only: no token, a wrong token or none at all get 401 and no figures', async () => {
    for (const res of [await get('/api/reports/summary'), await get('/api/reports/summary', 'nobody')]) {
      expect(res.status).toBe(401);
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['error']);
    }
    const forged = await fetch(`${hub.url}/api/reports/summary`, {
      headers: { authorization: 'Bearer forgedtoken123' },
    });
    expect(forged.status).toBe(401);
  });

  it('gives the supervisor the hall, live: today’s tickets are in the figures', async () => {
    const res = await get('/api/reports/summary?period=day', 'spv');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Parameters<typeof summaryValue>[0] & { filters: object };
    expect(summaryValue(body, 'visits')).toBe(2);
    expect(summaryValue(body, 'visitsServed')).toBe(1);
    expect(summaryValue(body, 'waitMean')).toBe(5);
    expect(summaryValue(body, 'serviceMean')).toBe(6);
    expect(body.filters).toEqual({});
  });

  it('limits an agency’s staff to their agency and refuses another agency’s figures', async () => {
    const own = (await (await get('/api/reports/summary', 'imigrasi1')).json()) as Parameters<
      typeof summaryValue
    >[0] & {
      filters: object;
    };
    expect(own.filters).toEqual({ agencyId: 'imigrasi' });
    expect(summaryValue(own, 'visits')).toBe(1);
    for (const q of ['agency=disdukcapil', 'service=ktp', 'counter=c1', 'staff=dukcapil1']) {
      const res = await get(`/api/reports/services?${q}`, 'imigrasi1');
      expect(res.status, q).toBe(403);
      const body = (await res.json()) as { error: { code: string }; tables?: unknown };
      expect(body.error.code).toBe('FORBIDDEN');
      expect(body.tables).toBeUndefined();
    }
  });

  it('refuses bad input with a clear error in both languages', async () => {
    const cases: Array<[string, number]> = [
      ['/api/reports/summary?period=custom&from=2026-11-30&to=2026-11-01', 400],
      ['/api/reports/summary?period=custom&from=2024-01-01&to=2026-01-01', 400],
      ['/api/reports/summary?period=day&date=2026-02-30', 400],
      ['/api/reports/summary?period=day&date=1066-10-14', 400],
      ['/api/reports/summary?period=fortnight', 400],
      ['/api/reports/summary?service=nope', 400],
      ['/api/reports/summary?counter=c99', 400],
      ['/api/reports/summary?staff=ghost', 400],
      ['/api/reports/summary?nik=3171234567890001', 400],
      ['/api/reports/summary?period=day&period=week', 400],
      ['/api/reports/no-such-report', 404],
      ['/api/reports/summary.pdf', 404],
      ['/api/reports/summary.csv?table=nope', 400],
    ];
    for (const [path, status] of cases) {
      const res = await get(path, 'spv');
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as { error: { code: string; text: { id: string; en: string } } };
      expect(body.error.text.id.length, path).toBeGreaterThan(0);
      expect(body.error.text.en.length, path).toBeGreaterThan(0);
    }
    const reversed = (await (
      await get('/api/reports/summary?from=2026-11-30&to=2026-11-01', 'spv')
    ).json()) as {
      error: { text: { en: string } };
    };
    expect(reversed.error.text.en).toContain('Reversed period');
  });

  it('exports a report as XLSX with typed cells, one sheet per table', async () => {
    const res = await get('/api/reports/monthly-summary.xlsx?period=month&date=2026-11', 'spv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Transaksi per instansi',
      'Transaksi per layanan',
      'Keterangan',
    ]);
    const summary = wb.getWorksheet('Ringkasan');
    const visitsRow = summary?.getColumn(1).values.findIndex((v) => v === 'visits') ?? -1;
    expect(summary?.getCell(visitsRow, 4).value).toBe(2);
    expect(summary?.getCell(visitsRow, 4).type).toBe(ExcelJS.ValueType.Number);
    const services = wb.getWorksheet('Transaksi per layanan');
    const header = services?.getRow(1).values as unknown[];
    const col = (label: string) => header.indexOf(label);
    const ktp = services?.getColumn(1).values.findIndex((v) => v === 'ktp') ?? -1;
    expect(services?.getCell(ktp, col('Dilayani')).value).toBe(1);
    // 100 % served, as a fraction formatted as a percentage.
    expect(services?.getCell(ktp, col('% dilayani')).value).toBe(1);
    expect(services?.getCell(ktp, col('% dilayani')).numFmt).toBe('0.0%');
    expect(services?.getCell(ktp, col('Tunggu rata-rata (menit)')).value).toBe(5);
  });

  it('exports the raw rows of a period as CSV and XLSX, with nothing personal in them', async () => {
    const csv = await (await get('/api/reports/raw/transactions.csv?period=day', 'spv')).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'Tanggal,ID tiket,Transaksi ke-,Layanan,Instansi,Prioritas,Asal,Loket,Petugas,Masuk antrean,Dipanggil,Mulai dilayani,Selesai,Hasil,Tunggu (menit),Jalan (menit),Layanan (menit),Target (menit),Panggilan ulang',
    );
    expect(
      lines.some((l) => l.includes(',ktp,disdukcapil,none,kiosk,1,dukcapil1,') && l.includes(',served,5,')),
    ).toBe(true);
    const xlsx = await get('/api/reports/raw/visits.xlsx?period=day', 'spv');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Kunjungan');
    expect(sheet?.rowCount).toBe(3);
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Tanggal', 'ID tiket', 'Nomor']);
  });

  it('serves the monthly summary as a printable page with a slot for the satisfaction index', async () => {
    const res = await get('/api/reports/monthly-summary.html?date=2026-11', 'spv');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Mal Pelayanan Publik Uji');
    expect(html).toContain('November 2026');
    expect(html).toContain('data-slot="ikm"');
    expect(html).toContain('size: A4');
  });
});
