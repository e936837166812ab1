import { type BotHandler, MessageFactory, TeamsActivityHandler } from 'botbuilder';

/** What the bot says to a message it does not act on. References only, never case content. */
export const HELP_TEXT =
  'Virtual MARAC runs this meeting from the Virtual MARAC tab: the chair moves through the ' +
  'cases there and I post each case card here. Case details stay in the tab, where access is checked.';

/**
 * The Teams activity handler: thin, and kept apart from the HTTP adapter (bot/adapter.ts) so
 * the meeting features (issue 5: meeting events, case cards, invokes) extend this class alone.
 * For now it stores nothing and answers a message with a short help text.
 */
export class MaracBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(HELP_TEXT));
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
}
