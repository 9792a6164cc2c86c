import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVE_NODE_FLAGS } from '../../src/cli/serve-flags.js';

const bin = fileURLToPath(new URL('../../bin/coopgraph.js', import.meta.url));

describe('SERVE_NODE_FLAGS', () => {
  it('are what the executable and `npm start` run Node with', () => {
    const shebang = readFileSync(bin, 'utf8').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${SERVE_NODE_FLAGS.join(' ')}`);
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${SERVE_NODE_FLAGS.join(' ')} bin/coopgraph.js serve`);
  });

  it('are flags this Node takes: the executable runs through its shebang', () => {
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toMatch(/^coopgraph: /);
    const semiSpace = /^--max-semi-space-size=(\d+)$/.exec(SERVE_NODE_FLAGS[0]!);
    expect(Number(semiSpace?.[1])).toBeGreaterThan(16); // V8's own maximum on 64-bit machines
  });
});
