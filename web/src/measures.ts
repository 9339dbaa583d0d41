import type { OverviewQuery, ProgressStatus } from './gql/graphql';

export type ProvinceRow = OverviewQuery['provinces'][number];

/** What the tile map is coloured by. */
export type Measure = 'progress' | 'green' | 'ready';

export interface LegendEntry {
  label: string;
  colour: string;
  /** Text colour readable on `colour`. */
  ink: string;
}

export interface MeasureSpec {
  label: string;
  /** What the legend and the tiles explain. */
  description: string;
  legend: LegendEntry[];
  /** The tile's colour and text for a province. */
  colourOf(p: ProvinceRow): LegendEntry;
  valueOf(p: ProvinceRow): string;
}

const UNAVAILABLE: LegendEntry = { label: 'unavailable', colour: '#cfd4da', ink: '#1f2933' };

export const STATUS_COLOURS: Record<ProgressStatus, LegendEntry> = {
  GREEN: { label: 'Green', colour: '#2e7d32', ink: '#ffffff' },
  YELLOW: { label: 'Yellow', colour: '#f9a825', ink: '#1f2933' },
  RED: { label: 'Red', colour: '#c62828', ink: '#ffffff' },
};

/** Green coverage bands: the API's own `CoverageBands` (100 %, above 70 %, above 50 %, 50 % or less). */
const GREEN_BANDS: LegendEntry[] = [
  { label: '100 %', colour: '#1b5e20', ink: '#ffffff' },
  { label: '> 70 %', colour: '#43a047', ink: '#ffffff' },
  { label: '> 50 %', colour: '#c0ca33', ink: '#1f2933' },
  { label: '≤ 50 %', colour: '#ef6c00', ink: '#ffffff' },
];

/** Readiness bands: share of communes fully meeting the service-centre basic conditions. */
const READY_BANDS: LegendEntry[] = [
  { label: '≥ 80 %', colour: '#0d47a1', ink: '#ffffff' },
  { label: '≥ 60 %', colour: '#1e88e5', ink: '#ffffff' },
  { label: '≥ 40 %', colour: '#90caf9', ink: '#1f2933' },
  { label: '< 40 %', colour: '#ffcc80', ink: '#1f2933' },
];

const number = new Intl.NumberFormat('en-US');
/** 2398 → "2,398". */
export const formatCount = (n: number) => number.format(n);
/** 5.36 → "5.36 %" (the API rounds half-up to two decimals; the page shows that figure). */
export const formatPercent = (percent: number) => `${percent.toFixed(2)} %`;

export const MEASURES: Record<Measure, MeasureSpec> = {
  green: {
    label: 'Green coverage',
    description: 'Communes counting as green ÷ all the province’s communes (a commune that never reported is not green).',
    legend: GREEN_BANDS,
    colourOf: (p) => {
      const c = p.greenCoverage;
      if (!c) return UNAVAILABLE;
      if (c.denominator > 0 && c.numerator === c.denominator) return GREEN_BANDS[0];
      if (c.percent > 70) return GREEN_BANDS[1];
      if (c.percent > 50) return GREEN_BANDS[2];
      return GREEN_BANDS[3];
    },
    valueOf: (p) => (p.greenCoverage ? formatPercent(p.greenCoverage.percent) : '—'),
  },
  progress: {
    label: 'Plan progress',
    description: 'The province’s own colour, from its province-level plan tasks.',
    legend: Object.values(STATUS_COLOURS),
    colourOf: (p) => (p.progressStatus ? STATUS_COLOURS[p.progressStatus] : UNAVAILABLE),
    valueOf: (p) => (p.progressStatus ? STATUS_COLOURS[p.progressStatus].label : '—'),
  },
  ready: {
    label: 'Service-centre readiness',
    description: 'Communes whose Public Administration Service Centre fully meets the basic conditions ÷ all the province’s communes.',
    legend: READY_BANDS,
    colourOf: (p) => {
      const r = p.readiness?.fullyMet;
      if (!r) return UNAVAILABLE;
      if (r.percent >= 80) return READY_BANDS[0];
      if (r.percent >= 60) return READY_BANDS[1];
      if (r.percent >= 40) return READY_BANDS[2];
      return READY_BANDS[3];
    },
    valueOf: (p) => (p.readiness ? formatPercent(p.readiness.fullyMet.percent) : '—'),
  },
};

/** A reporting cut-off as people read it, in Vietnam time: "31 Jul 2025, 16:00". */
export function formatCutoff(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
