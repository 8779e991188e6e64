import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, signIn, startTestHub, waitFor } from '@antre/hub/testing';

/**
 * `/api/audit.csv`: the audit trail the admin console downloads, over HTTP, for a supervisor's session only.
 */
let hub: TestHub;
let pins: Map<string, string>;
const open: HubConnection[] = [];

async function token(username: string): Promise<{ conn: HubConnection; token: string }> {
  const conn = connect(hub.url);
  open.push(conn);
  await waitFor(conn, () => conn.status === 'online');
  return { conn, token: await signIn(conn, username, pins.get(username) ?? '') };
}

function get(query: string, bearer?: string): Promise<Response> {
  return fetch(
    `${hub.url}/api/audit.csv${query}`,
    bearer === undefined ? {} : { headers: { authorization: `Bearer ${bearer}` } },
  );
}

beforeAll(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
});

afterAll(async () => {
  for (const c of open) c.close();
  await hub?.dispose();
});

describe('the audit trail as CSV over HTTP', () => {
  it("gives a supervisor the page's rows, filtered as the page filters", async () => {
    const supervisor = await token('supervisor');
    for (const [username, agencyId] of [
      ['dukcapil7', 'disdukcapil'],
      ['samsat7', 'samsat'],
    ] as const) {
      const reply = await supervisor.conn.request('staff:change', {
        commandId: `audit-${username}`,
        expectedVersion: hub.service.configVersion,
        change: { type: 'create', username, name: `Petugas ${username}`, role: 'staff', agencyId },
      });
      expect(reply.ok).toBe(true);
    }
    const res = await get('', supervisor.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toContain('Sebelum / Before');
    // Newest first, one line per change, as the console's download.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('staff:samsat7');
    expect(lines[2]).toContain('staff:dukcapil7');

    const filtered = (await (await get('?subject=dukcapil7', supervisor.token)).text()).trim().split('\r\n');
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain('staff:dukcapil7');
  });

  it('refuses the public, counter staff and a bad filter with a clear error in both languages', async () => {
    const anonymous = await get('');
    expect(anonymous.status).toBe(401);
    const said = (await anonymous.json()) as { error: { code: string; text: { id: string; en: string } } };
    expect(said.error.code).toBe('UNAUTHENTICATED');
    expect(said.error.text.id).toMatch(/Masuk sebagai supervisor/);

    const desk = await token('dukcapil1');
    const forbidden = await get('', desk.token);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');

    const supervisor = await token('supervisor');
    const bad = await get('?kind=nope', supervisor.token);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { text: { en: string } } }).error.text.en).toMatch(/filter/);
    const forged = await get('', 'forgedtoken123456');
    expect(forged.status).toBe(401);
  });
});
