import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost, replay, type ScenarioFile } from '../../../src/sim/index.ts';
import { normaliseListing } from '../../golden/normalise.ts';

type Listings = Record<string, string>;

interface Recording extends ScenarioFile {
  readonly observed: {
    readonly stdout: string;
    readonly stderr: string;
    readonly exit: unknown;
    readonly files: { readonly before: Listings; readonly after: Listings };
    readonly host_side: Listings;
  };
}

const load = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../golden/recorded', name), 'utf8'),
  ) as Recording;

const normalise = (group: Listings): Listings =>
  Object.fromEntries(Object.entries(group).map(([k, v]) => [k, normaliseListing(v)]));

/**
 * The recording host's user database is not the simulated host's: on the
 * recording machine gid 999 is systemd-journal, while the simulated host has
 * no name for 999 by design (shared/docs/architecture.md: "No host user has
 * uid 999, so the host's `ls -l` shows files a container's redis user wrote
 * as `999 999`"). Only that name is mapped back to its number.
 */
const RECORDING_HOST_NAMES: Readonly<Record<string, string>> = { 'systemd-journal': '999' };

function asOnSimulatedHost(text: string): string {
  return text.replace(/\S+/g, (word) => RECORDING_HOST_NAMES[word] ?? word);
}

describe('replay of a scenario with a bind mount (test/golden/recorded/p06-bind-mount-owners.json)', () => {
  const file = load('p06-bind-mount-owners.json');
  const observed = replay(createHost(), file);

  it('runs PID 1 as recorded: redis is refused until /data is chowned', () => {
    expect({ stdout: observed.stdout, stderr: observed.stderr, exit: observed.exit }).toEqual({
      stdout: file.observed.stdout,
      stderr: file.observed.stderr,
      exit: file.observed.exit,
    });
  });

  it('lists the container side before start and after the end (golden rule 5)', () => {
    expect(
      observed.files && {
        before: normalise(observed.files.before),
        after: normalise(observed.files.after),
      },
    ).toEqual({
      before: normalise(file.observed.files.before),
      after: normalise(file.observed.files.after),
    });
  });

  it('lists the host directory with numeric ids exactly as the recording', () => {
    expect(normaliseListing(observed.host_side?.['ls -ln <host-dir>'] ?? '')).toEqual(
      normaliseListing(file.observed.host_side['ls -ln <host-dir>'] ?? ''),
    );
  });

  it("lists the host directory with the host's names (root, and 999 without a name)", () => {
    expect(normaliseListing(observed.host_side?.['ls -l <host-dir>'] ?? '')).toEqual(
      normaliseListing(asOnSimulatedHost(file.observed.host_side['ls -l <host-dir>'] ?? '')),
    );
  });

  it("reports host_side under the recording's two keys and nothing else", () => {
    expect(Object.keys(observed.host_side ?? {})).toEqual([
      'ls -ln <host-dir>',
      'ls -l <host-dir>',
    ]);
  });

  it('gives each replay on one host a fresh host directory', () => {
    const host = createHost();
    replay(host, file);
    const second = replay(host, file);
    expect(normaliseListing(second.host_side?.['ls -ln <host-dir>'] ?? '')).toEqual(
      normaliseListing(file.observed.host_side['ls -ln <host-dir>'] ?? ''),
    );
  });
});

describe('replay without a bind mount', () => {
  it('has no host_side', () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../golden/scenarios/14-id-root.json'), 'utf8'),
    ) as ScenarioFile;
    expect(replay(createHost(), file).host_side).toBeUndefined();
  });
});
