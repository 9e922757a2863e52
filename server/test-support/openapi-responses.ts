/**
 * Every response an API test receives is checked against the OpenAPI document: its status must be one the operation
 * lists, and its JSON body must match that answer's schema. Wired into createHarness and `request` below, so a test
 * fails when the server and the document disagree.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import supertest, { type Response, type Test } from 'supertest';
import { openApiDocument } from '../openapi';

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
const document = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi.json');

/** Path templates as patterns, literal paths first so `/api/openapi.json` never matches a template. */
const templates = Object.keys(document.paths)
  .sort((a, b) => Number(a.includes('{')) - Number(b.includes('{')))
  .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
const validators = new Map<string, ValidateFunction>();
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Throws, naming the operation, the status and each mismatch, when a response is not what the document says. */
export function assertDocumented(method: string, url: string, res: Pick<Response, 'status' | 'body' | 'type'>): void {
  const pathname = new URL(url, 'http://localhost').pathname;
  const match = templates.find((t) => t.pattern.test(pathname));
  if (!match) {
    // Outside /api (static files) nothing is documented; inside it, only the unknown-address answer may be missing.
    if (!pathname.startsWith('/api/') || res.status === 404) return;
    throw new Error(`${method.toUpperCase()} ${pathname} answered ${res.status}, but no path of the OpenAPI document matches it: document the route in server/openapi.ts.`);
  }
  const where = `${method.toUpperCase()} ${match.template}`;
  const operation = document.paths[match.template][method.toLowerCase()];
  if (!operation) throw new Error(`${where} is not in the OpenAPI document, but the server answered ${res.status}.`);
  const status = String(res.status);
  const answerKey = [status, `${status[0]}XX`, 'default'].find((k) => operation.responses[k]);
  const answer = answerKey ? operation.responses[answerKey] : undefined;
  if (!answerKey || !answer) throw new Error(`${where} answered ${status}, which the OpenAPI document does not list (it lists ${Object.keys(operation.responses).join(', ')}). Body: ${JSON.stringify(res.body)}`);
  if (!answer.content?.['application/json']) return;
  if (res.type !== 'application/json') throw new Error(`${where} answered ${status} with ${res.type || 'no body'}, but the document says application/json.`);
  const key = `${match.template} ${method} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#/${pointer('paths', match.template, method.toLowerCase(), 'responses', answerKey, 'content', 'application/json', 'schema')}` });
    validators.set(key, validate);
  }
  if (!validate(res.body)) {
    const problems = (validate.errors ?? []).map((e) => `  ${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new Error(`${where} answered ${status} with a body that does not match the OpenAPI document:\n${problems.join('\n')}`);
  }
}

/** Adds the check to a supertest request; it runs when the response arrives, before the test's own expectations. */
export function documented(test: Test): Test {
  const { method, url } = test as unknown as { method: string; url: string };
  return test.expect((res: Response) => assertDocumented(method, url, res));
}

/** supertest's `request(app)` for API tests, with every response checked against the OpenAPI document. */
export function request(app: Parameters<typeof supertest>[0]): Pick<ReturnType<typeof supertest>, 'get' | 'post' | 'put' | 'patch' | 'delete'> {
  const agent = supertest(app);
  return {
    get: (url: string) => documented(agent.get(url)),
    post: (url: string) => documented(agent.post(url)),
    put: (url: string) => documented(agent.put(url)),
    patch: (url: string) => documented(agent.patch(url)),
    delete: (url: string) => documented(agent.delete(url)),
  };
}
