/**
 * One Dockerfile instruction as the classic builder needs it. The pinned
 * redis Dockerfiles are parsed with dockerfile-ast when the project is built
 * (scripts/embed-dockerfiles.ts writes src/sim/docker/images/redis/dockerfiles.ts);
 * a Dockerfile in a `docker build` context is parsed at run time by parse.ts,
 * which follows the same rules (test/sim/docker/build/parse.test.ts compares them).
 */

/** Where the instruction is in its file: 0-based lines and columns, end exclusive (dockerfile-ast's ranges). */
export interface SourceSpan {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface InstructionFlag {
  readonly name: string;
  readonly value: string | null;
}

/**
 * - `exec`: JSON form (`CMD ["redis-server"]`): args are the strings.
 * - `shell`: shell form of RUN, CMD, ENTRYPOINT: args is the one command line.
 * - `words`: FROM, COPY, VOLUME, EXPOSE: whitespace-separated words;
 *   WORKDIR, USER, STOPSIGNAL: the whole argument as one word.
 * - `pairs`: ENV, LABEL, ARG: see `pairs`.
 */
export type InstructionForm = 'exec' | 'shell' | 'words' | 'pairs';

export interface Instruction {
  /** Upper case: FROM, RUN, ENV … */
  readonly keyword: string;
  /**
   * The instruction with its continuation lines joined and comment lines
   * dropped, as the classic builder prints it after "Step N/M : "
   * (buildkit parser.Parse builds Node.Original this way; instructions'
   * String() trims it).
   */
  readonly original: string;
  readonly flags: readonly InstructionFlag[];
  readonly form: InstructionForm;
  readonly args: readonly string[];
  /** ENV and LABEL name/value pairs, ARG names with their default (null when none); values unexpanded. */
  readonly pairs: readonly (readonly [string, string | null])[];
  readonly span: SourceSpan;
}

export interface ParsedDockerfile {
  readonly instructions: readonly Instruction[];
}
