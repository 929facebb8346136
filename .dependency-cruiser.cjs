// The server's module boundaries (issue 20), checked in CI by `npm run lint:deps`:
// - a module never imports another module's repository (its SQL): it calls that module's service,
//   or the shared kernel (server/kernel, server/lib, server/db, core);
// - no import cycles between files, nor between modules (a module A importing anything of module B
//   while B, through any path, imports A).
// Violations recorded in .dependency-cruiser-known-violations.json are reported without failing
// (`npm run lint:deps:baseline` rewrites that file); any other fails the step.
const KNOWN_LOOP_MODULES = '^server/modules/(accounts|scoring|account-health)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-module-repository',
      severity: 'error',
      comment: "A module reads another module's data through that module's service (or the kernel), never through its repository.",
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
      comment: 'Modules depend on each other in a loop: move what both need into the kernel, or call in one direction only.',
      from: { path: '^server/modules/[^/]+$', pathNot: KNOWN_LOOP_MODULES },
      to: { path: '^server/modules/[^/]+$', circular: true },
    },
    // Until the scope predicates leave accounts/repository.ts for server/access (issue 20 item 1),
    // scoring and account-health import accountVisible from accounts while accounts calls their
    // services: those two loops (and only those edges) are warnings. Item 1 removes the three rules
    // below and the pathNot above.
    {
      name: 'no-module-cycles',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/modules/accounts$' },
      to: { path: '^server/modules/[^/]+$', pathNot: '^server/modules/(scoring|account-health)$', circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/modules/(scoring|account-health)$' },
      to: { path: '^server/modules/[^/]+$', pathNot: '^server/modules/accounts$', circular: true },
    },
    {
      name: 'known-module-cycles-through-scope-predicates',
      severity: 'warn',
      scope: 'folder',
      from: { path: KNOWN_LOOP_MODULES },
      to: { path: KNOWN_LOOP_MODULES, circular: true },
    },
    {
      name: 'kernel-below-modules',
      severity: 'error',
      comment: 'The kernel and the shared layers are below the feature modules and never import them (plugins and app.ts wire modules in).',
      from: { path: '^server/(kernel|lib|db)/' },
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
