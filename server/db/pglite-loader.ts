/**
 * Loads PGlite through Node's own `require`, not the caller's.
 * PGlite imports Node built-ins with dynamic `import()` while it starts; inside jest's module sandbox that needs
 * `--experimental-vm-modules`. A natively loaded PGlite works the same under tsx, node and plain `npx jest`.
 */
import * as jestVisibleModule from 'node:module';
import type * as PgliteModule from '@electric-sql/pglite';

// process.getBuiltinModule (Node 20.16+) hands out the real `module` even where a test runner substitutes its own.
const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:module') as typeof jestVisibleModule | undefined;
const nativeRequire = (builtin ?? jestVisibleModule).createRequire(__filename);

export function loadPglite(): { PGlite: typeof PgliteModule.PGlite; btree_gist: PgliteModule.Extension } {
  const { PGlite } = nativeRequire('@electric-sql/pglite') as typeof PgliteModule;
  const { btree_gist } = nativeRequire('@electric-sql/pglite/contrib/btree_gist') as { btree_gist: PgliteModule.Extension };
  return { PGlite, btree_gist };
}
