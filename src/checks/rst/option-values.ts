// The values docutils' option converters accept for the directive options READMEs use: lengths,
// percentages, choices, counts (docutils/parsers/rst/directives/__init__.py, images.py, tables.py,
// parts.py). An option not listed here takes any value, as far as this checker is concerned.
import { pythonSplit, pythonStrip } from '../../common/python-text.js';

const CSS_UNITS = ['em', 'ex', 'ch', 'rem', 'vw', 'vh', 'vmin', 'vmax', 'cm', 'mm', 'Q', 'in', 'pt', 'pc', 'px'];
type Converter = (value: string | undefined) => string | undefined;

/** nodes.parse_measure: a number and a unit of ASCII letters (or µ), or '%', or none. */
function measure(value: string | undefined, units: string[]): string | undefined {
  const m = value === undefined ? null : /^(-?[0-9.]+) *([a-zA-Zµ]*|%?)$/.exec(value);
  const number = m && /^-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(m[1]!) ? Number(m[1]) : NaN;
  if (Number.isNaN(number) || number < 0 || !units.includes(m![2]!))
    return `not a positive number or measure of one of these units: ${units.filter(Boolean).join(', ')}`;
  return undefined;
}

const lengthOrUnitless: Converter = (value) => measure(value, [...CSS_UNITS, '']);
const lengthOrPercentageOrUnitless: Converter = (value) => measure(value, [...CSS_UNITS, '%', '']);

/**
 * int() on Python's terms: optional sign, digits with single inner underscores, surrounding
 * whitespace. NaN for digits of other scripts, which Python also takes but whose value this does not
 * work out; undefined for text that is no number.
 */
const integer = (value: string | undefined): number | undefined => {
  const text = value === undefined ? undefined : pythonStrip(value);
  if (text === undefined || !/^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u.test(text)) return undefined;
  return /^[+-]?[0-9_]+$/.test(text) ? Number(text.replaceAll('_', '')) : NaN;
};

const nonnegativeInt: Converter = (value) =>
  (integer(value) ?? -1) < 0 ? 'not a whole number of 0 or more' : undefined;
const percentage: Converter = (value) => nonnegativeInt(value?.replace(/[ %]+$/, ''));
const choice =
  (...values: string[]): Converter =>
  (value) =>
    value !== undefined && values.includes(pythonStrip(value.toLowerCase()))
      ? undefined
      : `not one of ${values.map((v) => `"${v}"`).join(', ')}`;
const required: Converter = (value) => (value === undefined ? 'a value is required' : undefined);
const flag: Converter = (value) => (value?.trim() ? 'this option takes no value' : undefined);
const positiveIntList: Converter = (value) => {
  const entries = value === undefined ? [] : value.includes(',') ? value.split(',') : pythonSplit(value);
  return value !== undefined && entries.every((entry) => !((integer(entry) ?? 0) < 1))
    ? undefined
    : 'not a list of whole numbers of 1 or more';
};
const widths =
  (...words: string[]): Converter =>
  (value) =>
    value !== undefined && words.includes(value) ? undefined : positiveIntList(value);

const IMAGE: Record<string, Converter> = {
  height: lengthOrUnitless,
  width: lengthOrPercentageOrUnitless,
  scale: percentage,
  align: choice('top', 'middle', 'bottom', 'left', 'center', 'right'),
  target: required,
  loading: choice('embed', 'link', 'lazy'),
};
const TABLE: Record<string, Converter> = {
  width: lengthOrPercentageOrUnitless,
  widths: widths('auto'),
  align: choice('left', 'center', 'right'),
  'header-rows': nonnegativeInt,
  'stub-columns': nonnegativeInt,
};
const CONVERTERS: Record<string, Record<string, Converter>> = {
  image: IMAGE,
  figure: {
    ...IMAGE,
    align: choice('left', 'center', 'right'),
    figwidth: (value) => (value?.toLowerCase() === 'image' ? undefined : lengthOrPercentageOrUnitless(value)),
  },
  table: { ...TABLE, widths: widths('auto', 'grid') },
  'csv-table': TABLE,
  'list-table': TABLE,
  contents: { depth: nonnegativeInt, local: flag, backlinks: choice('top', 'entry', 'none') },
};

/**
 * Why docutils refuses this option value, or undefined. `value` is the option's text (lines joined
 * with '\n'), undefined when the option is given without one. Values with inline markup or escapes
 * are not judged: docutils reads them as a paragraph first.
 */
export function optionValueProblem(directive: string, option: string, value: string | undefined): string | undefined {
  const convert = CONVERTERS[directive]?.[option];
  if (!convert || (value !== undefined && /[\\*`|_[\]<>]/.test(value))) return undefined;
  return convert(value);
}
