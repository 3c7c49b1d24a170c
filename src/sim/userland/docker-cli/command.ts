import { err, out, type Gen } from '../lib/io.ts';
import { flagsFromHelp, parseFlags, type ParsedFlags } from './flags.ts';

/**
 * One docker subcommand as cobra runs it: flags read from its --help text,
 * the argument-count check and the client's own error texts (captured from
 * the docker 28.2.2 client: "docker: 'docker stop' requires at least 1
 * argument", "unknown flag: …", each followed by the usage line and a hint).
 */
export interface CommandSpec {
  readonly name: string;
  readonly help: string;
  readonly minArgs: number;
  /**
   * cobra.NoArgs (docker ps), cobra.ExactArgs(minArgs) (docker logs) or
   * RequiresMaxArgs(minArgs) (docker images); default RequiresMinArgs.
   */
  readonly argCount?: 'none' | 'exact' | 'max';
  readonly run: (flags: ParsedFlags['values'], args: readonly string[]) => Gen<number>;
  /** Checks flag values before running; returns a pflag-style error. */
  readonly validate?: (flags: ParsedFlags['values']) => string | undefined;
}

export function command(spec: CommandSpec): (args: readonly string[]) => Gen<number> {
  // cobra adds --help to every command, listed in its help text or not.
  const flags = [...flagsFromHelp(spec.help), { long: 'help' }];
  const usage = spec.help.split('\n')[0] ?? '';
  return function* (args) {
    const parsed = parseFlags(args, flags);
    const problem = 'error' in parsed ? parsed.error : spec.validate?.(parsed.values);
    if (problem !== undefined) {
      yield* err(
        `${problem}\n\n${usage}\n\nRun 'docker ${spec.name} --help' for more information\n`,
      );
      return 125;
    }
    if ('error' in parsed) return 125;
    if (isOn(parsed.values, 'help')) {
      yield* out(spec.help);
      return 0;
    }
    const count = parsed.args.length;
    if (spec.argCount === 'max' && count > spec.minArgs) {
      // The 28.2.2 client prints "SRun" here, byte for byte (captured: `docker images a b`).
      yield* err(
        `docker: 'docker ${spec.name}' requires at most ${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}\n\n${usage}\n\nSRun 'docker ${spec.name} --help' for more information\n`,
      );
      return 1;
    }
    if (
      spec.argCount === 'none' ? count > 0 : spec.argCount === 'exact' && count !== spec.minArgs
    ) {
      const wanted =
        spec.argCount === 'none'
          ? 'accepts no arguments'
          : `requires ${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`;
      yield* err(
        `docker: 'docker ${spec.name}' ${wanted}\n\n${usage}\n\nRun 'docker ${spec.name} --help' for more information\n`,
      );
      return 1;
    }
    if (spec.argCount !== 'max' && count < spec.minArgs) {
      const noun = spec.minArgs === 1 ? 'argument' : 'arguments';
      yield* err(
        `docker: 'docker ${spec.name}' requires at least ${spec.minArgs} ${noun}\n\n${usage}\n\nSee 'docker ${spec.name} --help' for more information\n`,
      );
      return 1;
    }
    return yield* spec.run(parsed.values, parsed.args);
  };
}

/** A flag's last value. */
export function flag(values: ParsedFlags['values'], name: string): string | undefined {
  return values.get(name)?.at(-1);
}

/** A boolean flag is on: its last value is true (-a, --all, -a=1; not --all=false). */
export function isOn(values: ParsedFlags['values'], name: string): boolean {
  return flag(values, name) === 'true';
}
