import { describe, expect, it } from 'vitest';
import type { ReadonlyTicket } from '@antre/shared';
import { DESK_ACTIONS, SHORTCUT_KEYS, actionForKey, deskAvailability } from './desk-actions.js';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

const ticket = (status: ReadonlyTicket['status']) =>
  ({ id: 't1', displayNumber: 'A-007', status }) as ReadonlyTicket;

const enabled = (a: ReturnType<typeof deskAvailability>) => DESK_ACTIONS.filter((x) => a[x].enabled);

describe('shortcuts', () => {
  it('gives every action its own function key, F1 to F9', () => {
    expect(DESK_ACTIONS.map((a) => SHORTCUT_KEYS[a])).toEqual([
      'F1',
      'F2',
      'F3',
      'F4',
      'F5',
      'F6',
      'F7',
      'F8',
      'F9',
    ]);
    expect(actionForKey(key('F1'))).toBe('callNext');
    expect(actionForKey(key('F9'))).toBe('putBack');
  });

  it('leaves typing and the system shortcuts alone', () => {
    expect(actionForKey(key('1'))).toBeUndefined();
    expect(actionForKey(key('a'))).toBeUndefined();
    expect(actionForKey(key('Enter'))).toBeUndefined();
    expect(actionForKey(key('F10'))).toBeUndefined();
    expect(actionForKey(key('F4', { altKey: true }))).toBeUndefined();
    expect(actionForKey(key('F5', { ctrlKey: true }))).toBeUndefined();
  });
});

describe('deskAvailability', () => {
  it('offers call next, call a number and put back at an open counter with nobody at it', () => {
    const a = deskAvailability({
      connection: 'online',
      counterStatus: 'open',
      current: undefined,
      currentSettled: false,
    });
    expect(enabled(a)).toEqual(['callNext', 'callNumber', 'putBack']);
    expect(a.finish.reason?.id).toBe('tidak ada antrean aktif');
  });

  it('offers recall and start serving only while the visitor is called', () => {
    const called = deskAvailability({
      connection: 'online',
      counterStatus: 'open',
      current: ticket('called'),
      currentSettled: false,
    });
    expect(enabled(called)).toEqual([
      'callNext',
      'recall',
      'startServing',
      'finish',
      'noShow',
      'hold',
      'transfer',
      'putBack',
    ]);
    const serving = deskAvailability({
      connection: 'online',
      counterStatus: 'open',
      current: ticket('serving'),
      currentSettled: false,
    });
    expect(serving.recall.enabled).toBe(false);
    expect(serving.recall.reason?.en).toBe('only while called');
    expect(serving.callNumber.reason?.id).toBe('selesaikan dulu A-007');
  });

  it('offline, keeps only finish and no-show, which are queued; call next says it needs the connection', () => {
    const a = deskAvailability({
      connection: 'offline',
      counterStatus: 'open',
      current: ticket('serving'),
      currentSettled: false,
    });
    expect(enabled(a)).toEqual(['finish', 'noShow']);
    expect(a.callNext.reason?.id).toBe('butuh sambungan');
  });

  it('once the current ticket is settled offline, nothing more is offered for it', () => {
    const a = deskAvailability({
      connection: 'offline',
      counterStatus: 'open',
      current: ticket('serving'),
      currentSettled: true,
    });
    expect(enabled(a)).toEqual([]);
    expect(a.finish.reason?.id).toBe('sudah dicatat, menunggu sambungan');
  });

  it('a closed or paused counter calls nobody', () => {
    for (const counterStatus of ['closed', 'paused'] as const) {
      const a = deskAvailability({
        connection: 'online',
        counterStatus,
        current: undefined,
        currentSettled: false,
      });
      expect(a.callNext.enabled).toBe(false);
      expect(a.callNumber.reason?.en).toBe('counter not open');
      expect(a.putBack.enabled).toBe(true);
    }
  });
});
