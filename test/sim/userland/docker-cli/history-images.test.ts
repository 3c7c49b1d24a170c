import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * docker history and docker images after a build (docker 28.2.2 client).
 * - history: cli/command/image/formatter_history.go (ID cut to 12 or
 *   "<missing>", "N seconds ago", CREATED BY with tabs as spaces and
 *   Ellipsis(…, 45), HumanSizeWithPrecision(size, 3), COMMENT).
 * - images: cli/command/formatter/image.go (REPOSITORY, TAG, IMAGE ID,
 *   CREATED, SIZE; one row per tag; untagged "<none> <none>"), intermediate
 *   images only with -a; tags of one image in lexical order (the daemon's
 *   reference store).
 * - Both tables: formatter.Context's tabwriter.NewWriter(out, 10, 1, 3, ' ', 0),
 *   so every cell but the last is padded, trailing blanks included.
 * - created_by: moby daemon/builder/dockerfile internals.go (withCmdComment:
 *   "#(nop) " as its own argument, two spaces; withCmdCommentString for
 *   WORKDIR and COPY, one space; COPY's "<hash> in <dest> " with a trailing blank).
 * - "No such image: nosuch:latest": moby's image store (ErrImageDoesNotExist).
 */
function builtHost() {
  const host = createHost();
  runPlain(
    "mkdir ctx && printf 'FROM lab\\nENV A=1 B=2\\nWORKDIR /data\\nCOPY a.sh /usr/local/bin/\\nCMD [\"bash\"]\\n' > ctx/Dockerfile && echo 'echo a' > ctx/a.sh && docker build -t mine ctx && docker build -t mine:v2 ctx",
    host,
  );
  host.advance(5000);
  return host;
}

describe('docker history', () => {
  it('lists the layers newest first, with the base image below', () => {
    const host = builtHost();
    expect(runPlain('docker history mine', host)).toMatchObject({
      stdout:
        'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\n' +
        '76785012d07e   5 seconds ago   /bin/sh -c #(nop)  CMD ["bash"]                 0B        \n' +
        '90cc96d5dae5   5 seconds ago   /bin/sh -c #(nop) COPY file:54325903d5d00b2f…   7B        \n' +
        '5e3a5ac39c9c   5 seconds ago   /bin/sh -c #(nop) WORKDIR /data                 0B        \n' +
        'fcdf2d89e18c   5 seconds ago   /bin/sh -c #(nop)  ENV A=1 B=2                  0B        \n' +
        'f61e9d10fa1c   4 weeks ago                                                     1.38kB    \n',
      stderr: '',
      status: 0,
    });
  });

  it('prints whole IDs and instructions with --no-trunc, IDs alone with -q', () => {
    const host = builtHost();
    const full = runPlain('docker history --no-trunc mine', host).stdout.split('\n');
    expect(full[2]).toMatch(
      /^sha256:[0-9a-f]{64} {3}5 seconds ago {3}\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]{64} in \/usr\/local\/bin\/  {3}7B {8}$/,
    );
    expect(runPlain('docker history -q mine', host).stdout).toBe(
      '76785012d07e\n90cc96d5dae5\n5e3a5ac39c9c\nfcdf2d89e18c\nf61e9d10fa1c\n',
    );
  });

  it('answers for an image it does not have, and wants one argument', () => {
    expect(runPlain('docker history nosuch')).toMatchObject({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      status: 1,
    });
    // Captured from the 28.2.2 client.
    expect(runPlain('docker history')).toMatchObject({
      stderr:
        "docker: 'docker history' requires 1 argument\n\n" +
        'Usage:  docker history [OPTIONS] IMAGE\n\n' +
        "Run 'docker history --help' for more information\n",
      status: 1,
    });
  });
});

describe('docker images', () => {
  it('lists tagged images newest first, intermediate ones only with -a', () => {
    const host = builtHost();
    const listing = runPlain('docker images', host);
    expect(listing).toMatchObject({ stderr: '', status: 0 });
    // The base images' sizes follow the apt archive's file lists: compare the other columns.
    expect(
      listing.stdout.split('\n').map((line) => line.split(/ {2,}/).slice(0, 3).join(' | ')),
    ).toEqual([
      'REPOSITORY | TAG | IMAGE ID',
      'mine | latest | 76785012d07e',
      'mine | v2 | 76785012d07e',
      'alpine | latest | 1ed1ca0686a9',
      'debian | 12 | 6f4250ed8692',
      'debian | bookworm | 6f4250ed8692',
      'debian | latest | 6f4250ed8692',
      'debian | 12-slim | c139fde9380d',
      'debian | bookworm-slim | c139fde9380d',
      'debian | 9-slim | 7dfa35115326',
      'debian | stretch-slim | 7dfa35115326',
      'gosu/alpine | latest | 09f7a4d06b29',
      'ubuntu | 14.04 | 7e058f9eaba5',
      'ubuntu | trusty | 7e058f9eaba5',
      'lab | latest | f61e9d10fa1c',
      '',
    ]);
    expect(runPlain('docker images lab', host).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n' +
        'lab          latest    f61e9d10fa1c   4 weeks ago   1.38kB\n',
    );
    expect(runPlain('docker images -a mine', host).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n' +
        'mine         latest    76785012d07e   5 seconds ago   1.39kB\n' +
        'mine         v2        76785012d07e   5 seconds ago   1.39kB\n',
    );
    expect(runPlain('docker images -a', host).stdout.split('\n').slice(3, 6)).toEqual([
      '<none>        <none>          90cc96d5dae5   5 seconds ago   1.39kB',
      '<none>        <none>          5e3a5ac39c9c   5 seconds ago   1.38kB',
      '<none>        <none>          fcdf2d89e18c   5 seconds ago   1.38kB',
    ]);
  });

  it('filters by name and tag, and takes at most one', () => {
    const host = builtHost();
    expect(runPlain('docker images -q mine:v2; docker images ubuntu:trusty', host).stdout).toBe(
      '76785012d07e\n' +
        'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n' +
        'ubuntu       trusty    7e058f9eaba5   4 weeks ago   1.28kB\n',
    );
    // Captured from the 28.2.2 client, "SRun" included.
    expect(runPlain('docker images a b')).toMatchObject({
      stderr:
        "docker: 'docker images' requires at most 1 argument\n\n" +
        'Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\n' +
        "SRun 'docker images --help' for more information\n",
      status: 1,
    });
  });
});
