import { describe, expect, it } from 'vitest';
import { OutputPacer } from '../../src/terminal/output-pacer.ts';

/** A pacer over a fake screen: writes are parsed when the test says, frames come when it says. */
function setup(charsPerFrame = 4, firstPieceChars?: number) {
  const writes: { piece: string; parsed: () => void }[] = [];
  const frames: (() => void)[] = [];
  let shown = 0;
  const pacer = new OutputPacer({
    write: (piece, parsed) => writes.push({ piece, parsed }),
    shown: (chars) => (shown += chars),
    nextFrame: (next) => frames.push(next),
    charsPerFrame,
    firstPieceChars,
  });
  /** The screen parses every write so far. */
  const parse = (): void => {
    for (const write of writes.splice(0)) write.parsed();
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
  };
}

describe('OutputPacer', () => {
  it('writes output at once while the screen is idle', () => {
    const { pacer, pieces, parse, shown } = setup();
    pacer.push('ab');
    expect(pieces()).toEqual(['ab']);
    parse();
    pacer.push('cd');
    expect(pieces()).toEqual(['cd']);
    parse();
    expect(shown()).toBe(4);
  });

  it('hands a flood over one piece per frame, each after the previous one is parsed', () => {
    const { pacer, pieces, parse, frame, frames, shown } = setup();
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

  it('starts a flood with a small piece and doubles it each frame up to charsPerFrame', () => {
    const { pacer, pieces, parse, frame } = setup(8, 2);
    const sizes = (): number[] => pieces().map((piece) => piece.length);
    pacer.push('x'.repeat(30));
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(...sizes());
      parse();
      frame();
    }
    expect(seen).toEqual([2, 4, 8, 8, 8]);
    parse();
    frame();
    // Idle again: the next flood starts small again.
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
