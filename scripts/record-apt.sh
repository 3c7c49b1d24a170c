#!/usr/bin/env bash
# Records what the real apt-get, apt-mark, dpkg and dpkg-query print in a
# minbase Debian bookworm chroot (the package set of debian:bookworm-slim):
# the texts, exit statuses and package index the simulator's apt models
# (src/sim/userland/apt/). Run as root on a Debian 12 machine that reaches the
# bookworm mirrors:
#
#   sudo scripts/record-apt.sh [OUTDIR]      (default: test/fixtures/apt/bookworm)
#
# Each recorded command leaves NAME.cmd (the command line), NAME.out (standard
# output), NAME.err (standard error) and NAME.status (exit status). Commands run
# with `env -i` (POSIX locale, no TERM) and standard input from a file, as a
# Dockerfile RUN step does; NAME.tty is the same command under script(1), a
# terminal as `docker exec -it` gives one.
set -euo pipefail

OUT=$(realpath -m "${1:-test/fixtures/apt/bookworm}")
BASE=${APT_CHROOT:-/tmp/bookworm}
WORK=$BASE.work
MIRROR=http://deb.debian.org/debian

command -v debootstrap >/dev/null || apt-get install -y debootstrap
if [ ! -e "$BASE/.stepdown-prepared" ]; then
  [ -x "$BASE/usr/bin/apt-get" ] || debootstrap --variant=minbase bookworm "$BASE" "$MIRROR"
  # The sources of the debian:bookworm image (deb822), then the updates they bring.
  rm -f "$BASE/etc/apt/sources.list"
  cat >"$BASE/etc/apt/sources.list.d/debian.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # What debuerreotype-minimizing-config adds to every debian image (no comments).
  printf '#!/bin/sh\nexit 101\n' >"$BASE/usr/sbin/policy-rc.d"
  chmod 0755 "$BASE/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$BASE/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$BASE/etc/apt/apt.conf.d/docker-autoremove-suggests"
  clean='"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true";'
  printf 'DPkg::Post-Invoke { %s };\nAPT::Update::Post-Invoke { %s };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' \
    "$clean" "$clean" >"$BASE/etc/apt/apt.conf.d/docker-clean"
  echo 'Acquire::GzipIndexes "true";' >"$BASE/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Acquire::Languages "none";' >"$BASE/etc/apt/apt.conf.d/docker-no-languages"
  cp /etc/resolv.conf "$BASE/etc/resolv.conf"
  chroot "$BASE" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get update
  chroot "$BASE" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get upgrade -y
  chroot "$BASE" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get clean
  rm -rf "$BASE"/var/lib/apt/lists/*
  touch "$BASE/.stepdown-prepared"
fi

rm -rf "$WORK" "$OUT"
cp -a "$BASE" "$WORK"
mkdir -p "$OUT"
mount -t proc proc "$WORK/proc"
mount --bind /dev "$WORK/dev"
mount --bind /dev/pts "$WORK/dev/pts"
trap 'umount "$WORK/dev/pts" "$WORK/dev" "$WORK/proc" || true' EXIT

ENV=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root)

# record NAME INPUT USER COMMAND...: one command in the chroot, input from a string.
record() {
  local name=$1 input=$2 user=$3
  shift 3
  printf '%s\n' "$*" >"$OUT/$name.cmd"
  printf '%s' "$input" >"$OUT/$name.in"
  set +e
  chroot --userspec="$user" "$WORK" "${ENV[@]}" sh -c "$*" <"$OUT/$name.in" >"$OUT/$name.out" 2>"$OUT/$name.err"
  echo $? >"$OUT/$name.status"
  set -e
  [ -s "$OUT/$name.in" ] || rm "$OUT/$name.in"
}

# record_tty NAME INPUT COMMAND...: the same under a terminal (80 columns), as root.
record_tty() {
  local name=$1 input=$2
  shift 2
  printf '%s\n' "$*" >"$OUT/$name.cmd"
  set +e
  (sleep 15; printf '%s' "$input"; sleep 120) | timeout 100 script -qfec \
    "stty cols 80 rows 24; chroot '$WORK' env -i TERM=xterm PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root sh -c '$*'" \
    /dev/null >"$OUT/$name.tty"
  echo $? >"$OUT/$name.status"
  set -e
}

chroot "$WORK" dpkg-query -W -f '${Package}\n' | sort >"$OUT/base-packages.txt"
cp "$WORK/var/lib/dpkg/status" "$OUT/base-status"
record apt-mark-showmanual-base '' 0:0 apt-mark showmanual

# Without package lists (the image as built: rm -rf /var/lib/apt/lists/*).
record install-without-lists '' 0:0 apt-get install procps
record update-nonroot '' 65534:65534 apt-get update
record install-nonroot '' 65534:65534 apt-get install procps
record update '' 0:0 apt-get update
record update-again '' 0:0 apt-get update

# The package indexes the recordings saw, uncompressed, for scripts/gen-apt-index.py (too big to commit).
INDEX_DIR=${APT_INDEX_DIR:-/tmp/stepdown-apt-index}
mkdir -p "$INDEX_DIR"
for list in "$WORK"/var/lib/apt/lists/*_Packages.lz4; do
  name=$(basename "$list" .lz4)
  chroot "$WORK" /usr/lib/apt/apt-helper cat-file "/var/lib/apt/lists/$name.lz4" >"$INDEX_DIR/$name"
done

record install-missing '' 0:0 apt-get install nosuchpackage
record install-missing-y '' 0:0 apt-get install -y procps nosuchpackage
record install-procps-no $'n\n' 0:0 apt-get install procps
record install-procps-yes $'Y\n' 0:0 apt-get install procps
record install-procps-again '' 0:0 apt-get install procps
record dpkg-l-procps '' 0:0 dpkg -l procps
record dpkg-search-ps '' 0:0 dpkg-query --search /usr/bin/ps
record dpkg-search-missing '' 0:0 dpkg-query --search /nonexistent
record dpkg-W-procps '' 0:0 dpkg-query -W procps
record apt-mark-showmanual-procps '' 0:0 apt-mark showmanual
record apt-mark-showauto-procps '' 0:0 apt-mark showauto
record remove-procps '' 0:0 apt-get remove -y procps
record autoremove '' 0:0 apt-get autoremove -y
record purge-removed '' 0:0 apt-get purge -y procps
record purge-missing '' 0:0 apt-get purge -y nosuchpackage
record purge-never-installed '' 0:0 apt-get purge -y wget
record_tty install-procps-tty $'Y\n' apt-get install procps
record purge-procps-auto '' 0:0 apt-get purge -y --auto-remove procps

# redis 5.0's fetchDeps and buildDeps (the pinned Dockerfile), on bookworm.
record install-fetchdeps '' 0:0 apt-get install -y --no-install-recommends ca-certificates dirmngr gnupg wget
record purge-fetchdeps '' 0:0 apt-get purge -y --auto-remove ca-certificates dirmngr gnupg wget
record install-builddeps '' 0:0 apt-get install -y ca-certificates wget gcc libc6-dev make --no-install-recommends
record purge-builddeps '' 0:0 apt-get purge -y --auto-remove ca-certificates wget gcc libc6-dev make

# redis 8.2.1 (debian/Dockerfile): tzdata, then the build with apt-mark.
record install-tzdata '' 0:0 apt-get install -y --no-install-recommends tzdata
record apt-mark-showmanual-tzdata '' 0:0 apt-mark showmanual
record install-build-821 '' 0:0 apt-get install -y --no-install-recommends ca-certificates wget dpkg-dev gcc g++ libc6-dev libssl-dev make
record dpkg-search-libssl '' 0:0 dpkg-query --search '*lib/x86_64-linux-gnu/libssl.so.3' '*lib/x86_64-linux-gnu/libc.so.6'
record apt-mark-auto-all '' 0:0 "apt-mark auto '.*'"
# Its "… can not be marked as it is not installed." line for every other package of the archive (7 MB): counted, not kept.
grep -c 'can not be marked as it is not installed' "$OUT/apt-mark-auto-all.out" >"$OUT/apt-mark-auto-all.not-installed-count" || true
sed -i '/can not be marked as it is not installed/d' "$OUT/apt-mark-auto-all.out"
record apt-mark-manual-tzdata '' 0:0 apt-mark manual tzdata
record apt-mark-manual-libs '' 0:0 apt-mark manual libc6 libssl3
record apt-mark-showmanual-821 '' 0:0 apt-mark showmanual
record purge-build-821 '' 0:0 apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
record dpkg-l-after '' 0:0 dpkg -l

# apt-get -qq: apt's own lines go, dpkg's stay.
record quiet-update-qq '' 0:0 apt-get -qq update
record quiet-install-qq '' 0:0 apt-get -qq install -y procps
record quiet-purge-qq '' 0:0 apt-get purge -qq -y --auto-remove procps

# The lists removed again: packages cannot be found.
record rm-lists '' 0:0 'rm -rf /var/lib/apt/lists/*'
record install-after-rm-lists '' 0:0 apt-get install -y --no-install-recommends wget

# File lists of every package the recordings installed (the simulator lays out their programs and libraries).
mkdir -p "$OUT/lists"
record reinstall-all-for-lists '' 0:0 "apt-get update >/dev/null && apt-get install -y --no-install-recommends procps psmisc libgpm2 ca-certificates dirmngr gnupg wget gcc libc6-dev make tzdata dpkg-dev g++ libssl-dev >/dev/null"
cp "$WORK"/var/lib/dpkg/info/*.list "$WORK"/var/lib/dpkg/info/*.conffiles "$OUT/lists/"
for script in "$WORK"/var/lib/dpkg/info/*.postrm; do : >"$OUT/lists/$(basename "$script")"; done
for b in /usr/bin/ps /usr/bin/wget /usr/bin/gpg; do record "ldd-$(basename $b)" '' 0:0 ldd $b; done
echo "recorded in $OUT"
