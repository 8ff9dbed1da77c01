import { gunzipSync } from 'node:zlib';

/**
 * The .tar.gz branch of Warehouse's _is_valid_dist_file (forklift/legacy.py): the top-level folder
 * is os.path.commonpath of every member name, sparse members are refused, and `<top>/PKG-INFO`
 * must be a member by exact name. Names as Python's tarfile gives them: the ustar prefix, GNU long
 * names and pax paths (global ones too), with a directory's trailing slashes dropped. Returns
 * Warehouse's message.
 */
export function sdistProblem(archive: Buffer): string | undefined {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch {
    return 'File is not a tarfile';
  }
  const names: string[] = [];
  const text = (from: number, length: number): string => {
    const field = tar.subarray(from, from + length);
    const end = field.indexOf(0);
    return field.toString('utf8', 0, end < 0 ? field.length : end);
  };
  let longName: string | undefined;
  let paxPath: string | undefined;
  let globalPath: string | undefined;
  const pathRecord = (records: string): string | undefined =>
    /(?:^|\n)\d+ path=([^\n]*)\n/.exec(records)?.[1]?.replace(/\/+$/, '');
  for (let at = 0; at + 512 <= tar.length;) {
    if (tar.subarray(at, at + 512).every((byte) => byte === 0)) break;
    const type = String.fromCharCode(tar[at + 156]);
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const data = tar.subarray(at + 512, at + 512 + size);
    const blocks = 512 + Math.ceil(size / 512) * 512;
    if (type === 'S') return 'tar archive not accepted: Sparse members are not allowed.';
    if (type === 'L') longName = text(at + 512, size);
    else if (type === 'x') {
      const records = data.toString('utf8');
      if (records.includes(' GNU.sparse.')) return 'tar archive not accepted: Sparse members are not allowed.';
      paxPath = pathRecord(records) ?? globalPath ?? '';
    } else if (type === 'g') globalPath = pathRecord(data.toString('utf8')) ?? globalPath;
    else if (type !== 'K') {
      const short = text(at, 100);
      const directory = type === '5' || (type === '\0' && short.endsWith('/'));
      const prefix = text(at + 345, 155);
      let name = directory ? short.replace(/\/+$/, '') : short;
      if (prefix) name = `${prefix}/${name}`;
      if (globalPath !== undefined) name = globalPath;
      if (longName !== undefined) name = directory ? longName.replace(/\/$/, '') : longName;
      if (paxPath) name = paxPath;
      names.push(name);
      longName = undefined;
      paxPath = undefined;
      // Data follows only regular files and types tarfile does not know.
      const regular = '0\x007'.includes(type) && !directory;
      if (!regular && '123456'.includes(type)) {
        at += 512;
        continue;
      }
    }
    at += blocks;
  }
  const split = names.map((name) => name.split('/').filter((part) => part !== '' && part !== '.'));
  if (new Set(names.map((name) => name.startsWith('/'))).size > 1) return "Can't mix absolute and relative paths";
  let common = split[0] ?? [];
  for (const parts of split) {
    let k = 0;
    while (k < common.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  let top = common.join('/');
  if (names[0]?.startsWith('/')) top = `/${top}`;
  if (['.', '/', ''].includes(top)) return 'Incorrect number of top-level directories in sdist';
  return names.includes(`${top}/PKG-INFO`) ? undefined : `PKG-INFO not found at ${top}/PKG-INFO`;
}
