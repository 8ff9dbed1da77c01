// How the metadata field checks report: one problem per field and value, quoted for a message.
import { getField, type CoreMetadata } from '../../dists/metadata.js';
import { pythonStrip } from '../../common/python-text.js';

/** One thing in one field that PyPI would refuse (error) or that deserves a second look (warning). */
export interface MetadataProblem {
  field: string;
  message: string;
  fix: string;
  severity: 'error' | 'warning';
}

export type Report = (problem: MetadataProblem) => void;

/**
 * A single-value field as PyPI sees it: Warehouse skips empty values and deletes "UNKNOWN" (old
 * distutils' filler, surrounding whitespace aside); anything else, blank or not, is checked.
 */
export function value(metadata: CoreMetadata, field: string): string | undefined {
  const raw = getField(metadata, field);
  return raw === undefined || raw === '' || pythonStrip(raw) === 'UNKNOWN' ? undefined : raw;
}

/** A value quoted for a message, shortened and with line breaks made visible. */
export function show(text: string): string {
  const flat = text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return `'${flat.length > 80 ? `${flat.slice(0, 77)}…` : flat}'`;
}

export const error = (field: string, message: string, fix: string): MetadataProblem => ({
  field,
  message,
  fix,
  severity: 'error',
});
export const warning = (field: string, message: string, fix: string): MetadataProblem => ({
  field,
  message,
  fix,
  severity: 'warning',
});
