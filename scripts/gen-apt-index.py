#!/usr/bin/env python3
"""Writes src/sim/userland/apt/index/bookworm.ts from a recording of scripts/record-apt.sh.

The simulated bookworm mirror serves the real index, cut down to what the
course's images can ask for: the base system (debian:bookworm-slim) and the
closure (Depends, Pre-Depends, Recommends) of the packages the redis
Dockerfiles and the seed article install. Fields the simulator does not read
are dropped. File lists keep the programs (bin, sbin) and shared libraries.

    python3 scripts/gen-apt-index.py [FIXTURES] [OUT]   (sizes in FIXTURES/origins.json are update.out's)
"""
import json
import os
import re
import subprocess
import sys

FIXTURES = sys.argv[1] if len(sys.argv) > 1 else 'test/fixtures/apt/bookworm'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'src/sim/userland/apt/index/bookworm.ts'
# The full Packages files apt fetched (too big to commit): record-apt.sh leaves them here.
INDEX_DIR = os.environ.get('APT_INDEX_DIR', '/tmp/stepdown-apt-index')

# Installed with their Recommends (the article's `apt-get install procps`); the others as the
# Dockerfiles install them, --no-install-recommends (Depends and Pre-Depends only).
WITH_RECOMMENDS = ['procps']
ROOTS = '''procps psmisc ca-certificates dirmngr gnupg wget gcc libc6-dev make tzdata dpkg-dev g++
libssl-dev git cmake python3 python3-pip python3-venv python3-dev unzip rsync clang automake
autoconf libtool'''.split()
KEEP = ['Package', 'Version', 'Installed-Size', 'Architecture', 'Multi-Arch', 'Essential',
        'Priority', 'Section', 'Pre-Depends', 'Depends', 'Recommends', 'Suggests', 'Provides',
        'Filename', 'Size', 'Description']
# Programs, and anything named like a shared library (dpkg-query --search '*lib/…/libc.so.6' finds
# libc6-dev's /usr/share/gdb/auto-load/lib/x86_64-linux-gnu/libc.so.6-gdb.py too).
FILE_RE = re.compile(r'^/(usr/)?s?bin/[^/]+$|^/.*/[^/]+\.so(\.[^/]*)?(-[^/]*)?$')


def stanzas(text):
    for block in text.split('\n\n'):
        fields, last = {}, None
        for line in block.split('\n'):
            if line.startswith((' ', '\t')) and last:
                continue  # long descriptions and continuation lines are dropped
            if ':' in line:
                last, value = line.split(':', 1)
                fields[last] = value.strip()
        if 'Package' in fields:
            yield fields


def newer(a, b):
    return subprocess.run(['dpkg', '--compare-versions', a, 'gt', b]).returncode == 0


def names(field):
    out = []
    for group in field.split(','):
        for alt in group.split('|'):
            name = re.split(r'[\s(]', alt.strip(), maxsplit=1)[0].replace(':any', '')
            if name:
                out.append(name)
    return out


def main():
    origins = json.load(open(os.path.join(FIXTURES, 'origins.json')))
    index = {}
    for o in origins:
        o['stanzas'] = list(stanzas(open(os.path.join(INDEX_DIR, o['file'])).read()))
        for s in o['stanzas']:
            old = index.get(s['Package'])
            if old is None or newer(s['Version'], old['Version']):
                index[s['Package']] = s  # apt's candidate: the highest version of all suites
    providers = {}
    for s in index.values():
        for p in names(s.get('Provides', '')):
            providers.setdefault(p, []).append(s['Package'])
    base = open(os.path.join(FIXTURES, 'base-packages.txt')).read().split()
    want, todo = set(), [(n.split(':')[0], False) for n in base] + [(n, n in WITH_RECOMMENDS) for n in ROOTS]
    seen = set()
    while todo:
        name, recommends = todo.pop()
        if (name, recommends) in seen:
            continue
        seen.add((name, recommends))
        if name not in index:
            if name in providers:
                todo.extend((p, recommends) for p in providers[name])
            continue
        want.add(name)
        s = index[name]
        for f in ('Depends', 'Pre-Depends') + (('Recommends',) if recommends else ()):
            todo.extend((n, recommends) for n in names(s.get(f, '')))
    files, entries = {}, {}
    lists = os.path.join(FIXTURES, 'lists')
    base_names = {n.split(':')[0] for n in base}
    base_paths = set()
    for entry in os.listdir(lists):
        if entry[:-len('.list')].split(':')[0] in base_names:
            base_paths.update(open(os.path.join(lists, entry)).read().split())
    # dpkg purges what has configuration files or a postrm script (empty marker files here).
    conffiles = sorted({e.rsplit('.', 1)[0].split(':')[0] for e in os.listdir(lists)
                        if e.endswith(('.conffiles', '.postrm'))} & want)
    for entry in sorted(e for e in os.listdir(lists) if e.endswith('.list')):
        pkg = entry[:-len('.list')].split(':')[0]
        paths = [p for p in open(os.path.join(lists, entry)).read().split('\n') if FILE_RE.match(p)]
        if pkg in want and paths:
            files[pkg] = sorted(paths)
        if pkg in want and pkg not in base_names:
            # What the package adds to dpkg's count of "files and directories currently installed".
            entries[pkg] = len(set(open(os.path.join(lists, entry)).read().split()) - base_paths)
    out = ['// Generated by scripts/gen-apt-index.py from a recording of scripts/record-apt.sh',
           '// (Debian bookworm mirrors); do not edit.',
           "import type { Archive } from '../archive.ts';", '',
           'export const BOOKWORM: Archive = {', "  codename: 'bookworm',", '  origins: [']
    for o in origins:
        text = ''
        for s in o['stanzas']:
            if s['Package'] in want and index[s['Package']] is s:
                text += ''.join(f'{k}: {s[k]}\n' for k in KEEP if k in s) + '\n'
        out += ['    {', f"      uri: {json.dumps(o['uri'])},", f"      suite: {json.dumps(o['suite'])},",
                f"      component: 'main',", f"      releaseBytes: {o['releaseBytes']},",
                f"      packagesBytes: {o['packagesBytes']},", f'      packages: {json.dumps(text)},', '    },']
    out += ['  ],', f'  files: {json.dumps(files)},', f'  entries: {json.dumps(entries)},',
            f'  base: {json.dumps(sorted({n.split(":")[0] for n in base}))},',
            f'  conffiles: {json.dumps(conffiles)},', '};', '']
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    open(OUT, 'w').write('\n'.join(out))
    subprocess.run(['npx', 'prettier', '--write', OUT], check=True, stdout=subprocess.DEVNULL)
    print(f'{OUT}: {len(want)} packages, {len(files)} file lists')


main()
