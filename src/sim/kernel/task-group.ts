/**
 * A pids cgroup (Documentation/admin-guide/cgroup-v2.rst, "PID"): the
 * processes started in it and their descendants, at most `limit` at once,
 * zombies included; a fork beyond fails with EAGAIN (pids_can_fork). A
 * process stays in the group it was forked in.
 */
export class TaskGroup {
  readonly name: string;
  readonly limit: number;
  count = 0;

  constructor(name: string, limit: number) {
    this.name = name;
    this.limit = limit;
  }

  get full(): boolean {
    return this.count >= this.limit;
  }
}

/**
 * systemd's TasksMax=33% for every user-UID.slice (Debian 12's
 * /usr/lib/systemd/system/user-.slice.d/10-defaults.conf), taken of the
 * system's task limit: "33% of PIDs, 10813 on default settings"
 * (DEFAULT_USER_TASKS_MAX_PERCENTAGE, src/basic/cgroup-util.h) at 32,768.
 */
export function userSliceTasksMax(systemTasksMax: number): number {
  return Math.floor((systemTasksMax * 33) / 100);
}
