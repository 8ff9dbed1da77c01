// typescript-eslint's strict and stylistic type-checked rules, with the few deviations below.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.venv/', '.cache/', 'coverage/', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // noUncheckedIndexedAccess is on: `lines[i]!` after a bounds check is how the parsers say "checked".
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers (sizes, counts, line numbers) belong in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `a || b` on strings is deliberate: an empty field means "not given" in core metadata and inputs.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true } }],
      // Spreading a string yields code points, which is what Python's len() and the metadata rules count.
      '@typescript-eslint/no-misused-spread': 'off',
      // The checks mirror Python's str.splitlines and Warehouse's rules, which name control characters.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Test callbacks are async by vitest's contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
      // Tests read servers' JSON answers as they come, and index arrays without noUncheckedIndexedAccess
      // (test/tsconfig.json), which makes every `?.` on an element look unnecessary.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
);
