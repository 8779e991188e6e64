import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyFollowUpInput } from '@antre/shared';
import type { TestHub } from '@antre/hub/testing';
import { connect, demoHall, signIn, startTestHub, waitFor } from '@antre/hub/testing';

const ALL_FOUR = [4, 4, 4, 4, 4, 4, 4, 4, 4];
let hub: TestHub;
let pins: Map<string, string>;
const STAFF = {
  kind: 'staff',
  staff: { username: 'dukcapil1', name: 'd', role: 'staff', agencyId: 'disdukcapil' },
} as const;
let n = 0;

beforeEach(async () => {
  const demo = await demoHall();
  pins = demo.pins;
  hub = await startTestHub({ config: demo.config });
});

afterEach(async () => {
  await hub.dispose();
});

function run(command: Record<string, unknown>) {
  const reply = hub.service.execute(STAFF, `survey-test-${++n}`, command);
  if (!reply.ok) throw new Error(`${String(command['type'])}: ${reply.error.code}`);
  return reply;
}

/** A Kartu Keluarga visit at loket-4, called and (unless told otherwise) finished. */
function visit(finish = true): string {
  const issued = hub.service.execute({ kind: 'kiosk', kioskId: 'kiosk-1' }, `survey-issue-${++n}`, {
    type: 'issueTicket',
    serviceId: 'kartu-keluarga',
  });
  if (!issued.ok || issued.events[0]?.event.type !== 'TicketIssued') throw new Error('issue failed');
  const id = issued.events[0].event.ticket.id;
  run({ type: 'setCounterStatus', counterId: 'loket-4', status: 'open' });
  run({ type: 'callNext', counterId: 'loket-4' });
  if (finish) run({ type: 'finish', counterId: 'loket-4' });
  return id;
}

const post = (path: string, body: unknown) =>
  fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** An answer as the counter screen or the phone's script sends it: with the ticket's link key. */
const answer = (ticketId: string, body: Record<string, unknown> = {}) =>
  post('/api/survey', { ticketId, key: hub.survey.linkKey(ticketId), answers: ALL_FOUR, ...body });

function surveyEvents(): Array<Record<string, unknown>> {
  const db = new Database(`${hub.dataDir}/antre.sqlite`, { readonly: true });
  try {
    const rows = db.prepare("SELECT payload FROM events WHERE type = 'SurveyAnswered'").all() as Array<{
      payload: string;
    }>;
    return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

describe('the survey over HTTP', () => {
  it('turns the ticket page into the survey once the visit has ended, takes one answer, and counts it', async () => {
    const open = visit(false);
    expect(await (await fetch(`${hub.url}/t/${open}`)).text()).not.toContain('Survei Kepuasan');
    const early = await answer(open);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('SURVEY_NOT_OPEN');
    expect(surveyEvents()).toEqual([]);

    run({ type: 'finish', counterId: 'loket-4' });
    const key = hub.survey.linkKey(open);
    const page = await (await fetch(`${hub.url}/t/${open}?k=${key}`)).text();
    expect(page).toContain('Survei Kepuasan Masyarakat');
    expect(page).toContain('Sangat sesuai');
    expect(page).toContain('Tidak ingin menjawab');

    const offer = (await (await fetch(`${hub.url}/api/survey/counter/loket-4`)).json()) as {
      offer: { ticketId: string; key: string };
    };
    expect(offer.offer).toMatchObject({ ticketId: open, key });

    const form = new URLSearchParams({
      lang: 'id',
      k: key,
      u1: '4',
      u2: '3',
      u3: '3',
      u4: '4',
      u5: '3',
      u6: '4',
      u7: '4',
      u9: '3',
      gender: 'female',
      suggestion: 'WA saya 0812 3456 7890',
    });
    const sent = await fetch(`${hub.url}/t/${open}/survey`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/t/${open}?k=${key}&lang=id`);
    expect(await (await fetch(`${hub.url}/t/${open}?k=${key}`)).text()).toContain(
      'Terima kasih atas penilaian',
    );

    const again = await answer(open);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('SURVEY_ANSWERED');

    const [logged] = surveyEvents();
    expect(logged).toMatchObject({
      serviceId: 'kartu-keluarga',
      agencyId: 'disdukcapil',
      counterId: 'loket-4',
      answers: [4, 3, 3, 4, 3, 4, 4, null, 3],
      suggestion: 'WA saya […]',
    });
    expect(JSON.stringify(logged)).not.toContain(open);
    expect(surveyEvents()).toHaveLength(1);

    const report = (await (await fetch(`${hub.url}/api/ikm?period=2026-11`)).json()) as {
      report: { overall: { ikm: { respondents: number; ikm: number }; visitors: number } };
    };
    // NRR 4,3,3,4,3,4,4,–,3 with U8 unanswered: no index yet, one respondent, one visitor.
    expect(report.report.overall.ikm.respondents).toBe(1);
    expect(report.report.overall.visitors).toBe(1);
    const ikm = await (await fetch(`${hub.url}/ikm?period=2026-11`)).text();
    expect(ikm).toContain('Indeks Kepuasan Masyarakat');
  });

  it('still refuses a second answer after a restart, and closes the survey when the window has passed', async () => {
    const id = visit();
    expect((await answer(id)).status).toBe(200);
    const other = visit();
    hub = await hub.restart();
    expect((await answer(id)).status).toBe(409);
    hub.clock.advance(24 * 3_600_000 + 1);
    const late = await answer(other);
    expect(late.status).toBe(409);
    const closed = await fetch(`${hub.url}/t/${other}?k=${hub.survey.linkKey(other)}`);
    expect(await closed.text()).not.toContain('Survei Kepuasan');
    const report = (await (await fetch(`${hub.url}/api/ikm?period=2026-11`)).json()) as {
      report: { overall: { ikm: { ikm: number; grade: { grade: string } } } };
    };
    expect(report.report.overall.ikm.ikm).toBe(100);
    expect(report.report.overall.ikm.grade.grade).toBe('A');
  });

  it('refuses bad input with a clear error and logs nothing', async () => {
    const id = visit();
    const key = hub.survey.linkKey(id);
    for (const [body, status] of [
      ['{not json', 400],
      [{ ticketId: id, key, answers: [5, 4, 4, 4, 4, 4, 4, 4, 4] }, 400],
      [{ ticketId: id, key, answers: ALL_FOUR, nik: '3174011201900001' }, 400],
      [{ ticketId: 'nope', key: hub.survey.linkKey('nope'), answers: ALL_FOUR }, 404],
      [{ ticketId: id, key, answers: ALL_FOUR, suggestion: 'x'.repeat(20_000) }, 413],
    ] as const) {
      expect((await post('/api/survey', body)).status, JSON.stringify(body).slice(0, 40)).toBe(status);
    }
    expect(surveyEvents()).toEqual([]);
    expect((await fetch(`${hub.url}/survey?counter=nope`)).status).toBe(404);
    expect((await fetch(`${hub.url}/api/survey/counter/nope`)).status).toBe(404);
    expect((await fetch(`${hub.url}/api/ikm?period=2026-13`)).status).toBe(400);
  });

  it("takes an answer only with the ticket's own link key: a known ticket id is not enough", async () => {
    const id = visit();
    const other = visit();
    const refusedBodies = [
      { ticketId: id, answers: ALL_FOUR },
      { ticketId: id, key: '', answers: ALL_FOUR },
      { ticketId: id, key: hub.survey.linkKey(other), answers: ALL_FOUR },
      { ticketId: id, key: `${hub.survey.linkKey(id).slice(0, 21)}x`, answers: ALL_FOUR },
      { ticketId: id, key: 12345, answers: ALL_FOUR },
    ];
    for (const body of refusedBodies) {
      const res = await post('/api/survey', body);
      expect(res.status, JSON.stringify(body.key)).toBe(403);
      const reply = (await res.json()) as { ok: boolean; error: { code: string } };
      expect(reply).toMatchObject({ ok: false, error: { code: 'SURVEY_LINK_INVALID' } });
    }

    // The phone's form without its key (or with another ticket's): a clear page, in both languages.
    for (const k of [undefined, hub.survey.linkKey(other)]) {
      const form = new URLSearchParams({ lang: 'id', u1: '1', ...(k ? { k } : {}) });
      const sent = await fetch(`${hub.url}/t/${id}/survey`, {
        method: 'POST',
        body: form,
        redirect: 'manual',
      });
      expect(sent.status).toBe(403);
      const text = await sent.text();
      expect(text).toContain('Tautan survei ini tidak berlaku');
      expect(text).toContain('This survey link is not valid');
    }

    // Without the key the ended ticket's page stays its status page: no form to fill in.
    for (const query of ['', '?k=', `?k=${hub.survey.linkKey(other)}`]) {
      expect(await (await fetch(`${hub.url}/t/${id}${query}`)).text()).not.toContain('name="u1"');
    }
    expect(surveyEvents()).toEqual([]);

    // The refusals used nothing up: the ticket's own key still answers, once.
    expect((await answer(id)).status).toBe(200);
    expect((await answer(id)).status).toBe(409);
    expect(surveyEvents()).toHaveLength(1);
  });

  it('rate-limits submissions from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1)
      statuses.push((await post('/api/survey', { ticketId: 'nope', answers: ALL_FOUR })).status);
    expect(statuses.slice(0, 30).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('takes follow-up plans from a supervisor only, and shows them in the report', async () => {
    const plan: SurveyFollowUpInput = {
      planId: 'plan-0001',
      period: '2026-11',
      element: 'U9',
      action: 'Tambah kursi ruang tunggu',
      owner: 'Kepala MPP',
      due: '2026-12-31',
    };
    const staff = connect(hub.url);
    await waitFor(staff, () => staff.status === 'online');
    await signIn(staff, 'dukcapil1', pins.get('dukcapil1') ?? '');
    const refused = await staff.request('survey:followUp', plan);
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
    const supervisor = connect(hub.url);
    await waitFor(supervisor, () => supervisor.status === 'online');
    await signIn(supervisor, 'supervisor', pins.get('supervisor') ?? '');
    const ok = await supervisor.request('survey:followUp', plan);
    expect(ok.ok).toBe(true);
    const bad = await supervisor.request('survey:followUp', {
      ...plan,
      element: 'U10',
    } as unknown as SurveyFollowUpInput);
    expect(bad.ok).toBe(false);
    staff.close();
    supervisor.close();
    const page = await (await fetch(`${hub.url}/ikm?period=2026-11`)).text();
    expect(page).toContain('Tambah kursi ruang tunggu');
    expect(page).toContain('Kepala MPP');
  });
});
