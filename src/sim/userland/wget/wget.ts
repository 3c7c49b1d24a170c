import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { artefactAt, HOSTS } from '../artefacts/store.ts';
import { getoptLong, GetoptError } from '../lib/getopt-long.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { toFixed } from '../lib/exact-decimal.ts';
import { utf8Bytes } from '../lib/quote.ts';
import { barProgress, dotProgress, retrRate } from './progress.ts';
import { WGET_VERSION } from './texts.ts';

/**
 * The network the simulator models: every transfer runs at 10 MiB/s. The
 * stand-ins are a few hundred bytes, so a download takes well under a
 * millisecond and the virtual clock is not moved.
 */
const BYTES_PER_SECOND = 10 * 1024 * 1024;

/** wget's exit statuses (wget(1) EXIT STATUS). */
const EXIT = { generic: 1, parse: 2, io: 3, network: 4, server: 8 } as const;

const USAGE_TAIL = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

interface Options {
  outputDocument?: string;
  verbosity: 'verbose' | 'nv' | 'quiet';
  /** --progress: dots, a bar on a terminal (dots elsewhere), or a bar anywhere (bar:force). */
  progress?: 'dot' | 'bar' | 'bar:force';
}

/**
 * GNU Wget 1.21.3 (Debian 12) over the simulator's offline artefact store
 * (src/sim/userland/artefacts/store.ts): the hosts there resolve (to
 * modelled addresses) and answer 200 for their artefacts and 404 for any
 * other path; every other host fails to resolve. Texts and statuses as the
 * real wget prints them with standard error not a terminal (dot progress),
 * recorded against a local `python3 -m http.server`: unknown host → status 4,
 * HTTP error → 8, -O into a missing directory → 1. Redirects (GitHub sends
 * release downloads to objects.githubusercontent.com) are not modelled.
 */
export const wget = program('wget-1.21.3/wget', { vszKb: 22000, rssKb: 9000 }, function* (ctx) {
  const prog = progName(ctx, 'wget');
  const parsed = getoptLong(ctx.argv.slice(1), 'O:qvVn:', [
    { name: 'output-document', arg: 'required', key: 'O' },
    { name: 'quiet', arg: 'none', key: 'q' },
    { name: 'no-verbose', arg: 'none', key: 'nv' },
    { name: 'verbose', arg: 'none', key: 'v' },
    { name: 'version', arg: 'none', key: 'V' },
    { name: 'progress', arg: 'required', key: 'progress' },
  ]);
  if (parsed instanceof GetoptError) {
    yield* err(`${prog}: ${parsed.message}\n${USAGE_TAIL}`);
    return EXIT.parse;
  }
  if (parsed.options.some((o) => o.key === 'V')) {
    yield* out(WGET_VERSION);
    return 0;
  }
  // "-nv" is -n with "v" to getopt (wget's -n takes a letter: -nv, -nc, -nd …).
  const options: Options = { verbosity: 'verbose' };
  for (const o of parsed.options) {
    if (o.key === 'O') options.outputDocument = o.value;
    else if (o.key === 'q') options.verbosity = 'quiet';
    else if (o.key === 'nv' || (o.key === 'n' && o.value === 'v')) options.verbosity = 'nv';
    else if (o.key === 'n') {
      yield* err(`${prog}: -n${o.value ?? ''}: not implemented in this simulator\n`);
      return EXIT.parse;
    } else if (o.key === 'v') options.verbosity = 'verbose';
    else if (o.key === 'progress') {
      // Recorded on Debian 12: `wget --progress=x URL` "wget: --progress: Invalid progress type 'x'.", 2.
      const [type = '', style] = (o.value ?? '').split(':');
      if (type !== 'bar' && type !== 'dot') {
        yield* err(`${prog}: --progress: Invalid progress type '${o.value ?? ''}'.\n`);
        return EXIT.parse;
      }
      options.progress = type === 'bar' && style === 'force' ? 'bar:force' : type;
    }
  }
  if (parsed.operands.length === 0) {
    yield* err(`${prog}: missing URL\n${USAGE_TAIL}`);
    return EXIT.generic;
  }
  let target: number | undefined;
  if (options.outputDocument !== undefined && options.outputDocument !== '-') {
    const fd = yield* sys.open(
      options.outputDocument,
      { write: true, create: true, truncate: true },
      0o666,
    );
    if (fd instanceof Errno) {
      yield* err(`${options.outputDocument}: ${fd.message}\n`);
      return EXIT.generic;
    }
    target = fd;
  }
  let status = 0;
  for (const url of parsed.operands) {
    const result = yield* retrieve(url, options, target);
    if (result !== 0 && (status === 0 || result < status)) status = result;
  }
  if (target !== undefined) yield* sys.close(target);
  return status;
});

interface Url {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  /** The URL as wget rebuilds it: scheme and host in lower case, the default port dropped, "/" for no path. */
  readonly canonical: string;
}

/**
 * wget 1.21.3's URL parsing, as recorded on Debian 12 (`env -i wget nope`
 * fetches "http://nope/", `HTTP://Nope:80/a` "http://nope/a"; `http://:80/`
 * "http://:80/: Invalid host name.", 1).
 */
function parseUrl(url: string): Url | string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/:?#]*)(?::(\d+))?(.*)$/s.exec(url);
  const withScheme = match ?? /^()([^/:?#]+)(?::(\d+))?(.*)$/s.exec(url);
  if (!withScheme) return `${url}: Invalid URL.`;
  const scheme = (withScheme[1] || 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `${url}: Unsupported scheme '${scheme}'.`;
  const host = (withScheme[2] ?? '').toLowerCase();
  if (host === '') return `${url}: Invalid host name.`;
  const standard = scheme === 'https' ? 443 : 80;
  const port = withScheme[3] ? Number(withScheme[3]) : standard;
  const rest = withScheme[4] ?? '';
  const path = rest.startsWith('/') ? rest : `/${rest}`;
  const canonical = `${scheme}://${host}${port === standard ? '' : `:${port}`}${path}`;
  return { scheme, host, port, canonical };
}

function* retrieve(given: string, options: Options, target: number | undefined): Gen<number> {
  const verbose = options.verbosity === 'verbose';
  const say = (text: string) => (verbose ? err(text) : noop());
  const parsed = parseUrl(given);
  if (typeof parsed === 'string') {
    yield* err(parsed + '\n');
    return EXIT.generic;
  }
  const url = parsed.canonical;
  const start = yield* now();
  yield* say(`--${start}--  ${url}\n`);
  const address = HOSTS[parsed.host.toLowerCase()];
  if (address === undefined) {
    yield* say(`Resolving ${parsed.host} (${parsed.host})... failed: Name or service not known.\n`);
    if (options.verbosity !== 'quiet')
      yield* err(`wget: unable to resolve host address '${parsed.host}'\n`);
    return EXIT.network;
  }
  yield* say(`Resolving ${parsed.host} (${parsed.host})... ${address}\n`);
  yield* say(
    `Connecting to ${parsed.host} (${parsed.host})|${address}|:${parsed.port}... connected.\n`,
  );
  const artefact = artefactAt(url);
  if (!artefact) {
    yield* say('HTTP request sent, awaiting response... 404 Not Found\n');
    if (options.verbosity !== 'quiet') yield* err(`${yield* now()} ERROR 404: Not Found.\n\n`);
    return EXIT.server;
  }
  const size = utf8Bytes(artefact.body).length;
  const saveAs = options.outputDocument ?? (yield* freeName(localName(url)));
  yield* say('HTTP request sent, awaiting response... 200 OK\n');
  yield* say(`Length: ${size}${humanSize(size)} [${artefact.contentType}]\n`);
  yield* say(`Saving to: '${saveAs}'\n`);
  const seconds = size / BYTES_PER_SECOND;
  let fd = target;
  if (saveAs === '-') fd = 1;
  if (fd === undefined) {
    const opened = yield* sys.open(saveAs, { write: true, create: true, truncate: true }, 0o666);
    if (opened instanceof Errno) {
      yield* err(`${saveAs}: ${opened.message}\n`);
      return EXIT.io;
    }
    fd = opened;
  }
  const written = yield* sys.write(fd, artefact.body);
  if (fd !== target && fd !== 1) yield* sys.close(fd);
  // wget sets the file's time from Last-Modified, -O included (a recorded `ls -l` after `wget -O`).
  if (fd !== 1) yield* sys.utimensat(saveAs, 'now', artefact.lastModified * 1000, true);
  if (written instanceof Errno) {
    yield* err(`Cannot write to '${saveAs}' (${written.message}).\n`);
    return EXIT.io;
  }
  if (verbose) {
    // wget draws a bar on a terminal, dots otherwise (bar_set_params), unless told.
    const tty =
      options.progress === 'bar:force' || (options.progress !== 'dot' && (yield* sys.isatty(2)));
    const size2 = yield* sys.winsize(2);
    const columns = size2 instanceof Errno ? 80 : size2.cols;
    yield* err(
      tty ? barProgress(localName(saveAs), size, columns) : dotProgress(size, BYTES_PER_SECOND),
    );
  }
  const end = yield* now();
  if (verbose)
    yield* err(`${end} (${retrRate(size, seconds)}) - '${saveAs}' saved [${size}/${size}]\n\n`);
  else if (options.verbosity === 'nv')
    yield* err(`${end} URL:${url} [${size}/${size}] -> "${saveAs}" [1]\n`);
  return 0;
}

function* noop(): Gen<void> {}

/** The name wget saves a URL under without -O: the last path segment, or index.html. */
function localName(url: string): string {
  const path = url.replace(/^[A-Za-z]+:\/\/[^/]*/, '').replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' ? 'index.html' : last;
}

/** wget does not overwrite: NAME, else NAME.1, NAME.2 … */
function* freeName(name: string): Gen<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? name : `${name}.${n}`;
    if ((yield* sys.lstat(candidate)) instanceof Errno) return candidate;
  }
}

/** " (2.2M)" after the length from 1024 bytes on (human_readable with acc 10, 1 decimal). */
function humanSize(size: number): string {
  if (size < 1024) return '';
  let value = size;
  const powers = 'KMGTPE';
  for (let i = 0; i < powers.length; i++) {
    if (value / 1024 < 1024 || i === powers.length - 1) {
      const v = value / 1024;
      const text = toFixed(v, v < 10 ? 1 : 0);
      return ` (${text}${powers[i] ?? ''})`;
    }
    value /= 1024;
  }
  return '';
}

function* now(): Gen<string> {
  const d = new Date((yield* sys.self()).now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
