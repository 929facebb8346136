// The server's module boundaries (issue 20), checked in CI by `npm run lint:deps`:
// - a module never imports another module's repository (its SQL): it calls that module's service,
//   or the shared kernel (server/access, server/kernel, server/lib, server/db, core);
// - no import cycles between files, nor between modules (a module A importing anything of module B
//   while B, through any path, imports A).
// Who may see what is server/access's; shared SQL shapes are server/db's; the rest of the kernel is
// server/kernel's (settings, history, the time zone in SQL).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-module-repository',
      severity: 'error',
      comment:
        "A module reads another module's data through that module's service (or the kernel), never through its repository.",
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/[^/]+/[^/]*repository[.]ts$', pathNot: '^server/modules/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files import each other in a loop: one of them should not know the other.',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      scope: 'folder',
      comment:
        'Modules depend on each other in a loop: move what both need into the kernel, or call in one direction only.',
      from: { path: '^server/modules/[^/]+$' },
      to: { path: '^server/modules/[^/]+$', circular: true },
    },
    {
      name: 'kernel-below-modules',
      severity: 'error',
      comment:
        'The kernel and the shared layers are below the feature modules and never import them (plugins and app.ts wire modules in).',
      from: { path: '^server/(access|kernel|lib|db)/' },
      to: { path: '^server/modules/' },
    },
  ],
  options: {
    // Tests may reach into any module to set up and inspect data, and they start whole apps, which
    // would make every module depend on every other through the fixtures.
    exclude: { path: '[.]test[.]tsx?$|^server/test/' },
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
