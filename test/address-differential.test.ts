// The e-mail address parser of src/checks/address-parser.ts against CPython 3.14's own
// email.utils (the Python Warehouse runs), and the Author-email verdict of checkMetadataFields
// against Warehouse's rule (parseaddr, then email-validator on the address it finds), on thousands
// of generated values judged by test/python/address_oracle.py in one CPython 3.14 process.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedAddress } from '../src/checks/address-parser.js';
import { getaddresses, parseaddr } from '../src/checks/address-strict.js';
import { emailAddressProblem } from '../src/checks/email-address.js';
import { checkMetadataFields } from '../src/checks/metadata-checks.js';
import { addressSamples } from './support/address-samples.ts';
import { seededRandom } from './support/seeded.ts';
import { runCPython314 } from './support/cpython314.ts';
import { ROOT } from './support/python-env.ts';

const ORACLE = join(ROOT, 'test/python/address_oracle.py');
const PSUTIL = 'g.rodola <at> gmail <dot> com';
const VALUES = [PSUTIL, ...addressSamples(4000)];
// Lists of one to three values, as getaddresses takes them (header fields that occur more than once).
const LISTS = ((): string[][] => {
  const random = seededRandom(41);
  return Array.from({ length: 1500 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => VALUES[Math.floor(random() * VALUES.length)]),
  );
})();

// Every non-ASCII code point of the BMP in a domain label, every fifth in a local part, and a
// sample of the other planes in both: a code point the checks misjudge would refuse real addresses.
const SWEEP = ((): { point: number; address: string }[] => {
  const addresses: { point: number; address: string }[] = [];
  const add = (template: string, from: number, to: number, step: number): void => {
    for (let point = from; point <= to; point += step) {
      if (point < 0xd800 || point > 0xdfff)
        addresses.push({ point, address: template.replace('{}', String.fromCodePoint(point)) });
    }
  };
  add('a@b{}c.example.com', 0x80, 0xffff, 1);
  add('a@b{}c.example.com', 0x10000, 0x10ffff, 97);
  add('a{}b@example.com', 0x80, 0xffff, 5);
  add('a{}b@example.com', 0x10000, 0x10ffff, 389);
  return addresses;
})();

interface Answer {
  python: string;
  unicode: string;
  sweep: string;
  parseaddr: [string, string][];
  getaddresses: [string, string][][];
  verdicts: (string | null)[];
}

let answer: Answer;

const pair = (parsed: ParsedAddress): [string, string] => [parsed.name, parsed.address];
const refusedByUs = (value: string): boolean =>
  checkMetadataFields({
    headers: [
      ['Metadata-Version', '2.4'],
      ['Name', 'x'],
      ['Version', '1'],
      ['Author-email', value],
    ],
    body: '',
  }).some((problem) => problem.severity === 'error');

beforeAll(async () => {
  const sweep = SWEEP.map(({ address }) => address);
  answer = JSON.parse(await runCPython314(ORACLE, JSON.stringify({ values: VALUES, lists: LISTS, sweep }))) as Answer;
  const found = answer.parseaddr.filter(([, address]) => address !== '').length;
  const refused = answer.verdicts.filter((verdict) => verdict !== null).length;
  process.stdout.write(
    `address differential (${answer.python} with the test venv's email-validator): ${VALUES.length} values, ` +
      `parseaddr finds an address in ${found}, Warehouse refuses ${refused}; ${LISTS.length} getaddresses lists\n`,
  );
});

describe('the address parser against CPython 3.14 email.utils (strict)', () => {
  it('judges with CPython 3.14', () => {
    expect(answer.python).toMatch(/^CPython 3\.14\./);
  });

  it('parseaddr: the same (name, address) for every generated value', () => {
    const differences = VALUES.flatMap((value, k) => {
      const ours = pair(parseaddr(value));
      const theirs = answer.parseaddr[k];
      return ours[0] === theirs[0] && ours[1] === theirs[1]
        ? []
        : [`${JSON.stringify(value)}: Python ${JSON.stringify(theirs)}, ours ${JSON.stringify(ours)}`];
    });
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it('getaddresses: the same list for every generated list of values', () => {
    const differences = LISTS.flatMap((values, k) => {
      const ours = JSON.stringify(getaddresses(values).map(pair));
      const theirs = JSON.stringify(answer.getaddresses[k]);
      return ours === theirs ? [] : [`${JSON.stringify(values)}: Python ${theirs}, ours ${ours}`];
    });
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it('the corpus exercises both outcomes: addresses found and refused, and values Python gives up on', () => {
    const found = answer.parseaddr.filter(([, address]) => address !== '').length;
    const refused = answer.verdicts.filter((verdict) => verdict !== null).length;
    expect(found).toBeGreaterThan(VALUES.length / 4);
    expect(VALUES.length - found).toBeGreaterThan(VALUES.length / 4);
    expect(refused).toBeGreaterThan(VALUES.length / 10);
  });
});

// The one kind of address the checks leave to PyPI: a domain label already in Punycode, which
// email-validator decodes and judges by the IDNA tables.
const punycodeLabel = (address: string): boolean => /(?:^|[@.])xn--/i.test(address.slice(address.indexOf('@')));

describe("checkMetadataFields' Author-email verdict against Warehouse's", () => {
  it('refuses exactly the values Warehouse refuses, except Punycode domains it cannot judge', () => {
    const differences = VALUES.flatMap((value, k) => {
      const theirs = answer.verdicts[k] ?? null;
      const ours = refusedByUs(value);
      if (ours === (theirs !== null)) return [];
      if (!ours && punycodeLabel(answer.parseaddr[k][1])) return [];
      return [
        `${JSON.stringify(value)}: Warehouse ${theirs === null ? 'accepts' : `refuses (${theirs})`}, we ${ours ? 'refuse' : 'accept'}`,
      ];
    });
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it('refuses no address for a code point that email-validator accepts (every code point of the sweep)', () => {
    const falseRefusals: string[] = [];
    let refusedByThem = 0;
    let caught = 0;
    SWEEP.forEach(({ point, address }, k) => {
      const theirs = answer.sweep[k] === '1';
      const ours = emailAddressProblem(address) !== undefined;
      if (theirs) refusedByThem++;
      if (ours && theirs) caught++;
      if (ours && !theirs) falseRefusals.push(`U+${point.toString(16).toUpperCase()} in ${address}`);
    });
    process.stdout.write(
      `code point sweep (Unicode ${answer.unicode} in Python, ${process.versions.unicode} in Node): ${SWEEP.length} addresses, email-validator refuses ${refusedByThem}, we catch ${caught}, false refusals ${falseRefusals.length}\n`,
    );
    expect(falseRefusals.slice(0, 20)).toEqual([]);
    expect(caught).toBeGreaterThan(refusedByThem / 2);
  });

  it("accepts psutil's obfuscated address, which Python's parser gives up on", () => {
    expect(answer.parseaddr[VALUES.indexOf(PSUTIL)]).toEqual(['', '']);
    expect(parseaddr(PSUTIL)).toEqual({ name: '', address: '' });
    expect(refusedByUs(PSUTIL)).toBe(false);
  });
});
