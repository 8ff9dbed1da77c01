// RFC 2047 encoded words (=?charset?q|b?text?=) as CPython 3.14's email._encoded_words decodes
// them: the e-mail header parser behind packaging's Description-Content-Type check decodes them
// inside quoted strings and in the words of an unparseable content type. Modelled charsets:
// UTF-8, ASCII and Latin-1 under their common names; any other name is treated as unknown
// (decoded as ASCII, with a defect), which is what Python does for names it has no codec for.
import { pythonSplit } from '../common/python-text.js';

export interface DecodedWord {
  text: string;
  /** Python registered a defect while decoding. */
  defective: boolean;
}

/** Stands for bytes the charset cannot decode: Python keeps them as surrogates, never equal to plain text. */
export const UNDECODABLE = '\ufffd';

const CODECS: Record<string, string> = {
  utf_8: 'utf8',
  utf8: 'utf8',
  u8: 'utf8',
  utf: 'utf8',
  cp65001: 'utf8',
  ascii: 'ascii',
  us_ascii: 'ascii',
  '646': 'ascii',
  us: 'ascii',
  latin_1: 'latin1',
  latin1: 'latin1',
  iso_8859_1: 'latin1',
  iso8859_1: 'latin1',
  l1: 'latin1',
  latin: 'latin1',
  '8859': 'latin1',
  cp819: 'latin1',
};

/** Python's codec for a charset name, when it is one modelled here. */
export function codecOf(charset: string): string | undefined {
  const normalized = charset
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return Object.hasOwn(CODECS, normalized) ? CODECS[normalized] : undefined;
}

/** bytes.decode(charset, 'surrogateescape'): undecodable bytes become UNDECODABLE. */
export function decodeBytes(bytes: Uint8Array, codec: string): DecodedWord {
  if (codec === 'latin1') return { text: String.fromCharCode(...bytes), defective: false };
  if (codec === 'ascii') {
    const text = Array.from(bytes, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : UNDECODABLE)).join('');
    return { text, defective: text.includes(UNDECODABLE) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), defective: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), defective: true };
  }
}

const BASE64 = /^[A-Za-z0-9+/]$/;

function base64Bytes(chars: string[]): Uint8Array {
  return Uint8Array.from(Buffer.from(chars.join(''), 'base64'));
}

/** binascii.a2b_base64 without strict mode: other characters skipped, decoding ends at enough '='. */
function lenientBase64(text: string): Uint8Array | undefined {
  const data: string[] = [];
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      const position = data.length % 4;
      if (position >= 2 && position + ++pads >= 4) return base64Bytes(data);
    } else if (BASE64.test(char)) {
      data.push(char);
      pads = 0;
    }
  }
  return data.length % 4 === 0 ? base64Bytes(data) : undefined;
}

/** _encoded_words.decode_b: strict with the padding fixed, then lenient, then lenient with '==' added. */
function decodeB(text: string): { bytes: Uint8Array; defective: boolean } {
  const missing = text.length % 4 ? '==='.slice(0, 4 - (text.length % 4)) : '';
  const padded = text + missing;
  if (/^[A-Za-z0-9+/]*={0,2}$/.test(padded) && padded.length % 4 === 0 && !/=[^=]/.test(padded)) {
    const dataLength = padded.replace(/=+$/, '').length;
    if (dataLength % 4 !== 1) return { bytes: base64Bytes([...padded.replace(/=+$/, '')]), defective: missing !== '' };
  }
  const bytes = lenientBase64(text) ?? lenientBase64(`${text}==`);
  return { bytes: bytes ?? Uint8Array.from(Buffer.from(text, 'latin1')), defective: true };
}

/** _encoded_words.decode_q: '_' is a space, =XX a byte. */
function decodeQ(text: string): Uint8Array {
  const spaced = text.replaceAll('_', ' ');
  const bytes: number[] = [];
  for (let i = 0; i < spaced.length; i++) {
    if (spaced[i] === '=' && /^[0-9a-fA-F]{2}$/.test(spaced.slice(i + 1, i + 3))) {
      bytes.push(parseInt(spaced.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(spaced.charCodeAt(i));
  }
  return Uint8Array.from(bytes);
}

/** _encoded_words.decode on '=?' + inner + '?=', or undefined where Python raises (not an encoded word). */
export function decodeEncodedWord(inner: string): DecodedWord | undefined {
  const pieces = inner.split('?');
  if (pieces.length !== 3) return undefined;
  const [charsetAndLang, cte, encoded] = pieces as [string, string, string];
  if (!['q', 'b'].includes(cte.toLowerCase()) || /[^\x00-\x7f]/.test(encoded)) return undefined;
  const charset = charsetAndLang.split('*')[0]!;
  const { bytes, defective } =
    cte.toLowerCase() === 'q' ? { bytes: decodeQ(encoded), defective: false } : decodeB(encoded);
  const codec = codecOf(charset);
  if (codec === undefined) {
    const ascii = decodeBytes(bytes, 'ascii');
    return { text: ascii.text, defective: defective || charset.toLowerCase() !== 'unknown-8bit' };
  }
  const decoded = decodeBytes(bytes, codec);
  return { text: decoded.text, defective: defective || decoded.defective };
}

/** Whether an encoded word's text holds whitespace inside (Python registers a defect). */
export const hasInnerSpace = (inner: string): boolean => pythonSplit(inner).length > 1;
