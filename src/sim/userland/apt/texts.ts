/**
 * How apt formats what it prints, as the recordings show it
 * (test/fixtures/apt/bookworm, scripts/record-apt.sh): sizes in powers of
 * 1000 ("6924 B", "55.4 kB", "8790 kB", "14.0 MB"), package lists wrapped at
 * 80 columns with two spaces of indent.
 */
export function sizeToStr(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  for (let i = 0; i < units.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${units[i] ?? ''}`;
    if (size < 10000) return `${Math.round(size).toFixed(0)} ${units[i] ?? ''}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} P`;
}

/** "Title:\n  a b c\n  d e\n": apt's ShowList, lines of at most 78 columns (recorded: install-fetchdeps). */
export function showList(title: string, words: readonly string[], width = 79): string {
  if (words.length === 0) return '';
  const lines: string[] = [];
  let line = ' ';
  // Alternatives ("a | b") wrap like any other words (recorded: install-build-821).
  for (const word of words.flatMap((w) => w.split(' '))) {
    if (line.length + 1 + word.length >= width && line !== ' ') {
      lines.push(line);
      line = ' ';
    }
    line += ' ' + word;
  }
  lines.push(line);
  return `${title}\n${lines.join('\n')}\n`;
}

/** dpkg's "(Reading database ... N files and directories currently installed.)" with its progress steps. */
export function readingDatabase(entries: number): string {
  let text = '(Reading database ... ';
  for (let percent = 5; percent <= 100; percent += 5) text += `\r(Reading database ... ${percent}%`;
  return `${text}\r(Reading database ... ${entries} files and directories currently installed.)\n`;
}

/** The .deb's name as dpkg shows it: the epoch's colon escaped as %3a. */
export function debFileName(name: string, version: string, arch: string): string {
  return `${name}_${version.replace(':', '%3a')}_${arch}.deb`;
}

/** "Fetched 1178 kB in 0s (3927 kB/s)": apt's TimeToStr for whole seconds, the rate per second. */
export function fetchedLine(bytes: number, seconds: number): string {
  const rate = seconds > 0 ? bytes / seconds : bytes;
  return `Fetched ${sizeToStr(bytes)}B in ${Math.floor(seconds)}s (${sizeToStr(rate)}B/s)\n`;
}
