import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../common/roles.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

/**
 * The web shows a page, a menu entry or a button only when GET /me/operations
 * lists its operation. An operation that no role is ever given there (a public
 * route, a renamed path) would hide the page from everyone: every operation the
 * web names must be one that some role receives.
 */
let t: TestApp;
const given = new Map<string, string[]>();

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return webSources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const named = new Map<string, string>();
for (const file of webSources(path.resolve('web/src'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/'((?:GET|POST|PUT|PATCH|DELETE) \/api\/v1\/[^']+)'/g)) named.set(m[1]!, path.relative('.', file));
}

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) {
    const { headers } = await t.signInAs(role);
    const res = await t.app.inject({ url: '/api/v1/me/operations', headers });
    for (const op of res.json().operations as string[]) given.set(op, [...(given.get(op) ?? []), role]);
  }
}, 120_000);
afterAll(async () => t?.close());

describe('the operations the web asks for', () => {
  it('finds the operations the pages and menus name', () => {
    expect(named.size).toBeGreaterThan(20);
  });

  it('gives each of them to at least one role', () => {
    const orphans = [...named].filter(([op]) => !given.has(op)).map(([op, file]) => `${op} (${file})`);
    expect(orphans).toEqual([]);
  });

  it('gives the ministry draw page to the ministry administrator only', () => {
    expect(given.get('POST /api/v1/seasons/{code}/draw/freeze')).toEqual(['ministry_admin']);
  });
});
