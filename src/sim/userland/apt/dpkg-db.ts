import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { readFile, type Gen } from '../lib/io.ts';
import { dpkgName, type DebPackage } from './archive.ts';
import { formatStanza, parseControl, parseDependencies, type Stanza } from './control.ts';

export const STATUS_FILE = '/var/lib/dpkg/status';
export const INFO_DIR = '/var/lib/dpkg/info';
export const EXTENDED_STATES = '/var/lib/apt/extended_states';
export const LISTS_DIR = '/var/lib/apt/lists';

/** A package in dpkg's database: its status stanza. */
export interface Installed {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
  readonly multiArch: string | undefined;
  readonly description: string;
  readonly installedSizeKb: number;
  /** "installed", or "config-files" (removed, configuration left: dpkg -l "rc"). */
  readonly state: 'installed' | 'config-files';
  readonly essential: boolean;
  readonly priority: string;
  readonly depends: readonly (readonly string[])[];
  readonly recommends: readonly (readonly string[])[];
  readonly stanza: Stanza;
}

/** The status stanza dpkg writes for a package of the archive. */
export function statusStanza(pkg: DebPackage, state: Installed['state'], raw?: Stanza): string {
  const status = state === 'installed' ? 'install ok installed' : 'deinstall ok config-files';
  const from = (field: string) => raw?.get(field);
  return formatStanza([
    ['Package', pkg.name],
    ['Status', status],
    ['Priority', pkg.priority],
    ['Section', pkg.section],
    ['Installed-Size', String(pkg.installedSizeKb)],
    ['Architecture', pkg.architecture],
    ['Multi-Arch', pkg.multiArch],
    ['Essential', pkg.essential ? 'yes' : undefined],
    ['Version', pkg.version],
    ['Pre-Depends', from('Pre-Depends') ?? joinDeps(pkg.preDepends)],
    ['Depends', from('Depends') ?? joinDeps(pkg.depends)],
    ['Recommends', from('Recommends') ?? joinDeps(pkg.recommends)],
    ['Suggests', from('Suggests') ?? joinDeps(pkg.suggests)],
    ['Provides', pkg.provides.join(', ') || undefined],
    ['Description', pkg.description],
  ]);
}

function joinDeps(deps: readonly (readonly string[])[]): string | undefined {
  return deps.length === 0 ? undefined : deps.map((d) => d.join(' | ')).join(', ');
}

export function parseStatus(text: string): Map<string, Installed> {
  const db = new Map<string, Installed>();
  for (const s of parseControl(text)) {
    const status = s.get('Status') ?? '';
    if (!/ (installed|config-files)$/.test(status)) continue;
    const name = s.get('Package') ?? '';
    db.set(name, {
      name,
      version: s.get('Version') ?? '',
      architecture: s.get('Architecture') ?? 'amd64',
      multiArch: s.get('Multi-Arch'),
      description: (s.get('Description') ?? '').split('\n')[0] ?? '',
      installedSizeKb: Number(s.get('Installed-Size') ?? '0'),
      state: status.endsWith('config-files') ? 'config-files' : 'installed',
      essential: s.get('Essential') === 'yes',
      priority: s.get('Priority') ?? 'optional',
      depends: [...parseDependencies(s.get('Pre-Depends')), ...parseDependencies(s.get('Depends'))],
      recommends: parseDependencies(s.get('Recommends')),
      stanza: s,
    });
  }
  return db;
}

/** The stanza text of an installed entry, its state changed. */
export function restate(entry: Installed, state: Installed['state']): string {
  const status = state === 'installed' ? 'install ok installed' : 'deinstall ok config-files';
  return formatStanza([...entry.stanza].map(([k, v]) => [k, k === 'Status' ? status : v] as const));
}

/** /var/lib/apt/extended_states: the packages apt installed automatically. */
export function extendedStatesText(auto: Iterable<Installed | DebPackage>): string {
  return [...auto]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) =>
      formatStanza([
        ['Package', p.name],
        ['Architecture', p.architecture === 'all' ? 'amd64' : p.architecture],
        ['Auto-Installed', '1'],
      ]),
    )
    .join('');
}

export function parseExtendedStates(text: string): Set<string> {
  return new Set(
    parseControl(text)
      .filter((s) => s.get('Auto-Installed') === '1')
      .map((s) => s.get('Package') ?? ''),
  );
}

/** dpkg's file list of a package: /var/lib/dpkg/info/NAME.list (NAME:amd64 for Multi-Arch: same). */
export function listPath(pkg: { name: string; multiArch: string | undefined }): string {
  return `${INFO_DIR}/${dpkgName(pkg)}.list`;
}

/** The database as a process reads it: status and the automatically installed marks. */
export interface Database {
  readonly installed: Map<string, Installed>;
  readonly auto: Set<string>;
  /** Whether /var/lib/apt/extended_states exists (apt then says "Reading state information..."). */
  readonly hasStates: boolean;
}

export function* readDatabase(): Gen<Database> {
  const status = yield* readFile(STATUS_FILE);
  const states = yield* readFile(EXTENDED_STATES);
  return {
    installed: parseStatus(status instanceof Errno ? '' : status),
    auto: parseExtendedStates(states instanceof Errno ? '' : states),
    hasStates: !(states instanceof Errno),
  };
}

/** Writes a whole file (created 0644, truncated). */
export function* writeFile(path: string, text: string): Gen<Errno | 0> {
  const fd = yield* sys.open(path, { write: true, create: true, truncate: true }, 0o644);
  if (fd instanceof Errno) return fd;
  if (text !== '') yield* sys.write(fd, text);
  yield* sys.close(fd);
  return 0;
}
