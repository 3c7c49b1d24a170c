import { Errno } from '../../kernel/errno.ts';
import { signedIdentity } from '../artefacts/identity.ts';
import { KEYSERVERS, PUBLIC_KEYS, type PublicKey } from '../artefacts/store.ts';
import { err, readFile, type Gen } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { ensureTrustdb, openHome, writeKeybox } from './keyring.ts';

/** gpg 2.2's default keyserver (dirmngr). */
const DEFAULT_KEYSERVER = 'hkps://keys.openpgp.org';

const OPTIONS_WITH_VALUE = new Set(['keyserver', 'homedir']);
const FLAGS = new Set(['batch', 'no-tty', 'yes', 'quiet']);
/** Real gpg 2.2 commands and options (gpg(1)) the simulator does not model: said so, not called invalid. */
const UNMODELLED = new Set([
  'version',
  'help',
  'list-keys',
  'list-public-keys',
  'list-secret-keys',
  'fingerprint',
  'import',
  'export',
  'gen-key',
  'full-generate-key',
  'quick-generate-key',
  'sign',
  'clearsign',
  'detach-sign',
  'encrypt',
  'decrypt',
  'symmetric',
  'search-keys',
  'refresh-keys',
  'delete-keys',
  'armor',
  'output',
  'verbose',
  'keyring',
  'no-default-keyring',
  'trust-model',
]);

interface Parsed {
  command: 'verify' | 'recv-keys' | undefined;
  keyserver: string;
  homedir?: string;
  args: string[];
}

/**
 * GnuPG 2.2.40's gpg for what the redis Dockerfiles ask of it: `--batch
 * --keyserver K --recv-keys KEY` and `--batch --verify SIG FILE`, against the
 * modelled keyservers and signatures of the artefact store
 * (src/sim/userland/artefacts/store.ts). A signature is good when the file's
 * identity (its published SHA-256 while untouched, else the real digest of
 * its bytes) is the one the signature names, so a modified download gets
 * "BAD signature" and status 1. Lines, order and statuses as gpg prints them:
 * recorded on Debian 12 with a locally generated key (keybox/trustdb
 * creation, import, Good/BAD signature, "Can't check signature: No public
 * key", missing files, unknown options) and, for gosu's key, a public
 * transcript of the same commands ("Signature made Thu Nov  2 21:37:18 2023
 * UTC", the aka lines, "Primary key fingerprint: B42F 6819 …"); "keyserver
 * receive failed: No name" recorded for an unknown keyserver, "No data" for an
 * unknown key as published logs show it. No cryptography is done.
 */
export const gpg = program('gnupg-2.2.40/gpg', { vszKb: 81000, rssKb: 8500 }, function* (ctx) {
  const parsed = parse(ctx.argv.slice(1));
  if (typeof parsed === 'string') {
    yield* err(parsed);
    return 2;
  }
  const envp = parsed.homedir ? [...ctx.envp, `GNUPGHOME=${parsed.homedir}`] : ctx.envp;
  if (parsed.command === 'recv-keys') return yield* recvKeys(envp, parsed);
  if (parsed.command === 'verify') return yield* verify(envp, parsed.args);
  yield* err('gpg: only --recv-keys and --verify are modelled in this simulator\n');
  return 2;
});

function parse(argv: readonly string[]): Parsed | string {
  const parsed: Parsed = { command: undefined, keyserver: DEFAULT_KEYSERVER, args: [] };
  let unmodelled: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      parsed.args.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg === '-q') continue;
      if (arg.startsWith('-') && arg !== '-')
        return `gpg: ${arg}: not implemented in this simulator\n`;
      parsed.args.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
    if (name === 'verify' || name === 'recv-keys') parsed.command = name;
    else if (FLAGS.has(name)) continue;
    else if (OPTIONS_WITH_VALUE.has(name)) {
      const value = inline ?? argv[++i];
      // Recorded on Debian 12: `gpg --keyserver` alone says this without the "gpg: " prefix, 2.
      if (value === undefined) return `missing argument for option "${arg}"\n`;
      if (name === 'keyserver') parsed.keyserver = value;
      else parsed.homedir = value;
    } else if (UNMODELLED.has(name)) unmodelled ??= name;
    else return `invalid option "${arg}"\n`;
  }
  // gpg reads every option before it acts: an invalid one later still wins.
  if (unmodelled !== undefined) return `gpg: --${unmodelled}: not implemented in this simulator\n`;
  return parsed;
}

function keyFor(id: string): PublicKey | undefined {
  const wanted = id.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
  if (wanted.length < 8) return undefined;
  return PUBLIC_KEYS.find((k) => k.fingerprint.endsWith(wanted));
}

/** The 16-digit key ID gpg prints ("key 036A9C25BF357DD4: …"). */
const longId = (fingerprint: string) => fingerprint.slice(-16);

function* recvKeys(envp: readonly string[], parsed: Parsed): Gen<number> {
  const home = yield* openHome(envp);
  if (typeof home === 'number') return home;
  if (parsed.args.length === 0) return 0;
  // Recorded on Debian 12 (`gpg --batch --recv-keys ZZZ 1234`): each word that is not a key ID
  // (8, 16, 32 or 40 hex digits) is skipped with this line; none left is status 2, no lookup.
  const ids: string[] = [];
  for (const arg of parsed.args)
    if (
      /^(?:0x)?(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{32}|[0-9a-f]{40})$/i.test(
        arg.replace(/\s+/g, ''),
      )
    )
      ids.push(arg);
    else yield* err(`gpg: "${arg}" not a key ID: skipping\n`);
  if (ids.length === 0) return 2;
  if (!KEYSERVERS.includes(parsed.keyserver.replace(/\/+$/, ''))) {
    yield* err('gpg: keyserver receive failed: No name\n');
    return 2;
  }
  const keys = ids.map(keyFor);
  if (keys.some((k) => k === undefined)) {
    yield* err('gpg: keyserver receive failed: No data\n');
    return 2;
  }
  if (home.keys === undefined) return 2;
  let imported = 0;
  let unchanged = 0;
  const ring = [...home.keys];
  for (const key of keys as PublicKey[]) {
    const primary = key.userIds[0] ?? '';
    if (ring.includes(key.fingerprint)) {
      unchanged++;
      yield* err(`gpg: key ${longId(key.fingerprint)}: "${primary}" not changed\n`);
      continue;
    }
    ring.push(key.fingerprint);
    yield* writeKeybox(`${home.dir}/pubring.kbx`, ring);
    yield* ensureTrustdb(home.dir);
    imported++;
    yield* err(`gpg: key ${longId(key.fingerprint)}: public key "${primary}" imported\n`);
  }
  yield* err(`gpg: Total number processed: ${imported + unchanged}\n`);
  if (imported) yield* err(`gpg:               imported: ${imported}\n`);
  if (unchanged) yield* err(`gpg:              unchanged: ${unchanged}\n`);
  return 0;
}

interface Signature {
  readonly fingerprint: string;
  readonly created: number;
  readonly signs: string;
}

function parseSignature(text: string): Signature | undefined {
  const m =
    /-----BEGIN PGP SIGNATURE-----\n[\s\S]*?stepdown-signature key=([0-9A-F]{40}) created=(\d+) signs-sha256=([0-9a-f]{64})\n-----END PGP SIGNATURE-----/.exec(
      text,
    );
  return m
    ? { fingerprint: m[1] as string, created: Number(m[2]), signs: m[3] as string }
    : undefined;
}

function* verify(envp: readonly string[], args: readonly string[]): Gen<number> {
  const [sigPath, dataPath] = args;
  if (sigPath === undefined) {
    yield* err('gpg: verify signatures failed: Unknown system error\n');
    return 2;
  }
  const sigText = yield* readFile(sigPath);
  if (sigText instanceof Errno) {
    yield* err(`gpg: can't open '${sigPath}': ${sigText.message}\n`);
    yield* err(`gpg: verify signatures failed: ${sigText.message}\n`);
    return 2;
  }
  const home = yield* openHome(envp);
  if (typeof home === 'number') return home;
  const signature = parseSignature(sigText);
  if (!signature) {
    yield* err(
      'gpg: no valid OpenPGP data found.\ngpg: the signature could not be verified.\nPlease remember that the signature file (.sig or .asc)\nshould be the first file given on the command line.\n',
    );
    return 2;
  }
  if (dataPath === undefined) {
    yield* err("gpg: no signed data\ngpg: can't hash datafile: No data\n");
    return 2;
  }
  const data = yield* readFile(dataPath);
  if (data instanceof Errno) {
    yield* err(`gpg: can't open signed data '${dataPath}'\n`);
    yield* err(`gpg: can't hash datafile: ${data.message}\n`);
    return 2;
  }
  yield* err(`gpg: Signature made ${asctime(signature.created)} UTC\n`);
  yield* err(`gpg:                using RSA key ${signature.fingerprint}\n`);
  const key = home.keys?.includes(signature.fingerprint)
    ? PUBLIC_KEYS.find((k) => k.fingerprint === signature.fingerprint)
    : undefined;
  if (!key) {
    yield* err("gpg: Can't check signature: No public key\n");
    return 2;
  }
  return yield* report(key, signedIdentity(data) === signature.signs);
}

function* report(key: PublicKey, good: boolean): Gen<number> {
  const [primary = '', ...others] = key.userIds;
  if (!good) {
    yield* err(`gpg: BAD signature from "${primary}" [unknown]\n`);
    return 1;
  }
  yield* err(`gpg: Good signature from "${primary}" [unknown]\n`);
  for (const uid of others) yield* err(`gpg:                 aka "${uid}" [unknown]\n`);
  yield* err('gpg: WARNING: This key is not certified with a trusted signature!\n');
  yield* err('gpg:          There is no indication that the signature belongs to the owner.\n');
  const groups = key.fingerprint.match(/.{4}/g) ?? [];
  yield* err(
    `Primary key fingerprint: ${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}\n`,
  );
  return 0;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** asctime_r in UTC: "Thu Nov  2 21:37:18 2023". */
function asctime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2)} ${time} ${d.getUTCFullYear()}`;
}
