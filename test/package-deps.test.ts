// What the published package imports at run time must be what it declares: a module that is only a dev
// dependency is present in this repository and missing where the package is installed.
import { readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) { return sources(file); }
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The package a bare import specifier names: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

test('every package lib/ and imports/ import at run time is a dependency or a peer dependency', () => {
  // GIVEN the declared run-time packages, and the bare specifiers of every value import (not `import type`)
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const used = new Map<string, string>();
  for (const file of [...sources(path.join(ROOT, 'lib')), ...sources(path.join(ROOT, 'imports'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export) (?!type )[^'"]*from '([^'.][^']*)'|require\('([^'.][^']*)'\)|import\('([^'.][^']*)'\)/gm)) {
      const name = packageOf(m[1] ?? m[2] ?? m[3]);
      if (!builtinModules.includes(name.replace(/^node:/, ''))) { used.set(name, path.relative(ROOT, file)); }
    }
  }
  // THEN each is declared (the map says which file wants an undeclared one)
  const undeclared = [...used].filter(([name]) => !declared.has(name));
  expect(undeclared).toEqual([]);
  expect(used.size).toBeGreaterThan(3);
});
