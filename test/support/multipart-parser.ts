/** One part of a multipart/form-data body; `data` is the exact bytes between the part's headers and the next delimiter. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  /** Part headers, names lowercased. */
  headers: Record<string, string>;
  data: Buffer;
}

export class MultipartError extends Error {
  override name = 'MultipartError';
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary parameter of a multipart/form-data Content-Type. */
export function multipartBoundary(contentType: string): string {
  const [type, ...params] = splitParams(contentType);
  if (type?.toLowerCase() !== 'multipart/form-data')
    throw new MultipartError(`Content-Type is '${contentType}', not multipart/form-data`);
  const boundary = params.find(([key]) => key === 'boundary')?.[1];
  if (boundary === undefined) throw new MultipartError('Content-Type has no boundary parameter');
  // RFC 2046: 1 to 70 characters from a restricted set, not ending in a space.
  if (!/^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary))
    throw new MultipartError(`invalid boundary '${boundary}'`);
  return boundary;
}

/**
 * A strict multipart/form-data parser: CRLF line breaks, no preamble, no transport padding after
 * delimiters, nothing but an optional CRLF after the close delimiter. Values stay byte for byte.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = multipartBoundary(contentType);
  const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
  const delimiter = Buffer.concat([CRLF, dashBoundary]);
  if (!body.subarray(0, dashBoundary.length).equals(dashBoundary)) {
    throw new MultipartError(`body does not start with the boundary '--${boundary}'`);
  }
  const parts: MultipartPart[] = [];
  let position = dashBoundary.length;
  for (;;) {
    if (position + 2 > body.length) throw new MultipartError('body ends without a closing boundary');
    const after = body.subarray(position, position + 2).toString('latin1');
    if (after === '--') {
      const rest = body.subarray(position + 2);
      if (rest.length > 0 && !rest.equals(CRLF))
        throw new MultipartError('unexpected bytes after the closing boundary');
      break;
    }
    if (after !== '\r\n')
      throw new MultipartError(
        `boundary at byte ${position - dashBoundary.length} is followed by neither CRLF nor '--'`,
      );
    const headerStart = position + 2;
    const headerEnd = body.indexOf(HEADER_END, headerStart);
    const next = body.indexOf(delimiter, headerStart);
    if (next < 0) throw new MultipartError('body ends without a closing boundary');
    // A part with no headers at all starts with the blank line directly.
    const noHeaders = body.subarray(headerStart, headerStart + 2).equals(CRLF);
    if (!noHeaders && (headerEnd < 0 || headerEnd > next))
      throw new MultipartError(`part ${parts.length + 1} has no blank line after its headers`);
    const headerBlock = noHeaders ? '' : body.subarray(headerStart, headerEnd).toString('utf8');
    const dataStart = noHeaders ? headerStart + 2 : headerEnd + 4;
    if (dataStart > next)
      throw new MultipartError(`part ${parts.length + 1}: the boundary follows the headers without a CRLF`);
    parts.push(makePart(parseHeaders(headerBlock, parts.length + 1), body.subarray(dataStart, next), parts.length + 1));
    position = next + delimiter.length;
  }
  return parts;
}

function parseHeaders(block: string, index: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!block) return headers;
  for (const line of block.split('\r\n')) {
    if (/^[ \t]/.test(line)) throw new MultipartError(`part ${index}: folded header lines are not allowed`);
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`part ${index}: header line without a name: '${line}'`);
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(name))
      throw new MultipartError(`part ${index}: invalid header name '${name}'`);
    if (name in headers) throw new MultipartError(`part ${index}: header '${name}' given twice`);
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

function makePart(headers: Record<string, string>, data: Buffer, index: number): MultipartPart {
  const disposition = headers['content-disposition'];
  if (disposition === undefined) throw new MultipartError(`part ${index} has no Content-Disposition header`);
  const [kind, ...params] = splitParams(disposition);
  if (kind?.toLowerCase() !== 'form-data')
    throw new MultipartError(`part ${index}: Content-Disposition is '${kind}', not form-data`);
  const seen = new Set<string>();
  for (const [key] of params) {
    if (seen.has(key)) throw new MultipartError(`part ${index}: Content-Disposition parameter '${key}' given twice`);
    seen.add(key);
  }
  const name = params.find(([key]) => key === 'name')?.[1];
  if (name === undefined) throw new MultipartError(`part ${index}: Content-Disposition has no name`);
  const filename = params.find(([key]) => key === 'filename')?.[1];
  const part: MultipartPart = { name, headers, data };
  if (filename !== undefined) part.filename = filename;
  if (headers['content-type'] !== undefined) part.contentType = headers['content-type'];
  return part;
}

/**
 * Splits `value; key=token; key="quoted"` into the leading value and [lowercased key, value] pairs.
 * Quoted values end at the next double quote and are kept as sent: HTML's form encoding escapes
 * quotes as %22 and never uses backslash escapes, so a backslash (a Windows path) is a plain character.
 */
function splitParams(header: string): [string | undefined, ...[string, string][]] {
  const semicolon = header.indexOf(';');
  const head = (semicolon < 0 ? header : header.slice(0, semicolon)).trim();
  const params: [string, string][] = [];
  let rest = semicolon < 0 ? '' : header.slice(semicolon + 1);
  while (rest.trim()) {
    const match = /^\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*=\s*/.exec(rest);
    if (!match) throw new MultipartError(`malformed parameter in '${header}'`);
    rest = rest.slice(match[0].length);
    let value: string;
    if (rest.startsWith('"')) {
      const close = rest.indexOf('"', 1);
      if (close < 0) throw new MultipartError(`unterminated quoted string in '${header}'`);
      value = rest.slice(1, close);
      rest = rest.slice(close + 1);
    } else {
      const token = /^[^;\s"]*/.exec(rest)![0];
      value = token;
      rest = rest.slice(token.length);
    }
    params.push([match[1].toLowerCase(), value]);
    const separator = /^\s*(;|$)/.exec(rest);
    if (!separator) throw new MultipartError(`unexpected text after parameter '${match[1]}' in '${header}'`);
    rest = rest.slice(separator[0].length);
  }
  return [head || undefined, ...params];
}
