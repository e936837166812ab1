import type { RequestHandler } from 'express';
import type { SentMessage } from '../tenant-state.js';
import { escapeHtml, page, textOf } from './html.js';

const KIND: Record<SentMessage['kind'], string> = {
  mail: 'mail',
  'meeting-request': 'invitation',
  'meeting-update': 'meeting update',
  'meeting-cancellation': 'cancellation',
};

/**
 * `/sim/outbox`: every message the simulated tenant sent (newest first): from, to, subject,
 * body, time and its x- headers (ours carries the idempotency key), so a person trying the demo can see what Virtual MARAC
 * mailed, and that it carries references and links, never names.
 */
export function outboxPage(messages: () => SentMessage[]): RequestHandler {
  return (_req, res) => {
    const list = [...messages()].reverse();
    const rows = list
      .map((m) => {
        const headers = m.internetMessageHeaders.map(
          (h) => `<code>${escapeHtml(h.name)}: ${escapeHtml(h.value)}</code>`,
        );
        const to = [...m.to, ...m.cc.map((r) => ({ ...r, cc: true }))]
          .map(
            (r) =>
              `${escapeHtml(r.name ? `${r.name} <${r.address}>` : r.address)}${'cc' in r ? ' (cc)' : ''}`,
          )
          .join('<br>');
        const body = m.bodyContentType === 'html' ? textOf(m.body) : m.body;
        return `<tr>
<td><time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(m.sentAt.replace('T', ' ').slice(0, 19))} UTC</time></td>
<td>${escapeHtml(m.from)}</td>
<td>${to}</td>
<td><span class="kind">${escapeHtml(KIND[m.kind])}</span> ${escapeHtml(m.subject)}</td>
<td><pre>${escapeHtml(body)}</pre></td>
<td>${headers.length ? headers.join('<br>') : '—'}</td>
</tr>`;
      })
      .join('\n');
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        page(
          'Outbox',
          list.length === 0
            ? '<p>Nothing has been sent yet. Mail appears here when Virtual MARAC circulates a case list, sends new actions or chases them.</p>'
            : `<p>${list.length} message(s), newest first.</p>
<table>
<thead><tr><th scope="col">Sent</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Body</th><th scope="col">x- headers (idempotency)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
        ),
      );
  };
}
