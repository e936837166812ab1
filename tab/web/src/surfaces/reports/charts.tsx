/**
 * Small inline-SVG charts (no chart library: the report stays a few KB). Each chart is a
 * figure with a visible title and a line saying what its bars measure, an image with a text
 * alternative, and the same numbers as a table (ChartFigure), so no bar can be misread.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    marginBlockEnd: tokens.spacingVerticalL,
    minWidth: 0,
  },
  caption: { display: 'grid' },
});

/**
 * A chart with its title and what it measures, visible above it, and its table below it.
 * `table` is shown in a disclosure so that the page stays short on a phone.
 */
export function ChartFigure(props: {
  title: string;
  measures: string;
  chart: ReactNode;
  table: ReactNode;
  tableSummary?: string;
}) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        <Subtitle2>{props.title}</Subtitle2>
        <Caption1>{props.measures}</Caption1>
      </figcaption>
      {props.chart}
      <details>
        <summary>{props.tableSummary ?? 'Show as a table'}</summary>
        {props.table}
      </details>
    </figure>
  );
}

export interface Bar {
  label: string;
  /** 0..1, or null when there is nothing to measure. */
  value: number | null;
  detail: string;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Horizontal bars, one per row, 0–100 %. */
export function BarChart(props: { title: string; bars: Bar[]; color?: string }) {
  const rowH = 26;
  const labelW = 210;
  const barW = 320;
  const height = props.bars.length * rowH + 24;
  return (
    <svg
      role="img"
      aria-label={`${props.title}: ${props.bars.map((b) => `${b.label} ${b.value === null ? 'no data' : pct(b.value)}`).join('; ')}`}
      viewBox={`0 0 ${labelW + barW + 60} ${height}`}
      width="100%"
      style={{ maxWidth: `${labelW + barW + 60}px` }}
    >
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line
            x1={labelW + t * barW}
            x2={labelW + t * barW}
            y1={0}
            y2={height - 18}
            stroke={tokens.colorNeutralStroke2}
          />
          <text
            x={labelW + t * barW}
            y={height - 4}
            fontSize="11"
            textAnchor="middle"
            fill={tokens.colorNeutralForeground2}
          >
            {pct(t)}
          </text>
        </g>
      ))}
      {props.bars.map((b, i) => {
        const y = i * rowH + 4;
        return (
          <g key={b.label}>
            <title>{`${b.label}: ${b.detail}`}</title>
            <text
              x={labelW - 8}
              y={y + 15}
              fontSize="12"
              textAnchor="end"
              fill={tokens.colorNeutralForeground1}
            >
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            {b.value === null ? (
              <text x={labelW + 4} y={y + 15} fontSize="11" fill={tokens.colorNeutralForeground2}>
                no data
              </text>
            ) : (
              <>
                <rect
                  x={labelW}
                  y={y + 2}
                  width={Math.max(1, b.value * barW)}
                  height={rowH - 10}
                  rx={2}
                  fill={props.color ?? tokens.colorBrandBackground}
                />
                <text
                  x={labelW + b.value * barW + 6}
                  y={y + 15}
                  fontSize="11"
                  fill={tokens.colorNeutralForeground1}
                >
                  {pct(b.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  label: string;
  /** One value per period (0..1 or null). */
  values: (number | null)[];
}

/**
 * Attendance over time as small multiples: one row per agency, one column per period, each
 * cell a bar of the share of expected meetings attended.
 */
export function SmallMultiples(props: { title: string; periods: string[]; series: Series[] }) {
  const rowH = 30;
  const labelW = 210;
  const colW = Math.max(36, Math.min(70, 480 / Math.max(1, props.periods.length)));
  const width = labelW + colW * props.periods.length + 8;
  const height = props.series.length * rowH + 22;
  return (
    <svg
      role="img"
      aria-label={`${props.title}. ${props.series
        .map(
          (s) =>
            `${s.label}: ${s.values.map((v, i) => `${props.periods[i]} ${v === null ? 'not expected' : pct(v)}`).join(', ')}`,
        )
        .join('. ')}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
    >
      {props.periods.map((p, j) => (
        <text
          key={p}
          x={labelW + j * colW + colW / 2}
          y={12}
          fontSize="11"
          textAnchor="middle"
          fill={tokens.colorNeutralForeground2}
        >
          {p}
        </text>
      ))}
      {props.series.map((s, i) => {
        const y = 20 + i * rowH;
        return (
          <g key={s.label}>
            <text
              x={labelW - 8}
              y={y + rowH / 2 + 4}
              fontSize="12"
              textAnchor="end"
              fill={tokens.colorNeutralForeground1}
            >
              {s.label.length > 30 ? `${s.label.slice(0, 29)}…` : s.label}
            </text>
            <line
              x1={labelW}
              x2={width - 8}
              y1={y + rowH - 3}
              y2={y + rowH - 3}
              stroke={tokens.colorNeutralStroke2}
            />
            {s.values.map((v, j) => {
              const x = labelW + j * colW + colW * 0.2;
              const h = v === null ? 0 : Math.max(1, v * (rowH - 6));
              return (
                <g key={j}>
                  <title>{`${s.label}, ${props.periods[j]}: ${v === null ? 'not expected' : pct(v)}`}</title>
                  {v === null ? (
                    <circle
                      cx={x + colW * 0.3}
                      cy={y + rowH - 6}
                      r={1.5}
                      fill={tokens.colorNeutralStroke1}
                    />
                  ) : (
                    <rect
                      x={x}
                      y={y + rowH - 3 - h}
                      width={colW * 0.6}
                      height={h}
                      fill={
                        v >= 0.75
                          ? tokens.colorPaletteGreenBackground3
                          : v >= 0.5
                            ? tokens.colorPaletteMarigoldBackground3
                            : tokens.colorPaletteRedBackground3
                      }
                    />
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
