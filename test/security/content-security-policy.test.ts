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

  it('lets the site start its own workers, the service worker included (ADR 0013), and no others', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values.join(' ')];
      }),
    );
    // Without worker-src, a Worker, SharedWorker or ServiceWorker script is governed by child-src,
    // then script-src, then default-src (CSP Level 3 #directive-worker-src; MDN's worker-src page).
    const workerSrc = ['worker-src', 'child-src', 'script-src', 'default-src']
      .map((name) => directives.get(name))
      .find((value) => value !== undefined);
    expect(workerSrc).toBe("'self'");
  });

  it('is the same in public/_headers as in the pages', () => {
    const headers = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
    expect(headers).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
  });
});
