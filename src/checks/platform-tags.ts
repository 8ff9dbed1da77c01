// PyPI's allow-list of wheel platform tags, as in Warehouse's warehouse/forklift/legacy.py
// (`_valid_platform_tag`), read from the copy of 2026-08-21 (commit 6b62157). Warehouse adds a
// platform only with an ABI spec behind it: a plain `linux_x86_64` says nothing about the C library
// the wheel needs, so it is refused while manylinux/musllinux tags are accepted.

const STATIC_TAGS = new Set([
  'any',
  'win32',
  'win_arm64',
  'win_amd64',
  'win_ia64',
  'manylinux1_x86_64',
  'manylinux1_i686',
  'manylinux2010_x86_64',
  'manylinux2010_i686',
  'manylinux2014_x86_64',
  'manylinux2014_i686',
  'manylinux2014_aarch64',
  'manylinux2014_armv7l',
  'manylinux2014_ppc64',
  'manylinux2014_ppc64le',
  'manylinux2014_s390x',
  // The only plain linux tags accepted (pypi/warehouse#2010, #2012), no ABI spec behind them.
  'linux_armv6l',
  'linux_armv7l',
]);

const MACOSX_ARCHES = new Set([
  'ppc',
  'ppc64',
  'i386',
  'x86_64',
  'arm64',
  'intel',
  'fat',
  'fat3',
  'fat64',
  'universal',
  'universal2',
]);
// macOS 10.x tags carry the minor version; from 11 on only `{major}_0` is accepted.
const MACOSX_MAJORS_SINCE_11 = new Set(['11', '12', '13', '14', '15', '26']);
const LINUX_ARCHES = ['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64le', 's390x', 'riscv64'];
const MANYLINUX_ARCHES = new Set([...LINUX_ARCHES, 'ppc64']);
const MUSLLINUX_ARCHES = new Set(LINUX_ARCHES);
const IOS_ARCHES = new Set(['arm64', 'x86_64']);
const ANDROID_ARCHES = new Set(['armeabi_v7a', 'arm64_v8a', 'x86', 'x86_64']);

// Warehouse uses Python's re.match: anchored at the start only, so nothing here ends in `$`.
const MACOSX = /^macosx_(?<major>\d+)_(?<minor>\d+)_(?<arch>.*)/;
const PEP600_LINUX = /^(?<libc>many|musl)linux_\d+_\d+_(?<arch>.*)/;
const IOS = /^ios_\d+_\d+_(?<arch>.*)_(?:iphoneos|iphonesimulator)/;
const ANDROID = /^android_\d+_(?<arch>.*)/;
const PYEMSCRIPTEN = /^pyemscripten_\d+_\d+_wasm32/;

/** Whether PyPI accepts a wheel with this platform tag (one tag: split compressed tag sets on `.` first). */
export function isAcceptedPlatformTag(tag: string): boolean {
  if (STATIC_TAGS.has(tag)) return true;
  const macosx = MACOSX.exec(tag)?.groups;
  if (macosx && MACOSX_ARCHES.has(macosx.arch!)) {
    if (macosx.major === '10') return true;
    if (MACOSX_MAJORS_SINCE_11.has(macosx.major!) && macosx.minor === '0') return true;
  }
  const linux = PEP600_LINUX.exec(tag)?.groups;
  if (linux) return (linux.libc === 'musl' ? MUSLLINUX_ARCHES : MANYLINUX_ARCHES).has(linux.arch!);
  const ios = IOS.exec(tag)?.groups;
  if (ios && IOS_ARCHES.has(ios.arch!)) return true;
  const android = ANDROID.exec(tag)?.groups;
  if (android && ANDROID_ARCHES.has(android.arch!)) return true;
  return PYEMSCRIPTEN.test(tag);
}
