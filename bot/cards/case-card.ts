import {
  CATEGORY_LABELS,
  type CardRenderer,
  type CardViewer,
  type CaseCardModel,
  DESCRIPTION_HINT,
  PERPETRATOR_WARNING,
  type RunAction,
  type SummaryCardModel,
} from '../../core/meeting-run/model.js';
import {
  actionLine,
  card,
  type CardData,
  type CardJson,
  CATEGORY_CHOICES,
  execute,
  formatDay,
  formatTime,
  shortDescription,
  text,
} from './card-parts.js';

/**
 * The case card (FR-048): case reference and agenda position only, never names (FR-049); the
 * planned slot; agencies expected and present; outstanding actions from earlier meetings
 * (FR-047); the victim-views prompt (FR-054); and the actions so far. It stays short in a busy
 * chat: the summary and the actions are on the card, and the forms open on demand
 * (Action.ShowCard): "Volunteer an action" for everyone, "Manage an action" for the chair.
 * Three views (Universal Actions `refresh`, PLATFORM.md §5):
 *   everyone: what the chat copy shows (and old clients): the list and the volunteer form;
 *   agency:   a representative's own view, the form defaulting to their agency, and an
 *             acknowledgement for their agency's perpetrator actions (FR-052);
 *   chair:    chair and deputy chair: Confirm on each volunteered action, and Assign, Edit,
 *             Reject or Confirm for the action picked under "Manage an action".
 * No input sits in the card's own body, and every one-click button has associatedInputs
 * "none": a button gathers only the inputs of its own show-card and its parents (card-parts.ts),
 * so Confirm never validates the empty volunteer form, nor Volunteer the chair's fields.
 * Inputs have one id each across the card, so it stays small with forty actions (Teams refuses
 * cards over 28 KB).
 */
export function caseCard(model: CaseCardModel, viewer: CardViewer): CardJson {
  const data: CardData = { meetingId: model.meetingId, agendaItemId: model.agendaItemId };
  const body: CardJson[] = [
    text(`Case ${model.position} of ${model.caseCount}: ${model.caseReference}`, {
      size: 'Large',
      weight: 'Bolder',
    }),
    {
      type: 'FactSet',
      facts: [
        { title: 'Planned slot', value: slot(model) },
        { title: 'Status', value: STATUS[model.state] },
        {
          title: 'Agencies expected',
          value: model.agenciesExpected.map((a) => a.name).join(', ') || 'None listed',
        },
        {
          title: 'Present',
          value:
            model.agenciesExpected
              .filter((a) => model.agenciesPresent.includes(a.id))
              .map((a) => a.name)
              .join(', ') || 'Not yet recorded',
        },
      ],
    },
    text(
      model.victimViewsRecorded
        ? 'Victim views: recorded in the tab. Check each action against the victim’s wishes.'
        : 'Victim views: not recorded. Ask the IDVA for the victim’s views and wishes before agreeing actions.',
      { color: 'Attention', spacing: 'Small' },
    ),
  ];
  if (model.outstanding.length > 0) {
    const shown = model.outstanding.slice(0, OUTSTANDING_SHOWN);
    const more = model.outstanding.length - shown.length;
    body.push(
      text('Outstanding from earlier meetings', { weight: 'Bolder', spacing: 'Medium' }),
      ...shown.map((o) =>
        text(`${o.reference} · ${o.ownerAgencyName} · due ${formatDay(o.dueOn)}`, {
          isSubtle: true,
          spacing: 'None',
        }),
      ),
      ...(more > 0
        ? [text(`and ${more} more: see the tab.`, { isSubtle: true, spacing: 'None' })]
        : []),
    );
  }
  body.push(actionList(model, viewer));
  const actions: CardJson[] = [];
  if (model.state !== 'closed') {
    actions.push({
      type: 'Action.ShowCard',
      title: 'Volunteer an action',
      card: volunteerForm(model, viewer, data),
    });
    if (viewer.kind === 'chair') {
      const console = chairConsole(model, data);
      if (console)
        actions.push({ type: 'Action.ShowCard', title: 'Manage an action', card: console });
    }
  }
  actions.push({ type: 'Action.OpenUrl', title: 'Open in the tab', url: model.tabUrl });
  return card(body, {
    actions,
    ...(model.state !== 'closed'
      ? {
          refresh: {
            action: { type: 'Action.Execute', verb: 'refresh', data: { ...data, verb: 'refresh' } },
            userIds: model.refreshUserIds.slice(0, 60),
          },
        }
      : {}),
  });
}

const STATUS: Record<CaseCardModel['state'], string> = {
  pending: 'Not started',
  current: 'Under discussion',
  closed: 'Closed',
};
const OUTSTANDING_SHOWN = 5;

function slot(model: CaseCardModel): string {
  if (!model.plannedStart) return `${model.plannedMinutes} minutes`;
  const end = new Date(model.plannedStart.getTime() + model.plannedMinutes * 60_000);
  return `${formatTime(model.plannedStart, model.timeZone)}–${formatTime(end, model.timeZone)} (${model.plannedMinutes} minutes)`;
}

const ROW_BUTTONS_UP_TO = 12;

function actionList(model: CaseCardModel, viewer: CardViewer): CardJson {
  const items: CardJson[] = [
    text(`Actions (${model.actions.length})`, { weight: 'Bolder', spacing: 'Medium' }),
  ];
  if (model.actions.length === 0)
    items.push(
      text(
        model.state === 'closed'
          ? 'No actions were volunteered.'
          : 'No actions yet. Representatives: choose “Volunteer an action”.',
        { isSubtle: true },
      ),
    );
  const volunteered = model.actions.filter((a) => a.state === 'volunteered').length;
  for (const a of model.actions) {
    items.push(
      text(`${actionLine(a)}  \n${shortDescription(a.description)}`, {
        spacing: 'Small',
        maxLines: 4,
      }),
    );
    if (a.category === 'perpetrator')
      items.push(
        text(
          a.perpetratorWarningAcknowledged
            ? 'Perpetrator warning acknowledged by the owning agency.'
            : PERPETRATOR_WARNING,
          { color: a.perpetratorWarningAcknowledged ? 'Good' : 'Attention', spacing: 'None' },
        ),
      );
    const data = {
      meetingId: model.meetingId,
      agendaItemId: model.agendaItemId,
      actionId: a.id,
      version: a.version,
    };
    const buttons: CardJson[] = [];
    // One-click Confirm per volunteered action while the card is small; with many actions the
    // "Manage an action" picker does it (Teams refuses cards over 28 KB). Neither this nor the
    // acknowledgement gathers any input: the action and its version are in `data`.
    if (
      viewer.kind === 'chair' &&
      model.state !== 'closed' &&
      a.state === 'volunteered' &&
      volunteered <= ROW_BUTTONS_UP_TO
    )
      buttons.push(
        execute(`Confirm ${a.reference}`, 'confirm', data, { style: 'positive', inputs: 'none' }),
      );
    if (
      a.category === 'perpetrator' &&
      !a.perpetratorWarningAcknowledged &&
      a.state !== 'rejected' &&
      viewer.kind === 'agency' &&
      viewer.agencyId === a.ownerAgency.id
    )
      buttons.push(
        execute(`Acknowledge warning for ${a.reference}`, 'acknowledge', data, {
          inputs: 'none',
        }),
      );
    if (buttons.length > 0) items.push({ type: 'ActionSet', actions: buttons });
  }
  return { type: 'Container', items, separator: true, spacing: 'Medium' };
}

/**
 * The chair's show-card: pick an action, then Assign, Edit or Reject it (each a show-card of its
 * own, so their fields are gathered only by their own button) or Confirm it.
 */
function chairConsole(model: CaseCardModel, data: CardData): CardJson | null {
  const manageable = model.actions.filter((a) => a.state === 'volunteered' || a.state === 'open');
  if (manageable.length === 0) return null;
  const agencyChoices = model.agencies.map((a) => ({ title: a.name, value: a.id }));
  return card([
    {
      type: 'Input.ChoiceSet',
      id: 'target',
      label: 'Action',
      isRequired: true,
      errorMessage: 'Pick an action.',
      style: 'compact',
      value: `${manageable[0]!.id}@${manageable[0]!.version}`,
      choices: manageable.map((a) => ({
        title: `${a.reference} · ${a.ownerAgency.name} · ${CATEGORY_LABELS[a.category]}`,
        value: `${a.id}@${a.version}`,
      })),
    },
    {
      type: 'ActionSet',
      actions: [
        execute('Confirm', 'confirm', data, { style: 'positive' }),
        {
          type: 'Action.ShowCard',
          title: 'Assign',
          card: card([
            {
              type: 'Input.ChoiceSet',
              id: 'assignAgencyId',
              label: 'Owning agency',
              style: 'compact',
              isRequired: true,
              errorMessage: 'Pick the owning agency.',
              choices: agencyChoices,
            },
            {
              // People picker over the meeting's members (PLATFORM.md §5: org-wide search
              // is not available in group chats). The value is an Entra object id.
              type: 'Input.ChoiceSet',
              id: 'assignOwner',
              label: 'Owner (optional)',
              choices: [],
              'choices.data': {
                type: 'Data.Query',
                dataset: 'graph.microsoft.com/users?scope=currentContext',
              },
            },
            { type: 'Input.Date', id: 'assignDueOn', label: 'Due date', value: model.defaultDueOn },
            {
              type: 'ActionSet',
              actions: [execute('Assign', 'assign', data, { style: 'positive' })],
            },
          ]),
        },
        {
          type: 'Action.ShowCard',
          title: 'Edit',
          card: card([
            {
              type: 'Input.Text',
              id: 'editDescription',
              label: 'New description (leave empty to keep)',
              isMultiline: true,
              maxLength: 500,
            },
            { type: 'Input.Date', id: 'editDueOn', label: 'New due date (optional)' },
            { type: 'ActionSet', actions: [execute('Save', 'edit', data)] },
          ]),
        },
        {
          type: 'Action.ShowCard',
          title: 'Reject',
          card: card([
            { type: 'Input.Text', id: 'rejectReason', label: 'Reason (optional)', maxLength: 300 },
            {
              type: 'ActionSet',
              actions: [execute('Reject', 'reject', data, { style: 'destructive' })],
            },
          ]),
        },
      ],
    },
  ]);
}

/**
 * FR-048: agency (defaulting to the viewer's own), description, category, up to two partner
 * agencies, due date. Every agency list is a compact drop-down, not a column of checkboxes.
 */
function volunteerForm(model: CaseCardModel, viewer: CardViewer, data: CardData): CardJson {
  const agencyChoices = model.agencies.map((a) => ({ title: a.name, value: a.id }));
  const ownAgency = viewer.kind === 'agency' && viewer.agencyId ? viewer.agencyId : undefined;
  return card([
    text(DESCRIPTION_HINT, { isSubtle: true }),
    {
      type: 'Input.ChoiceSet',
      id: 'agencyId',
      label: 'Agency',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Pick your agency.',
      choices: agencyChoices,
      ...(ownAgency && agencyChoices.some((c) => c.value === ownAgency)
        ? { value: ownAgency }
        : {}),
    },
    {
      type: 'Input.Text',
      id: 'description',
      label: 'What will be done',
      isMultiline: true,
      isRequired: true,
      maxLength: 500,
      errorMessage: 'Describe the action.',
    },
    {
      type: 'Input.ChoiceSet',
      id: 'category',
      label: 'Category',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Pick a category.',
      value: 'victim',
      choices: CATEGORY_CHOICES,
    },
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [partnerPicker('partnerAgencyId', 'Joint with (optional)', agencyChoices)],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [partnerPicker('partnerAgencyId2', 'And with (optional)', agencyChoices)],
        },
      ],
    },
    { type: 'Input.Date', id: 'dueOn', label: 'Due date', value: model.defaultDueOn },
    {
      type: 'Input.Toggle',
      id: 'acknowledgePerpetratorWarning',
      title: `For a perpetrator action: I acknowledge. ${PERPETRATOR_WARNING}`,
      valueOn: 'true',
      valueOff: 'false',
      value: 'false',
      wrap: true,
    },
    {
      type: 'ActionSet',
      actions: [execute('Volunteer', 'volunteer', data, { style: 'positive' })],
    },
  ]);
}

function partnerPicker(
  id: string,
  label: string,
  choices: { title: string; value: string }[],
): CardJson {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    placeholder: 'None',
    choices,
  };
}

/** FR-053: the agreed actions of a case (owner, due date), for the chair to confirm. */
export function summaryCard(model: SummaryCardModel, viewer: CardViewer): CardJson {
  const agreed = model.actions.filter((a) => a.state === 'open');
  const body: CardJson[] = [
    text(`Summary of case ${model.position}: ${model.caseReference}`, {
      size: 'Large',
      weight: 'Bolder',
    }),
    text(
      agreed.length === 0
        ? 'No actions were agreed for this case.'
        : `${agreed.length} agreed action${agreed.length === 1 ? '' : 's'}: check each owner understands their action.`,
    ),
    ...agreed.map((a) =>
      text(
        `**${a.reference}** · ${a.ownerPerson ? `${a.ownerAgency.name} (${a.ownerPerson.displayName})` : a.ownerAgency.name} · due ${formatDay(a.dueOn)}`,
        { spacing: 'Small' },
      ),
    ),
  ];
  const notAgreed = model.actions.filter((a) => a.state === 'volunteered');
  if (notAgreed.length > 0)
    body.push(
      text(`Still awaiting the chair: ${notAgreed.map((a) => a.reference).join(', ')}.`, {
        color: 'Attention',
      }),
    );
  body.push(
    text(model.confirmed ? 'Confirmed by the chair.' : 'Awaiting the chair’s confirmation.', {
      weight: 'Bolder',
      color: model.confirmed ? 'Good' : 'Default',
    }),
  );
  const actions: CardJson[] = [];
  if (viewer.kind === 'chair' && !model.confirmed)
    actions.push(
      execute(
        'Confirm the summary',
        'confirmSummary',
        { meetingId: model.meetingId, agendaItemId: model.agendaItemId },
        { style: 'positive' },
      ),
    );
  actions.push({ type: 'Action.OpenUrl', title: 'Open in the tab', url: model.tabUrl });
  return card(body, { actions });
}

/**
 * Meeting end: the chat history persists, so every card the bot posted is rewritten to
 * references only: action numbers, owners, due dates and a link into the tab.
 */
export function redactedCard(model: SummaryCardModel & { kind: 'case' | 'summary' }): CardJson {
  const live = model.actions.filter((a) => a.state !== 'rejected');
  return card(
    [
      text(
        `${model.kind === 'summary' ? 'Summary of case' : 'Case'} ${model.position}: ${model.caseReference}`,
        { weight: 'Bolder' },
      ),
      text('The meeting has ended. Details are in the Virtual MARAC tab.', { isSubtle: true }),
      ...live.map((a: RunAction) =>
        text(
          `${a.reference} · ${a.ownerPerson ? `${a.ownerAgency.name} (${a.ownerPerson.displayName})` : a.ownerAgency.name} · due ${formatDay(a.dueOn)}`,
          { spacing: 'None' },
        ),
      ),
    ],
    { actions: [{ type: 'Action.OpenUrl', title: 'Open in the tab', url: model.tabUrl }] },
  );
}

/** An error or refusal as a card for the person who clicked (nothing else changes). */
export function errorCard(message: string, model?: { tabUrl: string }): CardJson {
  return card(
    [text('That did not go through', { weight: 'Bolder', color: 'Attention' }), text(message)],
    model
      ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in the tab', url: model.tabUrl }] }
      : {},
  );
}

export const cardRenderer: CardRenderer = {
  caseCard,
  summaryCard,
  redactedCard,
};
