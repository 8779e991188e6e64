import { describe, expect, it } from 'vitest';
import { runAppointmentScenario } from './appointment-scenario.js';

const base = { bookedShare: 0.3, visitorsPerHour: 20, counters: 3, serviceMinutes: 8, lateShare: 0.1 };

describe('the appointment scenario (30 % booked)', () => {
  it('keeps its invariants on several seeds and accounts for every booking', () => {
    for (const seed of [1, 2, 3]) {
      const f = runAppointmentScenario({ ...base, seed });
      expect(f.invariants, `seed ${seed}`).toEqual([]);
      expect(f.checkedIn + f.lateToWalkIn).toBe(f.bookings);
      expect(f.appointmentWaitMinutes.n).toBe(f.checkedIn);
      expect(f.calledWithin10MinOfSlot).toBeGreaterThan(0);
      expect(f.calledWithin10MinOfSlot).toBeLessThanOrEqual(1);
    }
  });

  it('calls more appointments near their slot when fewer walk-ins compete', () => {
    const busy = runAppointmentScenario({ ...base, seed: 4 });
    const quiet = runAppointmentScenario({ ...base, seed: 4, visitorsPerHour: 10 });
    expect(quiet.calledWithin10MinOfSlot).toBeGreaterThanOrEqual(busy.calledWithin10MinOfSlot);
  });
});
