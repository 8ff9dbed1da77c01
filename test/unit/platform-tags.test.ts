import { describe, expect, it } from 'vitest';
import { isAcceptedPlatformTag } from '../../src/checks/platform-tags.js';

// Expected answers follow Warehouse's _valid_platform_tag (warehouse/forklift/legacy.py, 2026-08-21).
describe('isAcceptedPlatformTag', () => {
  const accepted = [
    'any', 'win32', 'win_amd64', 'win_arm64', 'win_ia64',
    'linux_armv6l', 'linux_armv7l',
    'manylinux1_x86_64', 'manylinux1_i686', 'manylinux2010_x86_64', 'manylinux2014_aarch64', 'manylinux2014_ppc64',
    'manylinux_2_17_x86_64', 'manylinux_2_28_aarch64', 'manylinux_2_31_riscv64', 'manylinux_2_17_ppc64', 'manylinux_2_5_i686',
    'musllinux_1_1_x86_64', 'musllinux_1_2_aarch64', 'musllinux_1_2_armv7l', 'musllinux_1_2_s390x',
    'macosx_10_9_x86_64', 'macosx_10_6_intel', 'macosx_10_15_universal2', 'macosx_10_4_ppc', 'macosx_10_13_fat64',
    'macosx_11_0_arm64', 'macosx_14_0_universal2', 'macosx_15_0_x86_64', 'macosx_26_0_arm64',
    'ios_13_0_arm64_iphoneos', 'ios_13_0_arm64_iphonesimulator', 'ios_17_2_x86_64_iphonesimulator',
    'android_21_arm64_v8a', 'android_24_armeabi_v7a', 'android_21_x86', 'android_21_x86_64',
    'pyemscripten_2024_0_wasm32', 'pyemscripten_2025_1_wasm32',
    // Python's re.match anchors only at the start, so Warehouse takes a tail after the matched part.
    'ios_13_0_arm64_iphoneos_extra', 'pyemscripten_2024_0_wasm32_extra',
  ];
  const refused = [
    'linux_x86_64', 'linux_aarch64', 'linux_i686', 'linux_armv8l', '',
    'win_x86', 'WIN32', 'Any',
    'manylinux1_aarch64', 'manylinux2010_aarch64', 'manylinux2014_riscv64', 'manylinux2014_x86',
    'manylinux_2_17_ppc', 'manylinux_2_17_armv6l', 'manylinux_x_17_x86_64',
    'musllinux_1_2_ppc64', 'musllinux_1_1_i386',
    'macosx_11_1_arm64', 'macosx_12_3_x86_64', 'macosx_16_0_arm64', 'macosx_10_9_arm', 'macosx_10_9_amd64', 'macosx_9_0_x86_64',
    'ios_13_0_arm64', 'ios_13_0_armv7_iphoneos', 'ios_13_arm64_iphoneos',
    'android_21_armeabi', 'android_arm64_v8a', 'android_21_arm64_v8a_extra',
    'emscripten_3_1_45_wasm32', 'pyodide_2024_0_wasm32', 'pyemscripten_2024_0_wasm64',
    'freebsd_14_0_amd64', 'cygwin_3_5_x86_64', 'solaris_2_11_i86pc',
  ];
  it.each(accepted)('accepts %j', (tag) => expect(isAcceptedPlatformTag(tag)).toBe(true));
  it.each(refused)('refuses %j', (tag) => expect(isAcceptedPlatformTag(tag)).toBe(false));
});
