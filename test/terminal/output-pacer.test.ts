import { describe, expect, it } from 'vitest';
import { OutputPacer } from '../../src/terminal/output-pacer.ts';

/** A pacer over a fake screen: writes are parsed when the test says, frames come when it says. */
function setup(maxPieceChars = 4, firstPieceChars = maxPieceChars, minPieceChars = 1) {
  const writes: { piece: string; parsed: (tookMs?: number) => void; timed: boolean }[] = [];
  const frames: (() => void)[] = [];
  let shown = 0;
  const pacer = new OutputPacer({
    write: (piece, parsed, timed) => writes.push({ piece, parsed, timed }),
    shown: (chars) => (shown += chars),
    nextFrame: (next) => frames.push(next),
    firstPieceChars,
    minPieceChars,
    maxPieceChars,
    parseBudgetMs: 10,
  });
  /** The screen parses every write so far, each in `tookMs` when timed. */
  const parse = (tookMs = 1): void => {
    for (const write of writes.splice(0)) write.parsed(write.timed ? tookMs : undefined);
  };
  const frame = (): void => frames.shift()?.();
  return {
    pacer,
    writes,
    frames,
    parse,
    frame,
    shown: () => shown,
    pieces: () => writes.map((write) => write.piece),
    sizes: () => writes.map((write) => write.piece.length),
  };
}

describe('OutputPacer', () => {
  it('writes output at once while the screen is idle', () => {
    const { pacer, pieces, writes, parse, shown } = setup();
    pacer.push('ab');
    expect(pieces()).toEqual(['ab']);
    // Not timed: xterm may parse it inside the current task.
    expect(writes[0]?.timed).toBe(false);
    parse();
    pacer.push('cd');
    expect(pieces()).toEqual(['cd']);
    parse();
    expect(shown()).toBe(4);
  });

  it('hands a flood over one piece per frame, each after the previous one is parsed', () => {
    const { pacer, pieces, writes, parse, frame, frames, shown } = setup();
    pacer.push('0123');
    pacer.push('4567');
    pacer.push('89');
    expect(pieces()).toEqual(['0123']);
    expect(pacer.queued).toBe(6);
    // No frame is asked for until the piece is parsed.
    expect(frames).toHaveLength(0);
    parse();
    expect([frames.length, pieces(), shown()]).toEqual([1, [], 4]);
    frame();
    expect(pieces()).toEqual(['4567']);
    expect(writes[0]?.timed).toBe(true);
    parse();
    frame();
    expect(pieces()).toEqual(['89']);
    parse();
    // Everything is shown: no further frame, and new output goes out at once.
    expect([frames.length, shown(), pacer.queued]).toEqual([0, 10, 0]);
    pacer.push('x');
    expect(pieces()).toEqual(['x']);
  });

  it('joins small outputs and splits large ones to fill a piece', () => {
    const { pacer, pieces, parse, frame } = setup(4);
    pacer.push('a');
    pacer.push('b');
    pacer.push('cdefgh');
    pacer.push('i');
    parse();
    frame();
    expect(pieces()).toEqual(['bcde']);
    parse();
    frame();
    expect(pieces()).toEqual(['fghi']);
  });

  it('starts a flood small, doubles pieces parsed quickly, halves slow ones, within bounds', () => {
    const { pacer, sizes, parse, frame } = setup(16, 2, 2);
    pacer.push('x'.repeat(200));
    const seen: number[] = [];
    // Parse times against the budget of 10 ms: fast (< 5) doubles, slow (> 10) halves.
    for (const tookMs of [1, 1, 1, 1, 1, 30, 30, 30, 30, 7, 1]) {
      seen.push(...sizes());
      parse(tookMs);
      frame();
    }
    // The first piece (to an idle screen) is not timed: the second is as big.
    expect(seen).toEqual([2, 2, 4, 8, 16, 16, 8, 4, 2, 2, 2]);
    // The last piece parsed quickly: the next one is twice as big.
    expect(sizes()).toEqual([4]);
  });

  it('starts small again after the screen was idle', () => {
    const { pacer, sizes, parse, frame } = setup(8, 2);
    pacer.push('x'.repeat(6));
    parse();
    frame();
    expect(sizes()).toEqual([2]);
    parse();
    frame();
    expect(sizes()).toEqual([2]);
    parse();
    expect(pacer.queued).toBe(0);
    pacer.push('y'.repeat(30));
    expect(sizes()).toEqual([2]);
  });

  it('discard() drops what is queued, keeps the piece being parsed, and says how much it dropped', () => {
    const { pacer, pieces, parse, frame, frames, shown } = setup();
    pacer.push('0123');
    pacer.push('456789');
    expect(pacer.discard()).toBe(6);
    parse();
    expect([shown(), frames.length]).toEqual([4, 0]);
    pacer.push('^C');
    expect(pieces()).toEqual(['^C']);
    frame();
    expect(pieces()).toEqual(['^C']);
  });

  it('finish() writes what is queued at once, in pieces, and takes no more output', () => {
    const { pacer, pieces, parse, frames, shown } = setup();
    pacer.push('0123');
    pacer.push('456789');
    pacer.finish();
    pacer.push('late');
    expect(pieces()).toEqual(['0123', '4567', '89']);
    parse();
    expect([shown(), frames.length]).toEqual([10, 0]);
  });
});
