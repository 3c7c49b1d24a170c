import { setenv } from '../lib/io.ts';
import type { PasswdEntry } from '../lib/user-db.ts';

/** Debian 12's /etc/login.defs: ENV_SUPATH and ENV_PATH. */
const ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const USER_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games';

/**
 * modify_environment (su-common.c) plus what PAM adds on Debian (pam_mail's
 * MAIL): a login shell starts from TERM only; otherwise the environment is
 * kept and HOME, SHELL, USER, LOGNAME (the last two not for root) are set.
 * runuser -u sets HOME, USER and LOGNAME. Observed with util-linux 2.38.1.
 */
export function suEnvironment(
  envp: readonly string[],
  pw: PasswdEntry,
  shell: string,
  mode: { login: boolean; preserve: boolean; runuserCommand: boolean },
): string[] {
  if (mode.preserve) return [...envp];
  if (mode.runuserCommand) {
    let env = setenv(envp, 'HOME', pw.home);
    env = setenv(env, 'USER', pw.name);
    return setenv(env, 'LOGNAME', pw.name);
  }
  if (mode.login) {
    const term = envp.find((e) => e.startsWith('TERM='));
    return [
      ...(term ? [term] : []),
      `MAIL=/var/mail/${pw.name}`,
      `HOME=${pw.home}`,
      `SHELL=${shell}`,
      `USER=${pw.name}`,
      `LOGNAME=${pw.name}`,
      `PATH=${pw.uid === 0 ? ROOT_PATH : USER_PATH}`,
    ];
  }
  let env = setenv(envp, 'MAIL', `/var/mail/${pw.name}`);
  env = setenv(env, 'HOME', pw.home);
  env = setenv(env, 'SHELL', shell);
  if (pw.uid !== 0) {
    env = setenv(env, 'USER', pw.name);
    env = setenv(env, 'LOGNAME', pw.name);
  }
  return env;
}
