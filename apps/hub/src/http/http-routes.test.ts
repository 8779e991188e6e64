import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '@antre/hub/testing';
import { demoHall, startTestHub } from '@antre/hub/testing';

let hub: TestHub;
let ticketId: string;

beforeAll(async () => {
  hub = await startTestHub({ config: (await demoHall()).config });
  const reply = hub.service.execute({ kind: 'kiosk', kioskId: 'kiosk-1' }, 'http-test-0001', {
    type: 'issueTicket',
    serviceId: 'kartu-keluarga',
  });
  if (!reply.ok || reply.events[0]?.event.type !== 'TicketIssued') throw new Error('setup failed');
  ticketId = reply.events[0].event.ticket.id;
});

afterAll(async () => {
  await hub.dispose();
});

async function get(path: string): Promise<Response> {
  return fetch(`${hub.url}${path}`);
}

describe('HTTP routes', () => {
  it('reports health with the hall day and the last sequence', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '0.1.0',
      hallId: 'mpp-padang-panjang',
      day: '2026-11-30',
      seq: 1,
      shipping: null,
    });
  });

  it('serves the public state and config without secrets', async () => {
    const state = (await (await get('/api/state')).json()) as { seq: number; state: { tickets: object } };
    expect(state.seq).toBe(1);
    expect(Object.keys(state.state.tickets)).toEqual([ticketId]);
    const config = await (await get('/api/config')).text();
    expect(config).toContain('MPP Kota Padang Panjang');
    expect(config).not.toContain('pinHash');
    expect(config).not.toContain('scrypt$');
  });

  it('shows a ticket’s live status page in Indonesian and English', async () => {
    const res = await get(`/t/${ticketId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('C-001');
    expect(html).toContain('Menunggu');
    expect(html).toContain('Kartu Keluarga');
    const api = (await (await get(`/api/tickets/${ticketId}`)).json()) as { position: { ahead: number } };
    expect(api.position.ahead).toBe(0);
  });

  it('answers unknown tickets, prototype names and unknown paths with 404, and writes with 405', async () => {
    for (const path of ['/t/nope', '/t/constructor', '/t/__proto__', '/api/tickets/toString', '/api/nope']) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await fetch(`${hub.url}/api/state`, { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('serves each app, or a placeholder, and refuses paths out of the app folder', async () => {
    const res = await get('/display/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    // Encoded slashes survive URL normalisation and reach the static server, which must refuse them.
    const escape = await get('/kiosk/..%2f..%2fhub%2fconfig%2fdemo-hall.json');
    expect(escape.status).toBe(403);
  });
});
