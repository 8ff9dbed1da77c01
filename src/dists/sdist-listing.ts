import { createHash } from 'node:crypto';
import { TarFormatError, walkTarGz } from './tar.js';

// What PyPI sees of an sdist. Warehouse takes the common path of all member names
// (os.path.commonpath(tar.getnames())) as the top-level folder and looks the PKG-INFO up by exact
// name, `<top>/PKG-INFO`, with tarfile.getmember, which returns the last member of that name;
// twine reads its metadata the same way. So does this listing.

export interface SdistListing {
  /** Every member's name, as Python's tarfile reports it. */
  names: MemberNames;
  /** The first path component of the members (for messages), at most MAX_TOP_LEVEL of them. */
  topLevel: Set<string>;
  /** os.path.commonpath of the names ('' when they share nothing, undefined when they mix absolute and relative). */
  commonPath: string | undefined;
  /** The member named `<commonPath>/PKG-INFO`, the last one of that name, if there is one. */
  pkgInfo?: PkgInfoMember;
}

export interface PkgInfoMember {
  name: string;
  /** Its contents; undefined when that last member is not a regular file. */
  data: Buffer | undefined;
  /** How many members have this name. */
  copies: number;
  /** Whether every copy holds the same bytes. */
  identical: boolean;
}

/**
 * Member paths, kept as a few long strings rather than one string per member, so that an sdist
 * of a million tiny files costs megabytes, not hundreds of them.
 */
export class MemberNames {
  private readonly chunks: string[] = [];
  private current: string[] = [];
  private chars = 0;
  count = 0;

  add(name: string): void {
    this.chars += name.length + 1;
    if (this.chars > MAX_NAME_CHARS)
      throw new TarFormatError(`its member names add up to more than ${MAX_NAME_CHARS} characters`);
    this.current.push(name);
    this.count++;
    if (this.current.length >= 4096) this.flush();
  }

  has(name: string): boolean {
    if (name.includes('\n')) return false;
    this.flush();
    return this.chunks.some((chunk) => chunk.includes(`\n${name}\n`));
  }

  private flush(): void {
    if (this.current.length) this.chunks.push(`\n${this.current.join('\n')}\n`);
    this.current = [];
  }
}

const MAX_TOP_LEVEL = 6;
const MAX_NAME_CHARS = 32 * 1024 * 1024;

interface Candidate extends PkgInfoMember {
  folder: string[];
  firstDigest?: string;
}

/** posixpath.commonpath's view of a name: its components, without empty ones and '.'. */
const components = (name: string): string[] => name.split('/').filter((part) => part !== '' && part !== '.');

/** Lists an sdist's members and reads the PKG-INFO Warehouse would find, in one pass. */
export async function listSdist(path: string): Promise<SdistListing> {
  const names = new MemberNames();
  const topLevel = new Set<string>();
  // What os.path.commonpath would say of the names so far (set in the callback below).
  const seen: { common?: string[]; absolute?: boolean; mixed: boolean } = { mixed: false };
  // Members that may turn out to be `<commonpath>/PKG-INFO`: their folder is written the way
  // commonpath writes it, and is still no longer than the common path so far.
  const candidates = new Map<string, Candidate>();

  await walkTarGz(path, (member) => {
    const { name } = member;
    names.add(name);
    const parts = components(name);
    if (parts.length > 0 && topLevel.size < MAX_TOP_LEVEL) topLevel.add(parts[0]!);
    const isAbsolute = name.startsWith('/');
    if (seen.absolute === undefined) seen.absolute = isAbsolute;
    else if (seen.absolute !== isAbsolute) seen.mixed = true;
    const common = seen.common === undefined ? parts : commonPrefix(seen.common, parts);
    seen.common = common;
    for (const [key, candidate] of candidates) {
      if (candidate.folder.length > common.length) candidates.delete(key);
    }
    if (!name.endsWith('/PKG-INFO')) return undefined;
    const folder = parts.slice(0, -1);
    const written = `${isAbsolute ? '/' : ''}${folder.join('/')}/PKG-INFO`;
    if (written !== name || folder.length > common.length) return undefined;
    const candidate: Candidate = candidates.get(name) ?? { name, folder, data: undefined, copies: 0, identical: true };
    candidates.set(name, candidate);
    candidate.copies++;
    candidate.data = undefined;
    if (!member.regular) {
      candidate.identical = false;
      return undefined;
    }
    return (data) => {
      const digest = createHash('sha256').update(data).digest('hex');
      candidate.firstDigest ??= digest;
      if (digest !== candidate.firstDigest) candidate.identical = false;
      candidate.data = data;
    };
  });

  const { common, absolute, mixed } = seen;
  const commonPath = mixed ? undefined : common === undefined ? '' : `${absolute ? '/' : ''}${common.join('/')}`;
  const found = commonPath ? candidates.get(`${commonPath}/PKG-INFO`) : undefined;
  const pkgInfo = found && { name: found.name, data: found.data, copies: found.copies, identical: found.identical };
  return { names, topLevel, commonPath, ...(pkgInfo ? { pkgInfo } : {}) };
}

function commonPrefix(a: string[], b: string[]): string[] {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length === a.length ? a : a.slice(0, length);
}
