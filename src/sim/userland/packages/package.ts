/** The systems the simulator lays out: the host and the images. */
export type SystemName = 'host' | 'lab' | 'trusty' | 'alpine';

/** An executable at a path (a program in the registry), or a symbolic link (BusyBox applets, /bin/sh). */
export type Installed = string | { readonly symlinkTo: string };

/**
 * A package as a distribution ships it: the programs it brings and where
 * each system puts them. Images and the host install packages; the
 * registry is the union of their programs.
 */
export interface Package {
  /** The distribution's package name and version, e.g. "coreutils 9.1-1". */
  readonly name: string;
  /** The names of the programs it brings (their code: src/sim/pieces/). */
  readonly programs: readonly string[];
  readonly installs: Partial<Record<SystemName, Readonly<Record<string, Installed>>>>;
  /** The Debian binary package that ships these programs (apt installs them from it), e.g. "procps". */
  readonly deb?: string;
  /** Paths installed set-user-ID root (mode 4755). */
  readonly setuid?: readonly string[];
}
