import { type InvokeResponse, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { CARD_CONTENT_TYPE } from './cards/card-parts.js';

/**
 * The benchmark's baseline (test/bench/invoke.bench.ts): a bare botbuilder activity handler
 * that answers every `adaptiveCard/action` invoke with a small fixed card, doing nothing else.
 * Served through the same CloudAdapter authentication and /api/messages route as the real bot,
 * it is what an invoke costs before Virtual MARAC does any work.
 */
export class BareInvokeBot extends TeamsActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action
      ?.verb;
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: CARD_CONTENT_TYPE,
        value: {
          type: 'AdaptiveCard',
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `Done: ${String(verb ?? 'nothing')}`, wrap: true }],
        },
      },
    };
  }
}
