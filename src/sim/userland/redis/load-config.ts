import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, readFile, type Gen } from '../lib/io.ts';
import {
  applyDirective,
  defaultConfig,
  optionsText,
  splitArgs,
  type RedisConfig,
} from './config.ts';
import type { RedisDialect } from './dialects.ts';
import { log } from './log.ts';

export type Loaded = { readonly config: RedisConfig } | { readonly exit: number };

/**
 * main() and loadServerConfig(): a first argument not starting with "-" is
 * the config file (made absolute), the rest are options appended after it.
 * The fatal error's header names REDIS_VERSION ("(Redis %s)" in config.c
 * since 5.0, as 5.0-era copies with the replicaof directive show).
 */
export function* loadConfig(
  argv: readonly string[],
  version: string,
  dialect: RedisDialect,
): Gen<Loaded> {
  const args = argv.slice(1);
  const first = args[0];
  const hasFile = first !== undefined && !first.startsWith('-');
  let text = '';
  if (hasFile) {
    const me = yield* sys.self();
    const path = first.startsWith('/') ? first : `${me.cwd.replace(/\/$/, '')}/${first}`;
    const content = yield* readFile(path);
    if (content instanceof Errno) {
      yield* log('C', '#', dialect.configOpenError(first, path, content.message));
      return { exit: 1 };
    }
    text = content;
  }
  const rest = hasFile ? args.slice(1) : args;
  if (rest.length > 0) text += '\n' + optionsText(rest);
  const config = defaultConfig();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const problem = yield* applyLine(config, line);
    if (problem !== undefined) {
      yield* err(
        `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\n` +
          `Reading the configuration file, at line ${i + 1}\n>>> '${line}'\n${problem}\n`,
      );
      return { exit: 1 };
    }
  }
  return { config };
}

function* applyLine(config: RedisConfig, line: string): Gen<string | undefined> {
  const words = splitArgs(line);
  if (words === undefined) return 'Unbalanced quotes in configuration line';
  const [name = '', ...args] = words;
  const result = applyDirective(config, name, args);
  if (typeof result !== 'object') return result;
  const changed = yield* sys.chdir(result.chdir);
  if (changed instanceof Errno) return changed.message;
  config.dir = result.chdir;
  return undefined;
}
