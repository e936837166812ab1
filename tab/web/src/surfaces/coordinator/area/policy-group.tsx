/**
 * One group of policy settings as its own form: each field with what it does and the usual
 * value, the service's plain-words message under any field it refused, and only the settings
 * that changed sent (the service checks the whole policy and saves all or nothing).
 */
import { Button, Field, Input, Select, Switch, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import { ErrorBanner, Notice, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { ChaseLadder, type LadderRow } from './chase-ladder.js';
import { messagesFor } from './labels.js';
import { type PolicyField, type PolicyGroup, valueAt, withValue } from './policy-fields.js';
import { useStyles } from './styles.js';
import { TimeInput } from '../../common/date-inputs.js';

type Policy = Record<string, unknown>;

/** What the form holds for a field: text as typed for numbers and lists. */
function shown(field: PolicyField, policy: Policy): unknown {
  const value = valueAt(policy, field.path);
  switch (field.kind.type) {
    case 'number':
      return value === undefined ? '' : String(value);
    case 'months':
      return ((value as number[]) ?? []).join(', ');
    case 'lines':
      return ((value as string[]) ?? []).join('\n');
    case 'ladder':
      return (
        (value as { step: string; offsetWorkingDays: number; recipients: string }[]) ?? []
      ).map((s) => ({ ...s, offsetWorkingDays: String(s.offsetWorkingDays) }));
    default:
      return value;
  }
}

/** Typed back for the service; text that is not a number is sent as typed, to be refused. */
function typed(field: PolicyField, raw: unknown): unknown {
  const num = (s: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : s.trim());
  switch (field.kind.type) {
    case 'number':
      return num(raw as string);
    case 'months':
      return (raw as string)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(num);
    case 'lines':
      return (raw as string)
        .split('\n')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
    case 'ladder':
      return (raw as LadderRow[]).map((s) => ({
        step: s.step.trim(),
        offsetWorkingDays: num(s.offsetWorkingDays),
        recipients: s.recipients,
      }));
    default:
      return raw;
  }
}

export function PolicyGroupForm(props: {
  group: PolicyGroup;
  policy: Policy;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { group } = props;
  const [draft, setDraft] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(group.fields.map((f) => [f.path, shown(f, props.policy)])),
  );
  const { busy, error, done, run } = useSubmit();
  const set = (path: string, value: unknown) => setDraft((d) => ({ ...d, [path]: value }));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    let next: Policy = props.policy;
    for (const f of group.fields) next = withValue(next, f.path, typed(f, draft[f.path]));
    const changes: Policy = {};
    for (const key of new Set(group.fields.map((f) => f.path.split('.')[0] as string)))
      if (JSON.stringify(next[key]) !== JSON.stringify(props.policy[key])) changes[key] = next[key];
    await run(async () => {
      if (Object.keys(changes).length > 0)
        await api('/area/policy', { method: 'PATCH', body: changes });
      props.onSaved();
    });
  };
  return (
    <Section level={3} title={group.title}>
      <form onSubmit={save} aria-label={`${group.title} settings`}>
        <div className={styles.policyGrid}>
          {group.fields.map((f) => {
            const messages = messagesFor(error, f.path);
            const fieldProps = {
              label: f.label,
              hint: `${f.help} Usually: ${f.usual}.`,
              ...(messages.length
                ? { validationState: 'error' as const, validationMessage: messages.join(' ') }
                : {}),
            };
            const k = f.kind;
            if (k.type === 'ladder')
              return (
                <div key={f.path} className={styles.wide}>
                  <ChaseLadder
                    field={f}
                    rows={draft[f.path] as LadderRow[]}
                    onChange={(rows) => set(f.path, rows)}
                    messages={messages}
                    error={error}
                  />
                </div>
              );
            return (
              <Field key={f.path} {...fieldProps}>
                {k.type === 'number' ? (
                  <Input
                    inputMode="numeric"
                    value={draft[f.path] as string}
                    contentAfter={<span className={styles.unit}>{k.unit}</span>}
                    onChange={(_e, d) => set(f.path, d.value)}
                  />
                ) : k.type === 'choice' ? (
                  <Select
                    value={draft[f.path] as string}
                    onChange={(_e, d) => set(f.path, d.value)}
                  >
                    {k.options.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                ) : k.type === 'switch' ? (
                  <Switch
                    checked={draft[f.path] === true}
                    label={draft[f.path] === true ? 'On' : 'Off'}
                    onChange={(_e, d) => set(f.path, d.checked)}
                  />
                ) : k.type === 'time' ? (
                  <TimeInput
                    value={draft[f.path] as string}
                    onChange={(_e, d) => set(f.path, d.value)}
                  />
                ) : k.type === 'lines' ? (
                  <Textarea
                    resize="vertical"
                    value={draft[f.path] as string}
                    onChange={(_e, d) => set(f.path, d.value)}
                  />
                ) : (
                  <Input
                    value={draft[f.path] as string}
                    onChange={(_e, d) => set(f.path, d.value)}
                  />
                )}
              </Field>
            );
          })}
        </div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            Save {group.title.toLowerCase()} settings
          </Button>
        </div>
        {done && <Notice intent="success">{group.title} settings saved.</Notice>}
        {error ? <ErrorBanner error={error} /> : null}
      </form>
    </Section>
  );
}
