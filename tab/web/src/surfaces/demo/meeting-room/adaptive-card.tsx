/**
 * An Adaptive Card rendered by Microsoft's `adaptivecards` JS renderer, as the Teams client
 * renders the bot's cards. Action.Execute and Action.Submit come back through `onExecute` with
 * the card's input values merged into their data; Action.OpenUrl opens the link.
 */
import { makeStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import * as AC from 'adaptivecards';

export interface CardAction {
  type: 'Action.Execute' | 'Action.Submit';
  id?: string;
  verb?: string;
  data: Record<string, unknown>;
  title?: string;
}

const hostConfig = new AC.HostConfig({
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    showCard: { actionMode: 'inline' },
  },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#0F548C', subtle: '#0F548C' },
        attention: { default: '#B10E1C', subtle: '#B10E1C' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#8A3707', subtle: '#8A3707' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#0F548C', subtle: '#0F548C' },
        attention: { default: '#B10E1C', subtle: '#B10E1C' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#8A3707', subtle: '#8A3707' },
      },
    },
  },
});

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

// Teams renders the bold markdown the bot's cards use (`**A-0142**`); the renderer leaves it raw
// unless the host processes it. The text is escaped first: only <strong> is ever produced.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  result.didProcess = true;
};

const useCardStyles = makeStyles({
  // Teams wraps a card's buttons onto new lines on a narrow screen; the renderer lays them out
  // in one row, so "Manage an action" would be cut off at 320 px.
  host: {
    maxWidth: '100%',
    '& .ac-actionSet': { flexWrap: 'wrap', rowGap: '8px' },
  },
});

export function AdaptiveCardView(props: {
  card: unknown;
  label: string;
  /** The card is about to be replaced (its refreshed view is loading). */
  busy?: boolean;
  onExecute: (action: CardAction) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const styles = useCardStyles();
  const onExecute = useRef(props.onExecute);
  onExecute.current = props.onExecute;
  // The chat is polled and every poll brings new objects for the same card: render again only
  // when the card itself changed, as Teams does, so an open show-card (the volunteer form, the
  // chair's controls) and what was typed into it survive the poll.
  const json = JSON.stringify(props.card);
  useEffect(() => {
    const target = host.current;
    if (!target) return;
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => {
      if (action instanceof AC.ExecuteAction || action instanceof AC.SubmitAction) {
        onExecute.current({
          type: action instanceof AC.ExecuteAction ? 'Action.Execute' : 'Action.Submit',
          id: action.id,
          verb: action instanceof AC.ExecuteAction ? action.verb : undefined,
          data: { ...((action.data as Record<string, unknown> | undefined) ?? {}) },
          title: action.title,
        });
      } else if (action instanceof AC.OpenUrlAction && action.url) {
        window.open(action.url, '_blank', 'noopener');
      }
    };
    let rendered: HTMLElement | undefined;
    try {
      card.parse(JSON.parse(json) as object);
      rendered = card.render();
    } catch {
      rendered = undefined;
    }
    target.replaceChildren();
    if (rendered) target.appendChild(rendered);
    else target.textContent = 'This card could not be shown.';
    return () => target.replaceChildren();
  }, [json]);
  return (
    <div
      ref={host}
      role="group"
      aria-label={props.label}
      aria-busy={props.busy ? true : undefined}
      className={`marac-adaptive-card ${styles.host}`}
    />
  );
}
