import type { Container } from './container.ts';
import { stateString } from './container-state.ts';
import { humanDuration } from './human-duration.ts';

/** One row of GET /containers/json, as the daemon sends it to `docker ps`. */
export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly command: string;
  /** Creation time in whole seconds since the epoch (the API's Created is a Unix time). */
  readonly createdS: number;
  readonly status: string;
  readonly state: string;
  readonly running: boolean;
  /** PORTS: the image's exposed ports, none published (-p is not modelled). */
  readonly ports: string;
}

/**
 * The STATUS words, as moby's container State.String() builds them
 * (container/state.go): "Up 3 seconds", "Exited (137) 2 seconds ago",
 * "Created" for a container never started.
 */
export function statusText(container: Container, now: number): string {
  if (container.state === 'running') return `Up ${humanDuration(now - container.startedAt)}`;
  if (container.startedAt === 0 || container.startError !== undefined) return 'Created';
  return `Exited (${container.exitCode}) ${humanDuration(now - container.finishedAt)} ago`;
}

/**
 * The COMMAND of a container summary: Path, then Args with each argument
 * holding a space put in single quotes (moby daemon/container/view.go).
 */
export function commandText(argv: readonly string[]): string {
  const [path = '', ...args] = argv;
  if (args.length === 0) return path;
  return `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

export function summary(container: Container, now: number): ContainerSummary {
  return {
    id: container.id,
    name: container.name,
    image: container.imageRef,
    command: commandText(container.command),
    createdS: Math.floor(container.createdAt / 1000),
    status: statusText(container, now),
    state: stateString(container),
    running: container.state === 'running',
    ports:
      container.state === 'running'
        ? displayablePorts(container.image.config.exposedPorts ?? [])
        : '',
  };
}

/**
 * docker/cli formatter DisplayablePorts for ports that are exposed but not
 * published: sorted by number, consecutive ones of a protocol grouped as
 * "first-last/proto", groups joined with ", " ("6379/tcp").
 */
export function displayablePorts(specs: readonly string[]): string {
  const ports = specs
    .map((spec) => {
      const [port = '', proto = 'tcp'] = spec.split('/');
      return { port: Number(port), proto };
    })
    .filter((p) => Number.isInteger(p.port))
    .sort((a, b) => a.port - b.port || (a.proto < b.proto ? -1 : a.proto > b.proto ? 1 : 0));
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const form = (proto: string, g: { first: number; last: number }) =>
    `${g.first === g.last ? g.first : `${g.first}-${g.last}`}/${proto}`;
  for (const { port, proto } of ports) {
    const group = groups.get(proto);
    if (!group) groups.set(proto, { first: port, last: port });
    else if (port === group.last + 1) group.last = port;
    else {
      result.push(form(proto, group));
      groups.set(proto, { first: port, last: port });
    }
  }
  for (const [proto, group] of groups) result.push(form(proto, group));
  return result.join(', ');
}

/**
 * A time as Go's RFC3339Nano prints it (the API's StartedAt, FinishedAt and
 * Created): UTC, fraction without trailing zeros; the zero time is
 * 0001-01-01T00:00:00Z. With fixedNanos, nine digits always, as docker
 * logs -t prints them (jsonmessage.RFC3339NanoFixed).
 */
export function rfc3339(ms: number | undefined, fixedNanos = false): string {
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  const days = Math.floor(ms / 86_400_000);
  const inDay = ms - days * 86_400_000;
  const { y, m, d } = civilFromDays(days);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(inDay / 3_600_000);
  const min = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  const frac = inDay % 1000;
  const fraction = fixedNanos
    ? `.${pad(frac, 3)}000000`
    : frac === 0
      ? ''
      : `.${pad(frac, 3).replace(/0+$/, '')}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:${pad(s)}${fraction}Z`;
}

/** Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, days since 1970-01-01). */
function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The parts of GET /containers/{id}/json that `docker inspect` formats (field names as the API's). */
export interface InspectData {
  readonly Id: string;
  readonly Created: string;
  readonly Path: string;
  readonly Args: readonly string[];
  readonly State: {
    readonly Status: string;
    readonly Running: boolean;
    readonly Paused: boolean;
    readonly Restarting: boolean;
    readonly OOMKilled: boolean;
    readonly Dead: boolean;
    readonly Pid: number;
    readonly ExitCode: number;
    readonly Error: string;
    readonly StartedAt: string;
    readonly FinishedAt: string;
  };
  readonly Image: string;
  readonly Name: string;
  readonly RestartCount: number;
  readonly Config: {
    readonly Hostname: string;
    readonly User: string;
    readonly Tty: boolean;
    readonly OpenStdin: boolean;
    readonly Env: readonly string[];
    readonly Cmd: readonly string[] | null;
    readonly Image: string;
    readonly WorkingDir: string;
    readonly Entrypoint: readonly string[] | null;
  };
}

export function inspectData(container: Container, env: readonly string[]): InspectData {
  const [path = '', ...args] = container.command;
  const running = container.state === 'running';
  return {
    Id: container.id,
    Created: rfc3339(container.createdAt),
    Path: path,
    Args: args,
    State: {
      Status: stateString(container),
      Running: running,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: running ? (container.initPid ?? 0) : 0,
      ExitCode: container.startError ? container.exitCode || 127 : container.exitCode,
      Error: container.startError ?? '',
      StartedAt: rfc3339(container.startedAt || undefined),
      FinishedAt: rfc3339(container.finishedAt || undefined),
    },
    Image: `sha256:${container.image.id}`,
    Name: `/${container.name}`,
    RestartCount: 0,
    Config: {
      Hostname: container.hostname,
      User: container.config.user,
      Tty: container.config.tty ?? false,
      OpenStdin: container.config.openStdin ?? false,
      Env: env,
      Cmd: container.configCmd,
      Image: container.imageRef,
      WorkingDir: container.config.workingDir,
      Entrypoint: container.configEntrypoint,
    },
  };
}
