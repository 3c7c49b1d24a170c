/**
 * glibc 2.36's ldd (Debian's libc-bin 2.36-9+deb12u14) texts, from the ldd
 * script itself (/usr/bin/ldd on Debian 12) and captured with `env -i ldd --help`,
 * `env -i ldd --version`.
 */
export const LDD_VERSION =
  'ldd (Debian GLIBC 2.36-9+deb12u14) 2.36\nCopyright (C) 2022 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\nWritten by Roland McGrath and Ulrich Drepper.\n';

export const LDD_HELP =
  'Usage: ldd [OPTION]... FILE...\n      --help              print this help and exit\n      --version           print version information and exit\n  -d, --data-relocs       process data relocations\n  -r, --function-relocs   process data and function relocations\n  -u, --unused            print unused direct dependencies\n  -v, --verbose           print all information\n\nFor bug reporting instructions, please see:\n<http://www.debian.org/Bugs/>.\n';

export const LDD_TRY = "Try `ldd --help' for more information.\n";
