import { type BotHandler, MessageFactory, TeamsActivityHandler } from 'botbuilder';

import type { InvokeResponse, TurnContext } from 'botbuilder';
/** What the bot says to a message it does not act on. References only, never case content. */
export const HELP_TEXT =
  'Virtual MARAC runs this meeting from the Virtual MARAC tab: the chair moves through the ' +
  'cases there and I post each case card here. Case details stay in the tab, where access is checked.';

/**
 * The Teams activity handler: thin, and kept apart from the HTTP adapter (bot/adapter.ts) so
 * the meeting features (meeting events, case cards, invokes) extend this class alone.
 * For now it stores nothing and answers a message with a short help text.
 */
export class MaracBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const run = this.meetingRun;
      const handled = run && ((await run.submit(context)) || (await run.command(context)));
      if (!handled) await context.sendActivity(MessageFactory.text(HELP_TEXT));
      await next();
    });
    this.onTurn(async (context, next) => {
      await this.meetingRun?.observe(context);
      await next();
    });
  }

  /**
   * Registers a handler for one of TeamsActivityHandler's event types, e.g. `TeamsMeetingStart`
   * (the raw activity, before botbuilder's PascalCase-only parsing). Features hook in here
   * (bot/meeting-events.ts).
   */
  addHandler(type: string, handler: BotHandler): this {
    return this.on(type, handler);
  }

  /** bot/invoke-handler.ts: card actions, the chair's chat commands, who is who. */
  meetingRun: {
    observe(context: TurnContext): Promise<void>;
    command(context: TurnContext): Promise<boolean>;
    submit(context: TurnContext): Promise<boolean>;
    invoke(context: TurnContext): Promise<InvokeResponse>;
  } | null = null;

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (this.meetingRun && context.activity.name === 'adaptiveCard/action')
      return this.meetingRun.invoke(context);
    const response = await super.onInvokeActivity(context);
    // botbuilder answers an invoke nobody handles with 501 and no body. For the caller it is
    // a request this bot does not take: a 400 with Teams' error body (as Universal Actions use).
    if (response.status === 501)
      return {
        status: 400,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'This bot does not handle this kind of request.' },
        },
      };
    return response;
  }
}
