// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, the Svelte
// plugin's, and eslint-config-prettier to leave layout to Prettier. `npm run lint`; `npm test`
// runs it as one test. Deliberately ignores type-aware rules (svelte-check does the type
// checking, and type-aware linting would triple the time of the step).
//
// Rules changed from the recommended sets, and why:
// - unused variables named `_x` are allowed: destructuring a field away (`{ version: _v, ...rest }`)
//   is the idiom here;
// - `@typescript-eslint/no-unused-expressions` is off: the code writes short paired assignments as
//   comma statements (`if (a > best) (best = a), (pick = g);`), and TypeScript already reports a
//   comma whose left side does nothing (TS2695);
// - `svelte/prefer-svelte-reactivity` is off: it flags every Map, Set and Date made in a component
//   or a .svelte.ts module, including the temporaries built inside a `$derived` or a formatter and
//   never changed afterwards (all of its hits here); reactive state is `$state`, by review;
// - `svelte/no-useless-mustaches` is off: `{' '}` and `{'; '}` between inline elements keep a
//   space that a formatter would otherwise move or drop;
// - in tests/e2e/, every `it`/`test` must set its own `timeout`: the runner gives no file-wide
//   limit (it would cut a passing file), so a test without one could hang until the watchdog.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const TIMEOUT = 'Give every browser test its own timeout: it(name, { timeout: 120_000 }, fn). The runner sets no file-wide limit.';

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'static/data/', 'test-results/', '.cache/', 'data/versions/'],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  prettier,
  svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unused-expressions': 'off',
      'svelte/prefer-svelte-reactivity': 'off',
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          // `it`, and `test` where it is node:test's (files wrap `it` in a local `test` that sets one)
          "CallExpression[callee.name='it']",
          "Program:has(ImportDeclaration[source.value='node:test'] ImportSpecifier[imported.name='test']) CallExpression[callee.name='test']",
        ].flatMap((call) => [
          { selector: `${call}:not([arguments.1.type='ObjectExpression'])`, message: TIMEOUT },
          { selector: `${call} > ObjectExpression:not(:has(> Property[key.name='timeout']))`, message: TIMEOUT },
        ]),
      ],
    },
  },
);
