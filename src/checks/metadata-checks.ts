// The field checks live in metadata/, grouped by the fields they read; this module runs them all.
import type { CoreMetadata } from '../dists/metadata.js';
import { checkExtras, checkRequirements, checkRequiresPython } from './metadata/dependency-fields.js';
import { checkDynamic, checkRepeats } from './metadata/field-occurrences.js';
import type { MetadataProblem, Report } from './metadata/problems.js';
import {
  checkClassifiers,
  checkContentType,
  checkLicense,
  checkSummary,
  checkVersion,
} from './metadata/release-fields.js';
import { checkEmails, checkUrls } from './metadata/url-and-email-fields.js';
import {
  checkImportNames,
  checkLicenseExpressionField,
  checkLicenseFiles,
} from './metadata/license-and-import-fields.js';

export type { MetadataProblem } from './metadata/problems.js';

/**
 * The metadata rules PyPI enforces on upload beyond the required fields (which checkMetadata in
 * metadata.ts covers): Warehouse's forklift/metadata.py on top of packaging's validation.
 */
export function checkMetadataFields(metadata: CoreMetadata): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const report: Report = (problem) => problems.push(problem);
  for (const check of [
    checkRepeats,
    checkLicense,
    checkLicenseExpressionField,
    checkLicenseFiles,
    checkImportNames,
    checkVersion,
    checkSummary,
    checkClassifiers,
    checkUrls,
    checkEmails,
    checkRequirements,
    checkRequiresPython,
    checkExtras,
    checkDynamic,
    checkContentType,
  ]) {
    check(metadata, report);
  }
  return problems;
}
