/**
 * Go's text/tabwriter as the docker CLI sets it up (padchar ' ', no flags):
 * every cell but the last of a line is padded to its column's width, which
 * is the widest cell plus `padding`, and at least `minWidth`. Widths count
 * characters (runes), so "…" is one. docker ps uses (10, 3)
 * (docker/cli formatter.go), docker top (20, 3) (cli/command/container/top.go).
 */
export function tabwrite(
  rows: readonly (readonly string[])[],
  minWidth: number,
  padding: number,
): string {
  const width = (text: string) => Array.from(text).length; // runes
  const columns = Math.max(0, ...rows.map((r) => r.length - 1));
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) {
    let w = minWidth;
    for (const row of rows) {
      if (c < row.length - 1) w = Math.max(w, width(row[c] as string) + padding);
    }
    widths.push(w);
  }
  return rows
    .map((row) =>
      row
        .map((cell, c) =>
          c < row.length - 1 ? cell + ' '.repeat((widths[c] as number) - width(cell)) : cell,
        )
        .join(''),
    )
    .map((line) => line + '\n')
    .join('');
}
