// entryPointsProblem (src/dists/entry-points.ts) against Warehouse's own check of entry_points.txt
// (warehouse/utils/wheel.py: configparser, then the script names) run by CPython 3.14's
// configparser in test/python/entry_points_oracle.py, on generated files and on every code point
// as a script name.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryPointsProblem } from '../src/dists/entry-points.js';
import { runCPython314 } from './support/cpython314.ts';
import { entryPointsSamples } from './support/entry-points-samples.ts';
import { ROOT } from './support/python-env.ts';

const ORACLE = join(ROOT, 'test/python/entry_points_oracle.py');
const TEXTS = entryPointsSamples(3000);
const POINTS = Array.from({ length: 0x30000 }, (_, point) => point).filter((point) => point < 0xd800 || point > 0xdfff);

let answer: { python: string; unicode: string; verdicts: (string | null)[]; name_chars: string };

beforeAll(async () => {
  answer = JSON.parse(
    await runCPython314(ORACLE, JSON.stringify({ texts: TEXTS, codepoints: POINTS })),
  ) as typeof answer;
  const refused = answer.verdicts.filter((verdict) => verdict !== null).length;
  process.stdout.write(
    `entry points differential (${answer.python} configparser): ${TEXTS.length} files, Warehouse refuses ${refused}, ` +
      `we refuse ${TEXTS.filter((text) => entryPointsProblem(text) !== undefined).length}; ${POINTS.length} code points as script names\n`,
  );
});

describe("entry_points.txt against Warehouse's check under CPython 3.14", () => {
  it('refuses exactly the files Warehouse refuses', () => {
    const differences = TEXTS.flatMap((text, k) => {
      const theirs = answer.verdicts[k] ?? null;
      const ours = entryPointsProblem(text);
      return (theirs === null) === (ours === undefined)
        ? []
        : [`${JSON.stringify(text)}: Warehouse ${theirs ?? 'accepts'}; we ${ours ?? 'accept'}`];
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it('accepts a deeper-indented line after a blank line as a continuation, as configparser does', () => {
    const text = '[console_scripts]\ndemo = demo:main\n\n    --flag\n';
    expect(answer.verdicts[TEXTS.indexOf(text)]).toBeNull();
    expect(entryPointsProblem(text)).toBeUndefined();
  });

  it("takes the same characters in a script name as Python's [\\w.-] (every code point of the first three planes)", () => {
    const differences = POINTS.flatMap((point, k) => {
      const ours = entryPointsProblem(`[console_scripts]\n${String.fromCodePoint(point)} = demo:main\n`) === undefined;
      const theirs = answer.name_chars[k] === '1';
      // Letters added after Python's Unicode version: we accept them, Python does not know them yet.
      if (ours && answer.name_chars[k] === 'u') return [];
      // A space, '=' or a line break cannot be a name on its own line; the name rule is what is compared.
      if (/^[\s=#;[]$/u.test(String.fromCodePoint(point)) || point === 0x85 || (point >= 0x1c && point <= 0x1f))
        return [];
      return ours === theirs ? [] : [`U+${point.toString(16).toUpperCase()}: Python ${theirs}, ours ${ours}`];
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it('the samples cover both outcomes', () => {
    const refused = answer.verdicts.filter((verdict) => verdict !== null).length;
    expect(refused).toBeGreaterThan(TEXTS.length / 5);
    expect(TEXTS.length - refused).toBeGreaterThan(TEXTS.length / 5);
  });
});
