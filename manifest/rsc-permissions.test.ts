import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { KNOWN_RSC_PERMISSIONS, REQUIRED_RSC_PERMISSIONS, rscProblems } from './rsc-permissions.js';
import { repoDoc, section, tableRows } from './testing/repo-docs.js';

const platform = repoDoc('platform.md');

describe('RSC permissions', () => {
  it('the template asks for exactly what the meeting features need, nothing more', async () => {
    const template = JSON.parse(
      await readFile(new URL('./manifest.template.json', import.meta.url), 'utf8'),
    ) as {
      authorization: { permissions: { resourceSpecific: unknown[] } };
    };
    expect(template.authorization.permissions.resourceSpecific).toEqual(
      REQUIRED_RSC_PERMISSIONS.map(({ name, type }) => ({ name, type })),
    );
    expect(rscProblems(template.authorization.permissions.resourceSpecific as never)).toEqual([]);
  });

  it('covers meeting start/end, participant join/leave and targeted notifications', () => {
    const names = REQUIRED_RSC_PERMISSIONS.map((p) => p.name);
    expect(names).toEqual([
      'OnlineMeeting.ReadBasic.Chat',
      'OnlineMeetingParticipant.Read.Chat',
      'OnlineMeetingNotification.Send.Chat',
    ]);
  });

  it('reports an unknown or mistyped permission with its position', () => {
    expect(
      rscProblems([
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'onlinemeetingnotification.send.chat', type: 'Application' },
        { name: 'OnlineMeetingIncomingAudio.Detect.Chat', type: 'Application' },
      ]),
    ).toEqual([
      '/authorization/permissions/resourceSpecific/1 "onlinemeetingnotification.send.chat" is not an RSC permission listed in docs/platform.md §2 (did you mean OnlineMeetingNotification.Send.Chat?).',
      '/authorization/permissions/resourceSpecific/2 "OnlineMeetingIncomingAudio.Detect.Chat" is a Delegated permission, not Application.',
    ]);
  });

  it('knows exactly the permissions and types docs/platform.md §2 lists', () => {
    const listed = Object.fromEntries(
      tableRows(section(platform, 2))
        .filter((cells) => /^`[A-Za-z.]+\.(Chat|Group)`$/.test(cells[0] ?? ''))
        .map((cells) => [
          (cells[0] as string).slice(1, -1),
          (cells[1] as string).split(',').map((t) => t.trim()),
        ]),
    );
    expect(Object.keys(listed).length).toBeGreaterThan(20);
    expect(listed).toEqual(
      Object.fromEntries(Object.entries(KNOWN_RSC_PERMISSIONS).map(([n, t]) => [n, [...t]])),
    );
  });

  it('accepts either type where Microsoft allows both, and names both when neither matches', () => {
    expect(
      rscProblems([{ name: 'OnlineMeetingParticipant.Read.Chat', type: 'Delegated' }]),
    ).toEqual([]);
    expect(rscProblems([{ name: 'OnlineMeetingParticipant.Read.Chat', type: 'Both' }])).toEqual([
      '/authorization/permissions/resourceSpecific/0 "OnlineMeetingParticipant.Read.Chat" is an Application or a Delegated permission, not Both.',
    ]);
  });

  it('asks only for permissions the docs mark as used by the product', () => {
    const used = tableRows(section(platform, 2))
      .filter((cells) => cells[3] === 'yes')
      .map((cells) => (cells[0] as string).slice(1, -1));
    expect(used).toEqual(REQUIRED_RSC_PERMISSIONS.map((p) => p.name));
  });
});
