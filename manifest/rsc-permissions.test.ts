import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { KNOWN_RSC_PERMISSIONS, REQUIRED_RSC_PERMISSIONS, rscProblems } from './rsc-permissions.js';
import { section, sharedDoc } from './testing/shared-docs.js';

const platform = sharedDoc('PLATFORM.md');

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
      '/authorization/permissions/resourceSpecific/1 "onlinemeetingnotification.send.chat" is not an RSC permission listed in PLATFORM.md §2 (did you mean OnlineMeetingNotification.Send.Chat?).',
      '/authorization/permissions/resourceSpecific/2 "OnlineMeetingIncomingAudio.Detect.Chat" is a Delegated permission, not Application.',
    ]);
  });

  it.skipIf(!platform)('the known list is the one in PLATFORM.md §2', () => {
    const text = section(platform as string, 2);
    const mentioned = new Set(
      [...text.matchAll(/`([A-Za-z]+(?:\.[A-Za-z*]+)+\.(?:Chat|Group))`/g)].map(
        (m) => m[1] as string,
      ),
    );
    const expanded = Object.keys(KNOWN_RSC_PERMISSIONS).map((name) =>
      name.startsWith('TeamsTab.') ? 'TeamsTab.*.Chat' : name,
    );
    expect(new Set(expanded)).toEqual(mentioned);
    for (const [name, type] of Object.entries(KNOWN_RSC_PERMISSIONS))
      if (text.includes(`\`${name}\` (Delegated)`)) expect(type, name).toBe('Delegated');
  });
});
