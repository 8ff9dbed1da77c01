// Interpreted text roles: the ones docutils knows, and the checks it makes on their text.
import type { RstFacts } from './facts.js';
import { strip } from './text.js';

const ROLES = new Set(
  (
    'abbreviation ab acronym ac code emphasis literal math pep-reference pep rfc-reference rfc ' +
    'strong subscript sub superscript sup title-reference title t'
  ).split(' '),
);
// Registered by docutils, but every use is an error.
const UNIMPLEMENTED_ROLES = new Set(
  (
    'index i anonymous-reference citation-reference footnote-reference named-reference ' +
    'substitution-reference uri-reference uri url target restructuredtext-unimplemented-role'
  ).split(' '),
);

/** Whether docutils finds a role by this name: its own (implemented or not), raw, or one a `.. role::` made. */
export function knownRole(role: string, facts: RstFacts): boolean {
  const name = role.toLowerCase();
  return ROLES.has(name) || UNIMPLEMENTED_ROLES.has(name) || name === 'raw' || facts.customRoles.has(name);
}

export function checkRole(role: string, text: string, line: number, facts: RstFacts): void {
  const name = role.toLowerCase();
  const problem = (message: string, fix: string): number => facts.problems.push({ line, message, fix });
  if (facts.customRoles.has(name)) return;
  if (!name || ROLES.has(name)) {
    const kind = /^pep(-reference)?$/.test(name) ? 'PEP' : /^rfc(-reference)?$/.test(name) ? 'RFC' : '';
    const number = strip(kind === 'RFC' ? text.split('#')[0]! : text);
    const value = Number(number);
    if (kind && !/^[+-]?[\p{Nd}_]+$/u.test(number))
      problem(`':${role}:\`${text}\`' needs a ${kind} number`, `write the number only, e.g. :${role}:\`8\``);
    else if (kind && /^[+-]?[0-9]+$/.test(number) && (kind === 'PEP' ? value < 0 || value > 9999 : value < 1)) {
      problem(
        `':${role}:\`${text}\`' is not a valid ${kind} number`,
        kind === 'PEP' ? 'give a PEP number from 0 to 9999' : 'give an RFC number of 1 or more',
      );
    }
  } else if (name === 'raw')
    problem("the ':raw:' role is disabled on PyPI", 'write the content as reStructuredText instead of raw HTML');
  else if (UNIMPLEMENTED_ROLES.has(name))
    problem(`the role ':${role}:' exists in docutils but is not implemented`, 'remove the role and keep the text');
  else {
    problem(
      `':${role}:' is not a role docutils knows (PyPI renders with plain docutils, without Sphinx roles such as :ref:, :doc: or :class:)`,
      'use ``literal`` text, a link such as `text <https://…>`_, or define the role with `.. role::`',
    );
  }
}
