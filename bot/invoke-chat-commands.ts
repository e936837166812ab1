import { TurnContext } from 'botbuilder';
import { isDomainError } from '../core/errors.js';
import type { MeetingRun } from '../core/meeting-run/meeting-run.js';
import { agendaState } from '../core/meeting-run/model.js';
import type { MeetingRunRepository } from '../core/meeting-run/ports.js';

/**
 * The chair's commands in the meeting chat ("a bot command in the chat"), the same use
 * cases as the chair console: `start case 3`, `close case`, `next case`. Replies carry case
 * positions and references only (FR-049). Also, on every turn: remember the sender's Teams user
 * id (refresh userIds and targeted notifications need 29: ids) and the meeting chat's
 * conversation reference when none is stored yet.
 */
export class MeetingChatCommands {
  constructor(
    private readonly run: MeetingRun,
    private readonly runs: MeetingRunRepository,
  ) {}

  async observe(context: TurnContext): Promise<void> {
    const a = context.activity;
    const seen: { id?: string; aadObjectId?: string }[] = [a.from ?? {}];
    const members = (a.value as { members?: { user?: { id?: string; aadObjectId?: string } }[] })
      ?.members;
    if (a.type === 'event' && Array.isArray(members))
      for (const m of members) if (m?.user) seen.push(m.user);
    for (const user of seen)
      if (user.aadObjectId && user.id?.startsWith('29:'))
        await this.run.rememberTeamsUser(user.aadObjectId, user.id);
    const conversationId = a.conversation?.id;
    if (conversationId && a.conversation?.isGroup) {
      const meeting = await this.runs.findMeetingByConversation(conversationId, this.run.now());
      if (meeting && !meeting.conversationReference)
        await this.runs.rememberConversation(
          meeting.id,
          JSON.parse(JSON.stringify(TurnContext.getConversationReference(a))),
        );
    }
  }

  /** True when the message was a command (answered here); false lets the help text answer. */
  async command(context: TurnContext): Promise<boolean> {
    const text = TurnContext.removeRecipientMention(context.activity)?.trim().toLowerCase() ?? '';
    const start = /^(?:start|begin) case (\d{1,3})$/.exec(text);
    const close = /^(?:close|end) case$/.test(text);
    const next = /^next case$/.test(text);
    if (!start && !close && !next) return false;
    const meeting = await this.runs.findMeetingByConversation(
      context.activity.conversation.id,
      this.run.now(),
    );
    const oid = context.activity.from?.aadObjectId;
    const actor = oid ? await this.runs.findPersonByEntraId(oid) : null;
    if (!meeting || !actor) {
      await context.sendActivity(
        !meeting
          ? 'This chat is not a Virtual MARAC meeting chat.'
          : 'Your account is not registered with this MARAC.',
      );
      return true;
    }
    try {
      const agenda = await this.runs.listAgenda(meeting.id);
      const current = agenda.find((i) => agendaState(i) === 'current');
      const replies: string[] = [];
      if ((close || next) && current) {
        await this.run.closeCase(meeting.id, current.agendaItemId, actor);
        replies.push(`Case ${current.position} (${current.caseReference}) closed; summary posted.`);
      } else if (close) replies.push('No case is open.');
      const target = start
        ? agenda.find((i) => i.position === Number(start[1]))
        : next
          ? agenda.find(
              (i) => agendaState(i) === 'pending' && i.position > (current?.position ?? 0),
            )
          : undefined;
      if (start && !target) replies.push(`There is no case ${start[1]} on the agenda.`);
      if (next && !target) replies.push('That was the last case.');
      if (target) {
        await this.run.startCase(meeting.id, target.agendaItemId, actor);
        replies.push(`Case ${target.position} (${target.caseReference}) started.`);
      }
      await context.sendActivity(replies.join(' '));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await context.sendActivity(error.message);
    }
    return true;
  }
}
