/**
 * `TOOL --version` of coreutils 9.1 as Debian 12 prints it: the first line
 * names the program (not argv[0]), then the licence and the authors.
 * Captured with `env -i /usr/bin/TOOL --version` on the recording machine.
 */
const LICENCE =
  'Copyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\n';

const AUTHORS: Readonly<Record<string, string>> = {
  cat: 'Written by Torbjorn Granlund and Richard M. Stallman.\n',
  chmod: 'Written by David MacKenzie and Jim Meyering.\n',
  chown: 'Written by David MacKenzie and Jim Meyering.\n',
  dirname: 'Written by David MacKenzie and Jim Meyering.\n',
  basename: 'Written by David MacKenzie.\n',
  env: 'Written by Richard Mlynarik, David MacKenzie, and Assaf Gordon.\n',
  head: 'Written by David MacKenzie and Jim Meyering.\n',
  tail: 'Written by Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering.\n',
  mkdir: 'Written by David MacKenzie.\n',
  mktemp: 'Written by Jim Meyering and Eric Blake.\n',
  pwd: 'Written by Jim Meyering.\n',
  readlink: 'Written by Dmitry V. Levin.\n',
  rm: 'Written by Paul Rubin, David MacKenzie, Richard M. Stallman,\nand Jim Meyering.\n',
  touch: 'Written by Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith.\n',
  wc: 'Written by Paul Rubin and David MacKenzie.\n',
  ls: 'Written by Richard M. Stallman and David MacKenzie.\n',
  echo: 'Written by Brian Fox and Chet Ramey.\n',
  printf: 'Written by David MacKenzie.\n',
  sha256sum: 'Written by Ulrich Drepper, Scott Miller, and David Madore.\n',
  md5sum: 'Written by Ulrich Drepper, Scott Miller, and David Madore.\n',
  nproc: 'Written by Giuseppe Scrivano.\n',
  cut: 'Written by David M. Ihnat, David MacKenzie, and Jim Meyering.\n',
  sort: 'Written by Mike Haertel and Paul Eggert.\n',
  ln: 'Written by Mike Parker and David MacKenzie.\n',
  yes: 'Written by David MacKenzie.\n',
};

export function versionText(tool: string): string {
  return `${tool} (GNU coreutils) 9.1\n${LICENCE}${AUTHORS[tool] ?? ''}`;
}
