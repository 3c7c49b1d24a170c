import type { Host } from '../../../../src/sim/index.ts';

/** The learner's terminal: type a line, let virtual time run until the prompt is back, take what reached the screen (CR LF as LF). */
export function terminal(host: Host) {
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((d) => (screen += d));
  return (line: string): string => {
    screen = '';
    port.write(`${line}\r`);
    for (let i = 0; i < 3000 && !/\$ $/.test(screen); i++) host.advance(100);
    return screen.replace(/\r\n/g, '\n');
  };
}
