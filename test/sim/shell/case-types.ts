/** What a shell printed and returned for one script. */
export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export type ShellName = 'dash' | 'bash' | 'ash';

/** One script and what each real shell did with it (`shell -c script`); bash-only syntax has bash alone. */
export type ShellCase = { readonly script: string } & Readonly<Partial<Record<ShellName, Outcome>>>;
