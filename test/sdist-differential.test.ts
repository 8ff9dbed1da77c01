// The sdist reader (src/dists/tar.ts, sdist-listing.ts, and readDistMetadata's verdict) against
// CPython 3.14's tarfile as Warehouse uses it (test/python/sdist_oracle.py): member names, the
// top-level folder PyPI takes, the PKG-INFO it finds, and whether it refuses the file, on
// generated archives that spell names every way tar can.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishError } from '../src/common/errors.js';
import { readDistMetadata } from '../src/dists/dist-metadata.js';
import { listSdist, type SdistListing } from '../src/dists/sdist-listing.js';
import { walkTarGz } from '../src/dists/tar.js';
import { runCPython314 } from './support/cpython314.ts';
import { CACHE, ROOT } from './support/python-env.ts';
import { sdistSamples } from './support/sdist-samples.ts';
import { sdistProblem } from './support/warehouse-sdist.ts';

const ORACLE = join(ROOT, 'test/python/sdist_oracle.py');

interface Judged {
  names: string[];
  commonpath: string | null;
  refusal: string | null;
  pkg_info: { name: string; regular: boolean; data: string | null } | null;
}

interface Ours {
  names: string[];
  listing: SdistListing;
  refusal: string | undefined;
  warnings: string[];
}

let dir = '';
const paths: string[] = [];
let theirs: Record<string, Judged> = {};
const ours = new Map<string, Ours>();

async function readOurs(path: string): Promise<Ours> {
  const names: string[] = [];
  await walkTarGz(path, (member) => void names.push(member.name));
  const listing = await listSdist(path);
  const dist = {
    filename: 'pkg-1.0.tar.gz',
    kind: 'sdist',
    name: 'pkg',
    version: '1.0',
    pyversion: 'source',
    path,
    size: 0,
  } as const;
  try {
    const read = await readDistMetadata(dist);
    return { names, listing, refusal: undefined, warnings: read.warnings.map((w) => w.message) };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    return { names, listing, refusal: error.message, warnings: [] };
  }
}

beforeAll(async () => {
  await mkdir(CACHE, { recursive: true });
  dir = await mkdtemp(join(CACHE, 'sdist-differential-'));
  for (const [k, archive] of sdistSamples(400).entries()) {
    const path = join(dir, `sample-${k}.tar.gz`);
    await writeFile(path, archive);
    paths.push(path);
  }
  theirs = JSON.parse(await runCPython314(ORACLE, JSON.stringify({ archives: paths }))) as Record<string, Judged>;
  for (const path of paths) ours.set(path, await readOurs(path));
  const refused = paths.filter((path) => theirs[path].refusal !== null).length;
  const duplicated = paths.filter((path) => (ours.get(path)!.listing.pkgInfo?.copies ?? 0) > 1).length;
  process.stdout.write(
    `sdist differential (CPython 3.14 tarfile): ${paths.length} archives, Warehouse refuses ${refused}, ` +
      `we refuse ${paths.filter((path) => ours.get(path)!.refusal !== undefined).length}; ${duplicated} with PKG-INFO stored more than once\n`,
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const differing = (describe: (path: string) => string | undefined): string[] =>
  paths.flatMap((path) => {
    const difference = describe(path);
    return difference === undefined ? [] : [`${path.slice(dir.length + 1)}: ${difference}`];
  });

describe('the sdist reader against CPython 3.14 tarfile, as Warehouse reads an sdist', () => {
  it('lists the same member names', () => {
    const differences = differing((path) => {
      const [a, b] = [JSON.stringify(theirs[path].names), JSON.stringify(ours.get(path)!.names)];
      return a === b ? undefined : `Python ${a}, ours ${b}`;
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it('takes the same top-level folder (os.path.commonpath of the names)', () => {
    const differences = differing((path) => {
      const python = theirs[path].commonpath;
      const mine = ours.get(path)!.listing.commonPath;
      return (python ?? undefined) === mine ? undefined : `Python ${python}, ours ${mine}`;
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it('reads the same PKG-INFO member, the last of its name', () => {
    const differences = differing((path) => {
      const python = theirs[path].pkg_info;
      const mine = ours.get(path)!.listing.pkgInfo;
      const a = python && `${python.name} ${python.data}`;
      const b = mine && `${mine.name} ${mine.data?.toString('latin1') ?? null}`;
      return (a ?? undefined) === (b ?? undefined) ? undefined : `Python ${a}, ours ${b}`;
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it('refuses exactly the archives Warehouse refuses, and warns about every PKG-INFO stored twice', () => {
    const differences = differing((path) => {
      const python = theirs[path].refusal;
      const { refusal, warnings, listing } = ours.get(path)!;
      if ((python === null) !== (refusal === undefined))
        return `Warehouse ${python === null ? 'accepts' : `refuses (${python})`}, we ${refusal ? `refuse (${refusal})` : 'accept'}`;
      const copies = listing.pkgInfo?.copies ?? 0;
      if (refusal === undefined && copies > 1 !== warnings.length > 0)
        return `${copies} copies, warnings ${JSON.stringify(warnings)}`;
      return undefined;
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it("the local index's copy of the rule (test/support/warehouse-sdist.ts) refuses with Warehouse's messages", async () => {
    const differences: string[] = [];
    for (const path of paths) {
      const python = theirs[path].refusal;
      const mimic = sdistProblem(await readFile(path)) ?? null;
      const expected = python === 'commonpath' ? "Can't mix absolute and relative paths" : python;
      if (mimic !== expected && !(mimic?.startsWith('tar archive not accepted') && python?.startsWith('Sparse')))
        differences.push(`${path.slice(dir.length + 1)}: Warehouse ${python}, local index ${mimic}`);
    }
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it('the samples cover every outcome', () => {
    const refusals = paths.map((path) => theirs[path].refusal ?? 'accepted');
    for (const outcome of [
      'accepted',
      'Incorrect number of top-level directories in sdist',
      'PKG-INFO not found at pkg-1.0/PKG-INFO',
      'commonpath',
    ]) {
      expect(refusals.filter((refusal) => refusal === outcome).length, outcome).toBeGreaterThan(3);
    }
    expect(paths.filter((path) => (ours.get(path)!.listing.pkgInfo?.copies ?? 0) > 1).length).toBeGreaterThan(10);
  });
});
