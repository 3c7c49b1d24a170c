const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Go's int(float64(d)/float64(unit) + 0.5). */
const round = (ms: number, unit: number) => Math.trunc(ms / unit + 0.5);

/**
 * go-units HumanDuration (docker/go-units duration.go, vendored in docker/cli
 * and moby): the words of `docker ps`'s CREATED ("… ago") and the daemon's
 * STATUS ("Up 3 seconds", "Exited (0) About a minute ago").
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = round(ms, HOUR);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (ms < 2 * WEEK) return `${round(ms, DAY)} days`;
  if (ms < 2 * MONTH) return `${round(ms, WEEK)} weeks`;
  if (ms < 2 * YEAR) return `${round(ms, MONTH)} months`;
  return `${round(ms, YEAR)} years`;
}
