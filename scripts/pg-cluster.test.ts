import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin } from './pg-cluster';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-pgbin-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function fakeBin(dir: string, tools = ['initdb', 'pg_ctl']): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const tool of tools) fs.writeFileSync(path.join(dir, tool), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

describe('finding PostgreSQL', () => {
  it("prefers the newest of Debian's versioned folders", () => {
    const debian = path.join(root, 'lib');
    fakeBin(path.join(debian, '9.6/bin'));
    const newest = fakeBin(path.join(debian, '15/bin'));
    fakeBin(path.join(debian, '13/bin'));
    expect(findPostgresBin({ PATH: '' }, debian)).toBe(newest);
  });

  it('falls back to PATH, and needs both initdb and pg_ctl', () => {
    const half = fakeBin(path.join(root, 'half'), ['initdb']);
    const full = fakeBin(path.join(root, 'full'));
    expect(findPostgresBin({ PATH: [half, full].join(path.delimiter) }, path.join(root, 'none'))).toBe(full);
  });

  it('answers null when there is none', () => {
    expect(findPostgresBin({ PATH: root }, path.join(root, 'none'))).toBeNull();
  });
});
