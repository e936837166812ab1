import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaseNow } from '../../core/chasing/chase-run.js';
import { completeFromReply, dismissReply, listReplies } from '../../core/chasing/chase-replies.js';
import { GraphMailbox } from '../../graph/graph-mailbox.js';
import { chaseRepliesFeature } from '../../server/chase-replies.js';
import { PgActionStore } from '../../store/action-store.js';
import { DEMO_PEOPLE, demoEmail } from '../../store/seed/demo-directory.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import {
  type ContractTenant,
  MAILBOX,
  startContractTenant,
} from '../contract/support/contract-tenant.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { actionsWorld, at } from './support/actions-world.js';

/**
 * Replies to chasers, case by case: who the sender is to the action, a poll that runs again
 * records nothing twice, our own mail is never a reply, a reply is dealt with once, and only
 * the coordinator reads or acts on replies.
 */
const email = (key: string) => demoEmail(DEMO_PEOPLE.find((p) => p.key === key)!);

let tenant: ContractTenant;
let db: TestDb;
beforeAll(async () => {
  tenant = await startContractTenant();
  db = await createTestDb();
});
afterAll(async () => {
  await db?.dispose();
  await tenant?.close();
});

describe('replies to chasers', () => {
  it('classifies senders, records each once, and is handled once by the coordinator', async () => {
    const world = await actionsWorld(db, tenant, {
      seedNow: new Date('2026-10-01T09:00:00Z'),
      start: at('2026-10-22', '10:00'),
      policy: { victimFeedbackAction: false },
    });
    const store = new PgActionStore(db);
    const item = world.agenda[0]!;
    const make = (n: number) =>
      store.createAction(
        {
          areaId: world.areaId,
          caseId: item.caseId,
          meetingId: world.meetingId,
          agendaItemId: item.id,
          ownerAgencyId: demoUuid('agency:housing'),
          ownerPersonId: demoUuid('person:housing-rep'),
          description: `Action ${n}`,
          category: 'other',
          dueOn: '2026-11-04',
          state: 'open',
        },
        demoUuid('person:chair'),
        world.clock.now(),
      );
    const [a1, a2] = [await make(1), await make(2)];
    const coordinator = await world.viewer('coordinator');
    const queued = await chaseNow(world.feature.chase, coordinator, [a1.id, a2.id]);
    expect(queued).toMatchObject({ queued: 2, mails: 1 });
    await world.feature.dispatch();
    const chaser = tenant.tenant.outbox.at(-1)!;
    expect(chaser.to[0]!.address.toLowerCase()).toBe(email('housing-rep').toLowerCase());

    const replies = chaseRepliesFeature(db, {
      clock: world.clock,
      mailbox: new GraphMailbox({ graph: tenant.graph, mailbox: MAILBOX }),
      mailboxAddress: MAILBOX,
    });
    // Nothing yet; the chaser's conversation is learned from Sent Items.
    expect(await replies.poll()).toEqual({
      conversationsLearned: 1,
      messagesRead: 0,
      repliesRecorded: 0,
    });
    const { rows: conv } = await db.query<{ conversation_id: string }>(
      `SELECT conversation_id FROM outbox_mail WHERE id = (SELECT outbox_id FROM chase_step WHERE action_id = $1 LIMIT 1)`,
      [a1.id],
    );
    expect(conv[0]!.conversation_id).toBe(chaser.conversationId);

    world.clock.set(at('2026-10-22', '11:00'));
    const reply = (key: string | null, text: string) =>
      tenant.tenant.reply({
        to: chaser.id,
        from: { address: key ? email(key) : 'someone@elsewhere.example' },
        text,
        at: world.clock.now(),
      });
    reply('housing-deputy', 'Covering for Jamie: both done.');
    reply(null, 'Forwarded to me, not sure what this is.');
    // The mailbox's own copy in the thread (a forward from the coordinator) is not a reply.
    tenant.tenant.reply({
      to: chaser.id,
      from: { address: MAILBOX },
      text: 'FYI',
      at: world.clock.now(),
    });
    expect(await replies.poll()).toMatchObject({ messagesRead: 2, repliesRecorded: 4 });
    // Polling again (the window overlaps) records nothing twice.
    world.clock.set(at('2026-10-22', '11:01'));
    expect(await replies.poll()).toMatchObject({ messagesRead: 2, repliesRecorded: 0 });

    const waiting = await listReplies(replies.deps, coordinator, { handled: false });
    expect(waiting.map((r) => `${r.reference} ${r.sender}`).sort()).toEqual(
      [
        `${a1.reference} deputy`,
        `${a1.reference} other`,
        `${a2.reference} deputy`,
        `${a2.reference} other`,
      ].sort(),
    );
    // Only the coordinator reads or acts on replies.
    const chair = await world.viewer('chair');
    await expect(listReplies(replies.deps, chair, { handled: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const fromDeputy = waiting.find((r) => r.actionId === a1.id && r.sender === 'deputy')!;
    await expect(
      completeFromReply(replies.deps, chair, fromDeputy.id, { version: fromDeputy.actionVersion }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A stale version changes nothing (the reply stays waiting).
    await expect(
      completeFromReply(replies.deps, coordinator, fromDeputy.id, {
        version: fromDeputy.actionVersion + 5,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await replies.deps.repos.replies.getReply(fromDeputy.id))?.state).toBe('new');
    expect(
      await completeFromReply(replies.deps, coordinator, fromDeputy.id, {
        version: fromDeputy.actionVersion,
      }),
    ).toEqual({ reference: a1.reference, state: 'done' });
    // The same click again, or the other reply about the now closed action: refused.
    await expect(
      completeFromReply(replies.deps, coordinator, fromDeputy.id, {
        version: fromDeputy.actionVersion + 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = waiting.find((r) => r.actionId === a1.id && r.sender === 'other')!;
    await expect(
      completeFromReply(replies.deps, coordinator, other.id, { version: other.actionVersion + 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await dismissReply(replies.deps, coordinator, other.id);
    await expect(dismissReply(replies.deps, coordinator, other.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await store.getAction(a1.id)).toMatchObject({
      state: 'done',
      confirmationSource: 'email',
      completedOn: '2026-10-22',
    });
    const recorded = (await store.history(a1.id)).find((h) => h.event === 'confirmation-recorded');
    expect(JSON.stringify(recorded?.changes)).toContain('Avery Pretendle');
    expect((await store.getAction(a2.id))?.state).toBe('open');
    const left = await listReplies(replies.deps, coordinator, { handled: false });
    expect(left.map((r) => r.actionId)).toEqual([a2.id, a2.id]);
    expect(
      (await listReplies(replies.deps, coordinator, { handled: true })).map((r) => r.state).sort(),
    ).toEqual(['completed', 'dismissed', 'new', 'new']);

    // A reply that arrives before the chaser's conversation is known (Sent Items did not answer
    // yet) is matched on a later run, once the conversation is learned.
    await db.query(
      `UPDATE outbox_mail SET conversation_id = NULL, conversation_looked_at = $1 WHERE conversation_id = $2`,
      [world.clock.now(), chaser.conversationId],
    );
    world.clock.set(at('2026-10-22', '11:02'));
    reply('housing-rep', 'A-0002 will be done by Friday.');
    expect(await replies.poll()).toMatchObject({ conversationsLearned: 0, repliesRecorded: 0 });
    // Twenty minutes on, Sent Items is still silent and a newer message moves the cursor on.
    world.clock.set(at('2026-10-22', '11:20'));
    await db.query(`UPDATE outbox_mail SET conversation_looked_at = $1 WHERE id = $2`, [
      world.clock.now(),
      (
        await db.query<{ id: string }>(
          `SELECT outbox_id AS id FROM chase_step WHERE action_id = $1 LIMIT 1`,
          [a2.id],
        )
      ).rows[0]!.id,
    ]);
    reply(null, 'Is this for me?');
    expect(await replies.poll()).toMatchObject({ conversationsLearned: 0, repliesRecorded: 0 });
    world.clock.set(at('2026-10-22', '11:30'));
    // Both are matched once the conversation is known, the earlier one too.
    expect(await replies.poll()).toMatchObject({ conversationsLearned: 1, repliesRecorded: 2 });
    const late = await listReplies(replies.deps, coordinator, { handled: false });
    expect(late.filter((r) => r.sender === 'owner').map((r) => r.actionId)).toEqual([a2.id]);
  }, 120_000);
});
