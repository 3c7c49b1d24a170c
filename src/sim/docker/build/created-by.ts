import { goQuote } from '../go-quote.ts';

/**
 * What the classic builder records as a layer's "created by" (docker history's
 * CREATED BY, the image's ContainerConfig.Cmd joined by spaces), from moby
 * daemon/builder/dockerfile:
 *
 * - internals.go withCmdComment: `getShell() + "#(nop) " + comment` as two
 *   arguments, so config-only steps read `/bin/sh -c #(nop)  ENV A=b` (two
 *   spaces); withCmdCommentString (WORKDIR, COPY, ADD) joins them into one:
 *   `/bin/sh -c #(nop) WORKDIR /data`.
 * - dispatchers.go: the comments `ENV k=v …`, `LABEL k=v …`, `CMD %q`,
 *   `ENTRYPOINT %q`, `EXPOSE p …`, `USER %v`, `VOLUME %v`, `STOPSIGNAL %v`,
 *   `ARG k[=v] …`; internals.go performCopy: `COPY [--chown=x ]<hash> in <dest> `
 *   (with its trailing space).
 * - RUN: the command itself, `/bin/sh -c <line>`, prefixed by `|N K=V …`
 *   when build arguments are in use (prependEnvOnCmd).
 */

/** The default SHELL on Linux (defaultShellForOS). */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** A config-only step (two-argument comment). */
export function nopComment(comment: string, shell: readonly string[] = DEFAULT_SHELL): string {
  return [...shell, '#(nop) ', comment].join(' ');
}

/** WORKDIR, COPY and ADD (one-argument comment). */
export function nopCommentString(
  comment: string,
  shell: readonly string[] = DEFAULT_SHELL,
): string {
  return [...shell, `#(nop) ${comment}`].join(' ');
}

/** Go's %q for a []string: `["a" "b"]`. */
export function goQuoteList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/** Go's %v for a []string: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** A RUN step's command as recorded: build arguments in use come first as `|N K=V …` (sorted). */
export function runCreatedBy(cmd: readonly string[], buildArgs: readonly string[]): string {
  if (buildArgs.length === 0) return cmd.join(' ');
  const sorted = [...buildArgs].sort();
  return [`|${sorted.length}`, ...sorted, ...cmd].join(' ');
}
