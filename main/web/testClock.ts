// Browser mode's test clock (issue 15): e2e tests run the host as a separate process, so they move its time over
// HTTP. Off unless PROOFDECK_TEST_CLOCK=1 names it; `POST /__test/clock` is refused (404) otherwise. It sits behind
// the same Host / Sec-Fetch-Site / Origin / token guards as the API, and the Electron host never has it.
import type { Message } from '../contract/messages';
import { message } from '../contract/messages';
import { movableClock, systemClock, type Clock, type MovableClock } from '../services/clock';

export const TEST_CLOCK_PATH = '/__test/clock';

/** The test clock the environment asks for, or null (the normal case): `PROOFDECK_TEST_CLOCK=1`, and optionally a
 *  fixed zone `PROOFDECK_TEST_TZ_OFFSET_MIN` (minutes east of UTC, e.g. 330 or -210). A bad value stops the start. */
export function testClockFromEnv(env: NodeJS.ProcessEnv, base: Clock = systemClock): MovableClock | null {
  if (env.PROOFDECK_TEST_CLOCK !== '1') return null;
  const zone = env.PROOFDECK_TEST_TZ_OFFSET_MIN;
  if (zone === undefined || zone === '') return movableClock(base);
  const minutes = Number(zone);
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 14 * 60) throw new Error(`PROOFDECK_TEST_TZ_OFFSET_MIN needs whole minutes within ±840, got ${zone}`);
  return movableClock(base, { utcOffsetMin: minutes });
}

export interface ClockReading {
  now: number;
  utcOffsetMin: number;
}

const read = (clock: Clock): ClockReading => {
  const now = clock.now();
  return { now, utcOffsetMin: clock.utcOffsetMin(now) };
};

/** Applies `{ setMs }`, `{ advanceMs }` or `{}` (just read) and says where the clock is now, or why not. */
export function moveTestClock(clock: MovableClock, body: unknown): { ok: true; reading: ClockReading } | { ok: false; error: Message } {
  const bad = (detail: string) => ({ ok: false as const, error: message('testClock.badRequest', { detail }) });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return bad('send a JSON object');
  const { setMs, advanceMs, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) return bad(`unknown field ${Object.keys(rest)[0]}`);
  if (setMs !== undefined && advanceMs !== undefined) return bad('send setMs or advanceMs, not both');
  for (const [name, value] of [['setMs', setMs], ['advanceMs', advanceMs]] as const) {
    if (value !== undefined && !Number.isSafeInteger(value)) return bad(`${name} must be a whole number of milliseconds`);
  }
  if (typeof setMs === 'number') clock.set(setMs);
  if (typeof advanceMs === 'number') clock.advance(advanceMs);
  return { ok: true, reading: read(clock) };
}
