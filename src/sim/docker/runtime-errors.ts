import type { EngineError } from './api.ts';

/**
 * How Docker 28 reports a container whose first process could not be
 * started: the error chain from the daemon, containerd, the shim and runc
 * (docs/research/docker-texts.md §1), and the exit status docker run picks
 * from its text: 127 when the command was not found, 126 when it could not
 * be executed, 125 otherwise.
 */
export function runtimeError(initMessage: string): EngineError {
  const error =
    'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: ' +
    `unable to start container process: error during container init: ${initMessage}: unknown`;
  let status = 125;
  if (/executable file not found|no such file or directory/.test(initMessage)) status = 127;
  else if (/permission denied|is a directory/.test(initMessage)) status = 126;
  return { error, status };
}
