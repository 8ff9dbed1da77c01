// Description-Content-Type as PyPI judges it: packaging's Metadata validation sets the value as a
// Content-Type header on an EmailMessage (content-type-header.ts models how CPython reads it), then
// wants text/plain, text/x-rst or text/markdown, charset UTF-8 and a known Markdown variant.
// Warehouse pins packaging 26.2, which compares the charset to "UTF-8" exactly and ignores the
// parser's defects; packaging 26.3 compares it ignoring case but refuses any defect, and catches
// the parser's exceptions, which 26.2 lets escape (a server error on PyPI).
import { ParserCrash, parseContentType } from './content-type-header.js';
import { show } from './metadata/problems.js';

export const CONTENT_TYPES = ['text/markdown', 'text/x-rst', 'text/plain'];
const MARKDOWN_VARIANTS = ['GFM', 'CommonMark'];

export interface ContentTypeVerdict {
  /** Why PyPI (packaging 26.2) refuses the value. */
  refused?: string;
  /** Why packaging 26.3 and later refuse a value PyPI still takes. */
  refusedLater?: string;
}

/** What PyPI makes of an accepted value: the type, and the parameters it looks at. */
function reading(contentType: string, charset: string | undefined, variant: string | undefined): string {
  const markdownVariant = contentType === 'text/markdown' && variant !== undefined ? `; variant=${variant}` : '';
  return `${contentType}${charset === undefined ? '' : `; charset=${charset}`}${markdownVariant}`;
}

/** PyPI's verdict on a Description-Content-Type value. */
export function checkContentTypeValue(raw: string): ContentTypeVerdict {
  let parsed;
  try {
    parsed = parseContentType(raw);
  } catch (error) {
    if (!(error instanceof ParserCrash)) throw error;
    return { refused: `PyPI's header parser fails on it (${error.message}), so the upload ends in a server error` };
  }
  const { contentType, params, defective } = parsed;
  if (!CONTENT_TYPES.includes(contentType) || !raw.toLowerCase().includes(contentType)) {
    const reading =
      contentType === 'text/plain' ? 'it does not read as type/subtype' : `it reads as ${show(contentType)}`;
    return { refused: `${reading}; the type must be one of ${CONTENT_TYPES.join(', ')}` };
  }
  const charset = params.get('charset');
  if (charset !== undefined && charset !== 'UTF-8') {
    return {
      refused:
        charset.toLowerCase() === 'utf-8'
          ? `PyPI accepts the charset only spelled 'UTF-8' in capitals, not ${show(charset)}`
          : `the charset must be UTF-8, not ${show(charset)}`,
    };
  }
  const variant = params.get('variant');
  if (contentType === 'text/markdown' && variant !== undefined && !MARKDOWN_VARIANTS.includes(variant)) {
    return { refused: `the Markdown variant must be GFM or CommonMark (spelled so), not ${show(variant)}` };
  }
  if (defective) {
    return {
      refusedLater: `it is not a clean "type/subtype; name=value" value: stray text or separators, a parameter without a name or value, a repeated parameter, an unclosed quote or comment, or control characters; PyPI reads it as ${show(reading(contentType, charset, variant))}`,
    };
  }
  return {};
}
