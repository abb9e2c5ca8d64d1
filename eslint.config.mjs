// ESLint for the TypeScript sources, with type information (typescript-eslint's recommendedTypeChecked):
// the type-aware rules catch promises left floating and `any` leaking out of JSON.parse, which tsc allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'coverage/', '.ask/', 'lambda/generated/', 'scratch/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The same convention tsc's noUnusedParameters follows: a leading underscore marks a parameter kept for
      // its position; a rest sibling is how build-content.ts leaves fields out of an object.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Configuration files run by Node as CommonJS or ES modules; they are not part of the TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
);
