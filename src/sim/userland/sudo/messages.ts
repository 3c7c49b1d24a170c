/**
 * sudo 1.9.13p3's texts, as Debian 12's sudo prints them (captured from
 * /usr/bin/sudo on the recording machine's Debian release; the password error
 * is golden scenario 24). All go to stderr.
 */
export const SUDO_USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user]
            [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g
            group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user]
            [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group]
            [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...
`;

export const PASSWORD_NEEDS_TERMINAL =
  'sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\n' +
  'sudo: a password is required\n';

export const commandNotFound = (name: string) => `sudo: ${name}: command not found\n`;
export const unknownUser = (name: string) =>
  `sudo: unknown user ${name}\nsudo: error initializing audit plugin sudoers_audit\n`;
export const invalidOption = (letter: string) => `sudo: invalid option -- '${letter}'\n`;
export const missingArgument = (letter: string) =>
  `sudo: option requires an argument -- '${letter}'\n`;
