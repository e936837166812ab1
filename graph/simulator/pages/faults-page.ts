import express, { Router } from 'express';
import { FAULT_KINDS, type FaultInjector, type FaultInput } from '../faults.js';
import { escapeHtml, page } from './html.js';

const DESCRIBE: Record<string, string> = {
  throttle: '429 Too Many Requests with Retry-After',
  unavailable: '503 Service Unavailable with Retry-After',
  'gateway-timeout': '504 Gateway Timeout',
  latency: 'answer slowly',
  'slow-answer': 'do it at once, answer slowly',
  'not-ready': 'data not generated yet (attendance reports)',
  'accept-then-fail': 'do it, then answer 503/504 (lost response)',
};

/**
 * `/sim/faults`: switch faults on and off per Graph endpoint from a browser (the same rules
 * tests set with `tenant.faults.add`). Plain forms posting back here; no scripts.
 */
export function faultsPage(faults: FaultInjector, calls: () => string[]): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const rules = faults.list();
    const active = rules.length
      ? `<table><thead><tr><th scope="col">Endpoint</th><th scope="col">Fault</th><th scope="col">Fired</th><th scope="col">Left</th><th scope="col"></th></tr></thead><tbody>
${rules
  .map(
    (
      r,
    ) => `<tr><td><code>${escapeHtml(r.call)}</code></td><td>${escapeHtml(DESCRIBE[r.kind] ?? r.kind)}${r.retryAfterSeconds !== undefined ? `, Retry-After ${escapeHtml(r.retryAfterSeconds)} s` : ''}${r.latencyMs !== undefined ? `, ${escapeHtml(r.latencyMs)} ms` : ''}</td><td>${r.fired}</td><td>${r.times === undefined ? 'until removed' : r.times - r.fired}</td>
<td><form class="inline" method="post" action="/sim/faults/remove"><input type="hidden" name="id" value="${escapeHtml(r.id)}"><button>Remove</button></form></td></tr>`,
  )
  .join('\n')}
</tbody></table>
<form method="post" action="/sim/faults/remove"><button>Remove all</button></form>`
      : '<p>No faults are active: the simulated tenant answers normally.</p>';
    const options = [...new Set(['*', ...calls()])]
      .map(
        (c) =>
          `<option value="${escapeHtml(c)}">${escapeHtml(c === '*' ? 'every endpoint' : c)}</option>`,
      )
      .join('');
    const kinds = FAULT_KINDS.map(
      (k) => `<option value="${k}">${escapeHtml(DESCRIBE[k])}</option>`,
    ).join('');
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        page(
          'Fault injection',
          `<h2>Active</h2>${active}
<h2>Add a fault</h2>
<form method="post" action="/sim/faults">
<fieldset>
<p><label>Endpoint <select name="call">${options}</select></label></p>
<p><label>Fault <select name="kind">${kinds}</select></label></p>
<p><label>Times (empty: until removed) <input name="times" type="number" min="1" max="1000"></label>
<label>Retry-After seconds <input name="retryAfterSeconds" type="number" min="0" max="120" step="any" value="2"></label>
<label>Latency ms <input name="latencyMs" type="number" min="0" max="60000" value="1500"></label></p>
<p><button>Add</button></p>
</fieldset>
</form>`,
        ),
      );
  });
  router.post('/', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const form = req.body as Record<string, string | undefined>;
    const kind = FAULT_KINDS.find((k) => k === form.kind);
    if (!kind || !form.call || !(form.call === '*' || calls().includes(form.call)))
      return void res.status(400).type('text').send('Choose an endpoint and a fault.');
    const number = (v: string | undefined) =>
      v && Number.isFinite(Number(v)) ? Number(v) : undefined;
    const rule: FaultInput = { call: form.call, kind, times: number(form.times) };
    if (kind === 'throttle' || kind === 'unavailable')
      rule.retryAfterSeconds = number(form.retryAfterSeconds) ?? 2;
    if (kind === 'latency' || kind === 'slow-answer')
      rule.latencyMs = number(form.latencyMs) ?? 1500;
    if (kind === 'accept-then-fail') rule.status = 504;
    faults.add(rule);
    res.redirect(303, '/sim/faults');
  });
  router.post('/remove', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const id = (req.body as { id?: string }).id;
    faults.clear(id ? { id } : {});
    res.redirect(303, '/sim/faults');
  });
  return router;
}
