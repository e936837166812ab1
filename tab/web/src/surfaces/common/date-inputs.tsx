/**
 * Date and time fields in the area's way of writing them (en-GB: 23/12/2026, 24-hour 13:30),
 * whatever the browser's language: the browser's own date and time inputs follow its locale
 * (12/23/2026, 1:30 PM), and Fluent UI v9 has no stable date picker. The value in and out is
 * what the API takes: `yyyy-mm-dd` and `HH:mm`, wall-clock times in the area's time zone. What
 * cannot be read is passed on as typed, so the service names the field in its answer.
 */
import { Input, type InputProps } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** "23/12/2026", "23-12-26", "2026-12-23" → "2026-12-23"; anything else → null. */
export function parseUkDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(t);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    if (uk[3]?.length === 2) y += 2000;
  } else return null;
  return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** "2026-12-23" → "23/12/2026" (anything else as it is). */
export function formatUkDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** "9:30", "09.30", "1330", "13:30" → "09:30" / "13:30"; anything else → null. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? `${pad(h)}:${pad(min)}` : null;
}

type FieldProps = Omit<InputProps, 'type' | 'value' | 'onChange'> & {
  value: string;
  onChange: (event: unknown, data: { value: string }) => void;
};

function useTyped(
  props: FieldProps,
  parse: (text: string) => string | null,
  show: (value: string) => string,
) {
  const [text, setText] = useState(() => show(props.value));
  // A value set from outside (a reset, a loaded record) replaces what is shown.
  useEffect(() => {
    setText((current) =>
      (parse(current) ?? current) === props.value ? current : show(props.value),
    );
  }, [props.value, parse, show]);
  const onChange = (event: unknown, data: { value: string }) => {
    setText(data.value);
    props.onChange(event, {
      value: data.value.trim() === '' ? '' : (parse(data.value) ?? data.value),
    });
  };
  return { text, onChange };
}

/** A day, written dd/mm/yyyy. */
export function DateInput(props: FieldProps) {
  const { value: _value, onChange: _onChange, ...rest } = props;
  const { text, onChange } = useTyped(props, parseUkDate, formatUkDate);
  return (
    <Input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      value={text}
      onChange={onChange}
    />
  );
}

const asIs = (value: string) => value;

/** A time of day, 24-hour hh:mm. */
export function TimeInput(props: FieldProps) {
  const { value: _value, onChange: _onChange, ...rest } = props;
  const { text, onChange } = useTyped(props, parseTime, asIs);
  return (
    <Input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? 'hh:mm'}
      value={text}
      onChange={onChange}
    />
  );
}
