import * as AC from 'adaptivecards';

/**
 * Parses a card with Microsoft's Adaptive Cards SDK at schema 1.5 (the most Teams renders,
 * PLATFORM.md §5) and returns every parse and validation problem: unknown element or action
 * types, properties from a later version, duplicate input ids, required inputs without a label
 * or error message. Used by the tests on every card the bot sends.
 *
 * One exception is allowed: `choices.data` (Data.Query, the Teams people picker), which the SDK
 * dates to 1.6 but Teams documents and renders in 1.5 cards (PLATFORM.md §5, people picker).
 */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    if (/Property "choices\.data" is supported in version 1\.6/.test(event.message)) continue;
    problems.push(`parse: ${event.message}`);
  }
  const dynamic = dynamicChoiceSets(json);
  for (const event of card.validateProperties().validationEvents) {
    // A people picker's choices come from Data.Query; it has no static ones (same exception).
    if (
      event.event === AC.ValidationEvent.CollectionCantBeEmpty &&
      dynamic.has((event.source as { id?: string } | undefined)?.id ?? '')
    )
      continue;
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const version = (json as { version?: string }).version;
  if (version !== '1.5') problems.push(`version is ${version}, not 1.5`);
  return problems;
}

function dynamicChoiceSets(json: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.ChoiceSet' && o['choices.data'] && typeof o.id === 'string')
        ids.add(o.id);
      Object.values(o).forEach(walk);
    }
  };
  walk(json);
  return ids;
}
