import { describe, expect, it } from 'vitest';
import data from '../../src/checks/data/trove-classifiers.json' with { type: 'json' };
import { CLASSIFIERS_SOURCE, classifierProblem } from '../../src/checks/classifiers.js';

describe('classifierProblem', () => {
  const accepted = [
    'Development Status :: 5 - Production/Stable',
    'Programming Language :: Python :: 3',
    'Programming Language :: Python :: 3.13',
    'License :: OSI Approved :: MIT License',
    'Operating System :: OS Independent',
    'Natural Language :: Ukrainian',
    'Typing :: Typed',
  ];
  it.each(accepted)('accepts %j', (classifier) => {
    expect(classifierProblem(classifier)).toBeUndefined();
  });

  const refused: [classifier: string, message: string][] = [
    [
      'Natural Language :: Ukranian',
      "Classifier 'Natural Language :: Ukranian' is deprecated; PyPI refuses it, use 'Natural Language :: Ukrainian' instead.",
    ],
    [
      'Framework :: Django CMS :: 4.2',
      "Classifier 'Framework :: Django CMS :: 4.2' is deprecated; PyPI refuses it, use 'Framework :: Django CMS :: 5.0' instead.",
    ],
    [
      'License :: OSI Approved :: X.Net License',
      "Classifier 'License :: OSI Approved :: X.Net License' is deprecated and has no replacement; PyPI refuses it.",
    ],
    [
      'Programming Language :: Python :: 2.8',
      "Classifier 'Programming Language :: Python :: 2.8' is not a known trove classifier; PyPI refuses it.",
    ],
    [
      'License :: OSI Approved :: MIT',
      "Classifier 'License :: OSI Approved :: MIT' is not a known trove classifier; PyPI refuses it.",
    ],
    [
      'programming language :: python :: 3',
      "Classifier 'programming language :: python :: 3' is not a known trove classifier (did you mean 'Programming Language :: Python :: 3'?); PyPI refuses it.",
    ],
    [
      'License::OSI Approved::MIT License',
      "Classifier 'License::OSI Approved::MIT License' is not a known trove classifier (did you mean 'License :: OSI Approved :: MIT License'?); PyPI refuses it.",
    ],
    [
      'Programming Language :: Python :: 3 ',
      "Classifier 'Programming Language :: Python :: 3 ' is not a known trove classifier (did you mean 'Programming Language :: Python :: 3'?); PyPI refuses it.",
    ],
    [
      'Private :: Do Not Upload',
      `Classifier 'Private :: Do Not Upload' is a "Private ::" classifier, which PyPI refuses on purpose to block accidental uploads.`,
    ],
    ['', "Classifier '' is not a known trove classifier; PyPI refuses it."],
  ];
  it.each(refused)('refuses %j', (classifier, message) => {
    expect(classifierProblem(classifier)).toBe(message);
  });

  it('knows every classifier of the generated list, and refuses every deprecated one', () => {
    expect(data.classifiers.length).toBeGreaterThan(800);
    expect(data.classifiers.filter((c) => classifierProblem(c) !== undefined)).toEqual([]);
    expect(Object.keys(data.deprecated).filter((c) => !classifierProblem(c)?.includes('deprecated'))).toEqual([]);
    expect(CLASSIFIERS_SOURCE).toMatch(/^trove-classifiers \d{4}\.\d+\.\d+/);
  });

  it('does not treat inherited object properties as deprecated classifiers', () => {
    expect(classifierProblem('constructor')).toBe(
      "Classifier 'constructor' is not a known trove classifier; PyPI refuses it.",
    );
    expect(classifierProblem('__proto__')).toBe(
      "Classifier '__proto__' is not a known trove classifier; PyPI refuses it.",
    );
  });
});
