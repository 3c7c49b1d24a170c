import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/security/content-security-policy.ts';

describe('the Content-Security-Policy', () => {
  it('allows no inline script and no eval', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('is the same in public/_headers as in the pages', () => {
    const headers = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
    expect(headers).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
  });
});
