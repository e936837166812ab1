/**
 * Reads the Agents Toolkit's environment files (`infra/env/.env.<name>`): KEY=VALUE lines,
 * `#` comments, optional single or double quotes. No interpolation and no `export`, matching
 * what the toolkit itself writes.
 */
export function parseEnvFile(text: string, source = 'env file'): Map<string, string> {
  const values = new Map<string, string>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match)
      throw new Error(`${source}:${index + 1}: expected KEY=VALUE, found ${JSON.stringify(line)}`);
    values.set(match[1] as string, unquote((match[2] as string).trim()));
  }
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote))
    return value.slice(1, -1);
  // An unquoted value ends at an inline comment.
  return value.replace(/\s+#.*$/, '');
}
