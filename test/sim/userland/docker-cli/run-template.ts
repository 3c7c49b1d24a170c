import {
  executeTemplate,
  parseTemplate,
  type GoValue,
} from '../../../../src/sim/userland/docker-cli/go-template.ts';

/** Parses and runs a template on `data`; a parse error fails the test. */
export function runTemplate(source: string, data: GoValue): string {
  const template = parseTemplate(source);
  if ('error' in template) throw new Error(template.error);
  return executeTemplate(template, data);
}

/** The parse error a template gives ('' when it parses). */
export function templateError(source: string): string {
  const parsed = parseTemplate(source);
  return 'error' in parsed ? parsed.error : '';
}
