import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCANNED = ['src', 'test', 'scripts', '.ci', '.github', 'package.json', 'vitest.config.ts', 'action.yml'];

function files(path: string): string[] {
  const entries = (() => {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch {
      return undefined; // a file, not a folder
    }
  })();
  if (!entries) return [path];
  return entries.flatMap((entry) => files(join(path, entry.name)));
}

describe('a clone stands on its own', () => {
  it('reads nothing from the workplace folder beside the checkout (shared/, one level up)', () => {
    const readers = SCANNED.flatMap((entry) => files(join(ROOT, entry)))
      .filter((file) => !file.endsWith('.whl') && !file.endsWith('.tar.gz') && !file.endsWith('standalone.test.ts'))
      .filter((file) => /\.\.[/\\]+shared\b|'\.\.',\s*'shared'/.test(readFileSync(file, 'latin1')))
      .map((file) => relative(ROOT, file));
    expect(readers).toEqual([]);
  });

  it('would notice such a reader', () => {
    const reader = `join(ROOT, '${['..', 'shared', 'fixtures', 'pep740'].join('/')}')`;
    expect(/\.\.[/\\]+shared\b/.test(reader)).toBe(true);
  });
});
