/** The generated OpenAPI document passes `redocly lint` with its recommended rules: no error, no warning. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApiDocument } from './openapi';

jest.setTimeout(60000);

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown> };
const documentPaths = () => openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer: string }>;
}

/** Runs the linter's CLI (a dev dependency, offline) on a document; one line per problem, with where it is. */
function lint(document: object): { problems: string[]; totals: Record<string, number> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    const cli = require.resolve('@redocly/cli/bin/cli.js');
    // A folder of its own, so no redocly.yaml but the built-in recommended rules applies; no telemetry, no update check.
    const run = spawnSync(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', file], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    const start = run.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly lint printed no report (exit ${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout.slice(start)) as { totals: Record<string, number>; problems: Problem[] };
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location.map((l) => l.pointer).join(', ')}: ${p.message}`);
    return { problems, totals: report.totals };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('OpenAPI document', () => {
  it('when linted with redocly recommended rules, then it has no errors and no warnings (each problem listed with its place)', () => {
    const { problems, totals } = lint(openApiDocument());
    expect(problems).toEqual([]);
    expect(totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('when a public route loses its security declaration, then the lint lists it with its location', () => {
    const document = documentPaths();
    delete document.paths['/api/health'].get.security;
    expect(lint(document).problems).toContainEqual(expect.stringMatching(/^error security-defined at #\/paths\/~1api~1health\/get: /));
  });

  it('when listed, then every operation has a unique camelCase operationId and declares its security', () => {
    const document = documentPaths();
    const operations = Object.entries(document.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ where: `${method.toUpperCase()} ${p}`, ...op })));
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const op of operations) {
      expect({ where: op.where, operationId: op.operationId }).toEqual({ where: op.where, operationId: expect.stringMatching(/^[a-z][A-Za-z]+$/) });
      expect({ where: op.where, security: Array.isArray(op.security) }).toEqual({ where: op.where, security: true });
      // Signed-in routes document the answers every one of them can give.
      if (op.security?.length) expect({ where: op.where, statuses: Object.keys(op.responses) }).toEqual({ where: op.where, statuses: expect.arrayContaining(['400', '401', '403', '429']) });
    }
  });
});
