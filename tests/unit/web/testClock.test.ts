// Browser mode's test clock (issue 15): off unless PROOFDECK_TEST_CLOCK=1 names it, behind the API's guards when on,
// and the app's "today" follows it. Real hosts over loopback HTTP on real data dirs, one with the clock, one without.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movableClock, type Clock } from '../../../main/services/clock';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { moveTestClock, testClockFromEnv } from '../../../main/web/testClock';

const TOKEN = 'clock-token-0123456789abcdefghij';
const DAY = 86_400_000;
let root: string;
let withClock: WebHost;
let without: WebHost;

interface Reply { status: number; body: string }

function post(host: WebHost, path: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: host.port, method: 'POST', path, agent: false,
      headers: { host: `${host.hostName}:${host.port}`, 'x-proofdeck-token': TOKEN, 'content-type': 'application/json', ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const moveClock = (host: WebHost, body: unknown, headers?: Record<string, string>) => post(host, '/__test/clock', JSON.stringify(body), headers);
const today = async (host: WebHost) => JSON.parse((await post(host, '/api/overview', '')).body).result.today as number;

async function startHost(name: string, testClock?: ReturnType<typeof movableClock>): Promise<WebHost> {
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><p>app</p>');
  writeFileSync(join(rendererDir, 'sandbox.html'), '<!doctype html><p>sandbox</p>');
  mkdirSync(join(root, name, 'builtin'), { recursive: true });
  return startWebHost({ dataDir: join(root, name, 'data'), builtInDeckDir: join(root, name, 'builtin'), rendererDir, token: TOKEN, testClock });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'web-clock-'));
  // UTC+5:30: the study day turns at 04:00 local, 22:30 UTC the day before.
  withClock = await startHost('on', testClockFromEnv({ PROOFDECK_TEST_CLOCK: '1', PROOFDECK_TEST_TZ_OFFSET_MIN: '330' })!);
  without = await startHost('off');
});

afterAll(async () => {
  await withClock.close();
  await without.close();
  rmSync(root, { recursive: true, force: true });
});

describe('test clock: off unless named', () => {
  it('is null without PROOFDECK_TEST_CLOCK=1, whatever else is set', () => {
    expect(testClockFromEnv({})).toBeNull();
    expect(testClockFromEnv({ PROOFDECK_TEST_CLOCK: 'true', PROOFDECK_TEST_TZ_OFFSET_MIN: '60' })).toBeNull();
    expect(testClockFromEnv({ PROOFDECK_TEST_CLOCK: '0' })).toBeNull();
  });

  it('refuses a zone that is not whole minutes within ±14 h', () => {
    for (const zone of ['5.5', '900', 'IST']) expect(() => testClockFromEnv({ PROOFDECK_TEST_CLOCK: '1', PROOFDECK_TEST_TZ_OFFSET_MIN: zone })).toThrow(/PROOFDECK_TEST_TZ_OFFSET_MIN/);
  });

  it('answers 404 with testClock.off on a host started without it, and its time does not move', async () => {
    const before = await today(without);
    const reply = await moveClock(without, { advanceMs: 30 * DAY });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).error.code).toBe('testClock.off');
    expect(await today(without)).toBe(before);
  });
});

describe('test clock: on, behind the same guards as the API', () => {
  it('sets and advances the host clock, and the app’s study day follows it in the fixed zone', async () => {
    const set = await moveClock(withClock, { setMs: Date.UTC(2026, 2, 10, 22, 29) });
    expect(set.status).toBe(200);
    const reading = JSON.parse(set.body).result;
    expect(reading.utcOffsetMin).toBe(330);
    expect(Math.abs(reading.now - Date.UTC(2026, 2, 10, 22, 29))).toBeLessThan(60_000);
    const dayOfMarch10 = Date.UTC(2026, 2, 10) / DAY;
    expect(await today(withClock)).toBe(dayOfMarch10); // 03:59 local on the 11th: still the 10th's study day
    await moveClock(withClock, { advanceMs: 2 * 60_000 }); // 04:01 local
    expect(await today(withClock)).toBe(dayOfMarch10 + 1);
    await moveClock(withClock, { advanceMs: 3 * DAY });
    expect(await today(withClock)).toBe(dayOfMarch10 + 4);
    const read = JSON.parse((await moveClock(withClock, {})).body).result;
    expect(read.now - reading.now).toBeGreaterThanOrEqual(3 * DAY + 2 * 60_000);
  });

  it('refuses bodies that are not { setMs } or { advanceMs }', async () => {
    for (const body of [[], { setMs: 1, advanceMs: 1 }, { advanceMs: 1.5 }, { setMs: '1' }, { days: 1 }]) {
      const reply = await moveClock(withClock, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(reply.body).error.code).toBe('testClock.badRequest');
    }
  });

  it('refuses another Host, another site, another origin and a missing token before touching the clock', async () => {
    const before = JSON.parse((await moveClock(withClock, {})).body).result.now;
    const attempts: [Record<string, string>, number][] = [
      [{ host: `evil.localhost:${withClock.port}` }, 421],
      [{ 'sec-fetch-site': 'cross-site' }, 403],
      [{ origin: 'http://evil.example' }, 403],
      [{ 'x-proofdeck-token': 'wrong' }, 401],
    ];
    for (const [headers, status] of attempts) expect((await moveClock(withClock, { advanceMs: 365 * DAY }, headers)).status).toBe(status);
    const after = JSON.parse((await moveClock(withClock, {})).body).result.now;
    expect(after - before).toBeLessThan(60_000);
  });
});

describe('movable clock', () => {
  const base: Clock & { at: number } = { at: 1_000_000, now: () => base.at, utcOffsetMin: (ms) => (ms >= 5_000_000 ? 60 : 0) };

  it('keeps flowing with the base from where it is set or advanced to', () => {
    const clock = movableClock(base);
    clock.set(3_000_000);
    base.at += 500;
    expect(clock.now()).toBe(3_000_500);
    clock.advance(-1_000);
    expect(clock.now()).toBe(2_999_500);
  });

  it("follows the base's zone rules at the moved instant unless a zone is fixed", () => {
    const clock = movableClock(base);
    clock.set(5_000_000);
    expect(clock.utcOffsetMin(clock.now())).toBe(60);
    expect(movableClock(base, { utcOffsetMin: -210 }).utcOffsetMin(5_000_000)).toBe(-210);
  });

  it('answers a plain read with where it is, moving nothing', () => {
    const clock = movableClock(base, { utcOffsetMin: 345 });
    expect(moveTestClock(clock, {})).toEqual({ ok: true, reading: { now: base.at, utcOffsetMin: 345 } });
  });
});
