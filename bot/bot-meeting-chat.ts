import {
  type ConversationReference,
  CardFactory,
  MessageFactory,
  TeamsInfo,
  type TurnContext,
} from 'botbuilder';
import type { ConversationRef, MeetingChat } from '../core/ports/meeting-chat.js';
import type { BotHttpAdapter } from './adapter.js';

/**
 * The MeetingChat port on botbuilder (PLATFORM.md §5, §9): proactive posts and updates through
 * `continueConversationAsync` with the stored conversation reference (updateActivity is
 * `PUT /v3/conversations/{id}/activities/{activityId}`), and targeted in-meeting notifications
 * through `TeamsInfo.sendMeetingNotification` (§2: 29: recipients, meetingStage surface).
 */
export class BotMeetingChat implements MeetingChat {
  constructor(
    private readonly adapter: BotHttpAdapter,
    /** The bot's app id; empty in demo mode with authentication off. */
    private readonly appId: string,
  ) {}

  /**
   * botbuilder runs proactive logic as a turn, so an error in it (the Bot Connector refusing or
   * unreachable) would go to the adapter's onTurnError and be swallowed: it is rethrown here, so
   * a failed card update is not taken for done (redaction is retried).
   */
  private async continue(ref: ConversationRef, logic: (context: TurnContext) => Promise<void>) {
    let failure: { error: unknown } | null = null;
    await this.adapter.continueConversationAsync(
      this.appId,
      ref.raw as Partial<ConversationReference>,
      async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failure = { error };
        }
      },
    );
    if (failure) throw (failure as { error: unknown }).error;
  }

  async postCard(ref: ConversationRef, card: Record<string, unknown>) {
    let activityId = '';
    await this.continue(ref, async (context) => {
      const response = await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      );
      activityId = response?.id ?? '';
    });
    if (!activityId) throw new Error('The Bot Connector returned no activity id for the card.');
    return { activityId };
  }

  async updateCard(ref: ConversationRef, activityId: string, card: Record<string, unknown>) {
    await this.continue(ref, async (context) => {
      await context.updateActivity({
        id: activityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
    });
  }

  async notifyParticipants(
    ref: ConversationRef,
    teamsMeetingId: string,
    recipients: string[],
    notification: { title: string; url: string },
  ) {
    if (recipients.length === 0) return;
    await this.continue(ref, async (context) => {
      await TeamsInfo.sendMeetingNotification(
        context,
        {
          type: 'targetedMeetingNotification',
          value: {
            recipients,
            surfaces: [
              {
                surface: 'meetingStage',
                contentType: 'task',
                content: {
                  value: {
                    height: 300,
                    width: 400,
                    title: notification.title,
                    url: notification.url,
                  },
                },
              },
            ],
          },
        },
        teamsMeetingId,
      );
    });
  }
}
