import type { ArchiveIndex, DebPackage } from './archive.ts';
import type { Dependency } from './control.ts';
import type { Installed } from './dpkg-db.ts';

/** What `apt-get install` decided: new packages in the order apt unpacks them. */
export interface InstallPlan {
  readonly install: readonly DebPackage[];
  /** Requested packages already installed. */
  readonly already: readonly Installed[];
  /** Suggests of the new packages, and Recommends skipped by --no-install-recommends ("a | b" as apt shows them). */
  readonly suggested: readonly string[];
  readonly recommended: readonly string[];
}

/**
 * Marks the requested packages and, depth first, what they need: Pre-Depends
 * and Depends (the first alternative that is installed or known), then
 * Recommends unless they are off. Dependencies come before the package that
 * needs them; recommended packages after everything required.
 */
export function planInstall(
  index: ArchiveIndex,
  installed: ReadonlyMap<string, Installed>,
  requested: readonly DebPackage[],
  withRecommends: boolean,
): InstallPlan {
  const order: DebPackage[] = [];
  const marked = new Set<string>();
  const isInstalled = (name: string) => installed.get(name)?.state === 'installed';
  const pick = (dep: Dependency): DebPackage | 'satisfied' | undefined => {
    for (const alt of dep) {
      if (isInstalled(alt) || marked.has(alt)) return 'satisfied';
      for (const provider of index.providers.get(alt) ?? [])
        if (isInstalled(provider.name) || marked.has(provider.name)) return 'satisfied';
    }
    for (const alt of dep) {
      const pkg = index.packages.get(alt) ?? index.providers.get(alt)?.[0];
      if (pkg) return pkg;
    }
    return undefined;
  };
  const later: DebPackage[] = [];
  const visit = (pkg: DebPackage) => {
    if (marked.has(pkg.name) || isInstalled(pkg.name)) return;
    marked.add(pkg.name);
    for (const dep of [...pkg.preDepends, ...pkg.depends]) {
      const next = pick(dep);
      if (next && next !== 'satisfied') visit(next);
    }
    order.push(pkg);
    later.push(pkg);
  };
  for (const pkg of requested) visit(pkg);
  for (let i = 0; withRecommends && i < later.length; i++) {
    for (const dep of (later[i] as DebPackage).recommends) {
      const next = pick(dep);
      if (next !== 'satisfied' && next !== undefined) visit(next);
    }
  }
  // apt lists what it skipped or suggests by the new packages' names (recorded: install-fetchdeps).
  const byName = [...order].sort((a, b) => a.name.localeCompare(b.name));
  const unmet = (dep: Dependency) => !dep.some((alt) => isInstalled(alt) || marked.has(alt));
  const recommended = withRecommends
    ? []
    : byName
        .flatMap((p) => p.recommends)
        .filter(unmet)
        .map((dep) => dep.join(' | '));
  const suggested = byName
    .flatMap((p) => p.suggests)
    .filter((dep) => !dep.some((alt) => isInstalled(alt) || marked.has(alt)))
    .map((dep) => dep.join(' | '));
  return {
    install: order,
    already: requested.flatMap((p) => {
      const entry = installed.get(p.name);
      return entry && entry.state === 'installed' ? [entry] : [];
    }),
    suggested: [...new Set(suggested)],
    recommended: [...new Set(recommended)],
  };
}

/**
 * Packages installed automatically that nothing installed needs any more
 * (apt's autoremove): not reachable through Depends, Pre-Depends or
 * Recommends (unless RecommendsImportant is false) from a manually
 * installed or essential package.
 */
export function unneeded(
  installed: ReadonlyMap<string, Installed>,
  auto: ReadonlySet<string>,
  removing: ReadonlySet<string>,
  recommendsImportant: boolean,
): string[] {
  const live = [...installed.values()].filter(
    (p) => p.state === 'installed' && !removing.has(p.name),
  );
  const provides = new Map<string, string[]>();
  for (const p of live)
    for (const name of (p.stanza.get('Provides') ?? '')
      .split(',')
      .map((s) => s.trim().split(' ')[0] ?? ''))
      if (name !== '') provides.set(name, [...(provides.get(name) ?? []), p.name]);
  const keep = new Set<string>();
  const stack = live.filter((p) => !auto.has(p.name) || p.essential || p.priority === 'required');
  const byName = new Map(live.map((p) => [p.name, p]));
  while (stack.length > 0) {
    const p = stack.pop() as Installed;
    if (keep.has(p.name)) continue;
    keep.add(p.name);
    const deps = recommendsImportant ? [...p.depends, ...p.recommends] : p.depends;
    for (const dep of deps)
      for (const alt of dep) {
        for (const name of [alt, ...(provides.get(alt) ?? [])]) {
          const target = byName.get(name);
          if (target && !keep.has(name)) stack.push(target);
        }
      }
  }
  return live
    .filter((p) => !keep.has(p.name))
    .map((p) => p.name)
    .sort();
}
