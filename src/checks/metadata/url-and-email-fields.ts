// Home-page, Download-URL, Project-URL and the Author/Maintainer e-mail addresses.
import { getFields, type CoreMetadata } from '../../dists/metadata.js';
import { parseaddr } from '../address-strict.js';
import { emailAddressProblem, splitAddressList } from '../email-address.js';
import { checkUrl } from '../metadata-syntax.js';
import { error, show, value, warning, type Report } from './problems.js';

export function checkUrls(metadata: CoreMetadata, report: Report): void {
  for (const field of ['Home-page', 'Download-URL']) {
    const url = value(metadata, field);
    if (url === undefined) continue;
    const { error: refused, warning: doubtful } = checkUrl(url);
    const fix = `Use a full http(s) URL in [project.urls] (pyproject.toml) or ${field === 'Home-page' ? 'url=' : 'download_url='} in setup.py, then rebuild.`;
    if (refused) report(error(field, `${field} ${show(url)} is not a valid URL: ${refused}.`, fix));
    else if (doubtful) report(warning(field, `${field} ${show(url)}: ${doubtful}.`, fix));
  }
  const labels = new Set<string>();
  for (const entry of getFields(metadata, 'Project-URL')) {
    const comma = entry.indexOf(',');
    const label = (comma < 0 ? entry : entry.slice(0, comma)).trim();
    const url = comma < 0 ? '' : entry.slice(comma + 1).trim();
    const fix =
      'Fix the entry in [project.urls] (pyproject.toml): `Label = "https://…"`, with a label of at most 32 characters; then rebuild.';
    if (labels.has(label)) {
      report(
        error('Project-URL', `Project-URL label ${show(label)} is used twice; packaging refuses repeated labels.`, fix),
      );
      continue;
    }
    labels.add(label);
    if (label === '')
      report(error('Project-URL', `Project-URL ${show(entry)} has no label; PyPI requires 'Label, URL'.`, fix));
    else if ([...label].length > 32) {
      report(
        error(
          'Project-URL',
          `Project-URL label ${show(label)} is ${[...label].length} characters long; PyPI allows at most 32.`,
          fix,
        ),
      );
    } else if (url === '')
      report(error('Project-URL', `Project-URL ${show(label)} has no URL; PyPI requires 'Label, URL'.`, fix));
    else {
      const { error: refused, warning: doubtful } = checkUrl(url);
      if (refused)
        report(
          error(
            'Project-URL',
            `Project-URL ${show(label)} has ${show(url)}, which is not a valid URL: ${refused}.`,
            fix,
          ),
        );
      else if (doubtful)
        report(warning('Project-URL', `Project-URL ${show(label)} has ${show(url)}: ${doubtful}.`, fix));
    }
  }
}

export function checkEmails(metadata: CoreMetadata, report: Report): void {
  for (const field of ['Author-email', 'Maintainer-email']) {
    const text = value(metadata, field);
    if (text === undefined) continue;
    const who = field === 'Author-email' ? 'authors' : 'maintainers';
    const fix = `Fix the address in [project] ${who} (pyproject.toml: { name = "…", email = "someone@example.org" }), then rebuild.`;
    // Warehouse validates an address only when Python's strict parseaddr finds exactly one in the
    // field; a list, or a value that parser gives up on, passes unchecked.
    const { address } = parseaddr(text);
    const entries = splitAddressList(text);
    if (address !== '') {
      const problem = emailAddressProblem(address);
      const read =
        entries.length === 1 && entries[0]!.address === address ? '' : ` (PyPI reads the address as ${show(address)})`;
      if (problem)
        report(error(field, `${field} ${show(text)}${read} is not a valid e-mail address: ${problem}.`, fix));
      continue;
    }
    for (const entry of entries) {
      const problem = emailAddressProblem(entry.address);
      if (!problem) continue;
      const message =
        entries.length > 1
          ? `${field} lists ${show(entry.text)}, which is not a valid e-mail address: ${problem} (PyPI does not check addresses in a list).`
          : `${field} ${show(entry.text)} is not a valid e-mail address: ${problem} (PyPI's address parser gives up on it, so PyPI lets it through).`;
      report(warning(field, message, fix));
    }
  }
}
