/**
 * How mocha loads the specs (`.mocharc.json`): ts-node in transpile-only mode with swc as its transpiler, an option
 * ts-node provides for this (`@swc/core`, a dev dependency). The suite transpiles the specs, the components and the
 * pack in one process, which swc does faster than TypeScript's transpiler; type-checking is the
 * separate `npm run typecheck`, which `npm test` runs first.
 *
 * Only mocha's own process: the previews the specs start run as `npm run preview` does, with TypeScript's
 * transpiler (which, unlike swc's native binary, adds little to a preview's peak memory). Plain JavaScript: it runs
 * before ts-node is registered.
 */
require("ts-node").register({ transpileOnly: true, swc: true });
