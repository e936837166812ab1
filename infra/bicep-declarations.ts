/**
 * Parameter and output declarations of a Bicep file, read as text (no Bicep compiler runs
 * offline here). Enough for the consistency checks between azure.bicep, its parameters file and
 * the Agents Toolkit env files; the online pipeline (.github/workflows/infra.yml) compiles it.
 */
export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
}

export function bicepParams(bicep: string): BicepParam[] {
  const params: BicepParam[] = [];
  const lines = bicep.split('\n');
  for (const [i, line] of lines.entries()) {
    const match = /^param (\w+) (\w+)( = .*)?$/.exec(line.trim());
    if (!match) continue;
    let secure = false;
    for (let j = i - 1; j >= 0 && (lines[j] as string).trim().startsWith('@'); j--)
      if ((lines[j] as string).trim() === '@secure()') secure = true;
    params.push({
      name: match[1] as string,
      type: match[2] as string,
      hasDefault: Boolean(match[3]),
      secure,
    });
  }
  return params;
}

export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1] as string);
}

/** `${{NAME}}` placeholders (the Agents Toolkit's syntax) used in a file. */
export function placeholders(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1] as string),
    ),
  ];
}
