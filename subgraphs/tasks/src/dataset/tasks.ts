import { createRandom, DATASET_CUTOFFS, DEFAULT_SEED, generateLocalities, MONITORING_START, type Random } from '@kh02/subgraph-kit';
import { DEFAULT_THRESHOLDS, expectedPercent, type LatestReport } from '../modules/progress/progress.rule';

/**
 * The tasks subgraph's slice of the default dataset: Plan No. 02-KH/BCĐTW, its task groups and
 * tasks, their assignments to every province and commune of the locality registry, and an
 * append-only progress history from 1 June to 31 July 2025, calibrated so that at the published
 * cut-off (16:00, 31 July 2025, Vietnam time) the article's figures hold (see `FACTS.md`):
 *
 * - F1: every province's own (province-level) assignments are on track, so all 34 are green;
 * - F2/F3/F5: each province has exactly {@link GREEN_COMMUNE_TARGETS} green communes;
 * - F11: exactly six central tasks are past their deadline and not completed, and no
 *   province- or commune-level assignment is.
 *
 * How the history is built (everything here is synthetic unless a task says otherwise):
 * every assignment is either ON TRACK or SLOW at each weekly cut-off `T`. An on-track assignment
 * reports, shortly before `T`, at least the progress its linear schedule expects one week after
 * `T` (so its lag is zero or less until the next cut-off) — and 100 % once the deadline has
 * passed. A slow assignment reports `λ` points less than expected at `T` (λ drawn per locality
 * between 20 and 55), and completes tasks past their deadline late. A commune (or province) is on
 * track from its own "green from" cut-off on, slow before it; communes that end non-green stay
 * slow, but finish every task due before 31 July by then, so that no locality-level task is
 * overdue at the published cut-off. Progress is reported only when the percentage changes.
 *
 * Expectations come from the tasks subgraph's own colour rule (`expectedPercent` in
 * `progress.rule.ts`). The guarantee holds while the rule's YELLOW threshold is at most
 * {@link MIN_SLOW_LAG} points (checked against `DEFAULT_THRESHOLDS` on generation); the dataset's
 * tests and the subgraph's figure tests check the figures through the rule.
 */

/** Code of the plan, as printed. */
export const TASKS_PLAN_CODE = '02-KH/BCĐTW';

/** Level a task is carried out at. */
export type TaskLevelCode = 'CENTRAL' | 'PROVINCE' | 'COMMUNE';
/** Reported state of an assignment or central task (the colour rule's report states). */
export type ProgressStateCode = LatestReport['state'];

/** The plan. */
export interface PlanRecord {
  code: string;
  /** English title (translation). */
  title: string;
  /** Vietnamese title. */
  titleVi: string;
  description: string;
  /** Date the plan was signed, "YYYY-MM-DD" (19 June 2025). */
  issuedOn: string;
  /** Start of the monitoring history: the earliest instant a figure can be read at. */
  monitoringStart: Date;
}

/** A task group of the plan. */
export interface TaskGroupRecord {
  code: string;
  planCode: string;
  /** 1-based order in the plan. */
  position: number;
  name: string;
  nameVi: string;
  description: string;
}

/** A task of the plan. */
export interface TaskRecord {
  code: string;
  planCode: string;
  groupCode: string;
  /** 1-based order within the group. */
  position: number;
  level: TaskLevelCode;
  title: string;
  description: string;
  responsibleBody: string;
  /** Start of the schedule: progress is expected from here. */
  startsAt: Date;
  /** End of the deadline day (23:59:59 Vietnam time): incomplete after this, the task is overdue. */
  deadline: Date;
  /** True when the title is invented for the dataset; false when it paraphrases a task the article names. */
  synthetic: boolean;
}

/** A province or commune tasks can be assigned to (the tasks subgraph's copy of the registry). */
export interface TaskLocalityRecord {
  code: string;
  level: 'PROVINCE' | 'COMMUNE';
  provinceCode: string;
}

/** A task assigned to one locality. */
export interface AssignmentRecord {
  id: number;
  taskCode: string;
  level: 'PROVINCE' | 'COMMUNE';
  localityCode: string;
  provinceCode: string;
}

/** One progress report: of an assignment, or (assignmentId null) of a central task itself. */
export interface ProgressReportRecord {
  id: number;
  taskCode: string;
  assignmentId: number | null;
  state: ProgressStateCode;
  /** 0–100. */
  percent: number;
  reportedAt: Date;
  reportedBy: string;
}

/** The whole slice. */
export interface TasksDataset {
  seed: number;
  fraction: number;
  plan: PlanRecord;
  groups: TaskGroupRecord[];
  tasks: TaskRecord[];
  localities: TaskLocalityRecord[];
  assignments: AssignmentRecord[];
  reports: ProgressReportRecord[];
  /** Reporting cut-offs, ascending ({@link DATASET_CUTOFFS}). */
  cutoffs: Date[];
  /** Green communes per province at the published cut-off, in this dataset (at fraction 1: {@link GREEN_COMMUNE_TARGETS}). */
  greenTargets: Record<string, number>;
}

/**
 * Green communes per province at 16:00 on 31 July 2025 in the full dataset. `'all'` = every unit
 * (F2). Cao Bằng 3 of 56 and Lai Châu 3 of 38 are F5; thirteen provinces are strictly between
 * 70 % and 100 % (F3); the other eleven are synthetic values at or below 70 % (F4 cannot hold as
 * printed: the dataset gives 5 provinces in (50 %, 70 %] and 8 at or below 50 %, Tây Ninh at
 * exactly 50 %).
 */
export const GREEN_COMMUNE_TARGETS: Readonly<Record<string, number | 'all'>> = Object.freeze({
  // F2: 100 %
  '01': 'all',
  '14': 'all',
  '15': 'all',
  '20': 'all',
  '25': 'all',
  '33': 'all',
  '46': 'all',
  '96': 'all',
  // F5
  '04': 3,
  '12': 3,
  // F3: above 70 %, below 100 %
  '19': 78,
  '22': 49,
  '24': 79,
  '31': 86,
  '37': 93,
  '38': 130,
  '40': 93,
  '42': 65,
  '51': 84,
  '66': 78,
  '75': 92,
  '82': 85,
  '91': 72,
  // synthetic: at or below 70 %
  '08': 77,
  '11': 22,
  '44': 52,
  '48': 42,
  '52': 78,
  '56': 26,
  '68': 43,
  '79': 92,
  '80': 48,
  '86': 37,
  '92': 70,
});

const vn = (date: string, time = '00:00:00'): Date => new Date(`${date}T${time}+07:00`);
/** A deadline day ends at 23:59:59 Vietnam time. */
const endOfDay = (date: string): Date => vn(date, '23:59:59');

const PLAN: PlanRecord = {
  code: TASKS_PLAN_CODE,
  title:
    'Plan on promoting interconnected, synchronous, fast and effective digital transformation to meet the requirements of reorganising the apparatus of the political system',
  titleVi: 'Kế hoạch thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị',
  description:
    'Plan No. 02-KH/BCĐTW of the Central Steering Committee on Science, Technology, Innovation and Digital Transformation, issued 19 June 2025: digital transformation of the political system after the 2025 reorganisation (34 provinces, 3,321 commune-level units). Progress is monitored by the KH02 Monitoring and Operation Centre. In the default dataset the task list, schedules, assignments and progress history are synthetic (plausible, not official) apart from what the article names.',
  issuedOn: '2025-06-19',
  monitoringStart: MONITORING_START,
};

const GROUPS: Omit<TaskGroupRecord, 'planCode'>[] = [
  {
    code: 'INSTITUTIONS',
    position: 1,
    name: 'Completing institutions and the legal architecture',
    nameVi: 'Hoàn thiện thể chế, kiến trúc pháp lý',
    description: 'Regulations, rules and architecture the digital political system runs on. Named in the article.',
  },
  {
    code: 'INFRASTRUCTURE',
    position: 2,
    name: 'Building digital infrastructure and key databases',
    nameVi: 'Xây dựng hạ tầng số và các cơ sở dữ liệu then chốt',
    description: 'Networks, data platforms and the national and specialised databases. Named in the article.',
  },
  {
    code: 'DATA',
    position: 3,
    name: 'Connecting data and cutting paperwork',
    nameVi: 'Kết nối dữ liệu, cắt giảm giấy tờ',
    description:
      'Connecting and interoperating data, reusing digital data instead of paper (regular tasks for July–December 2025 named in the article; the group name is synthetic).',
  },
  {
    code: 'PLATFORMS',
    position: 4,
    name: 'Unifying digital platforms and applications',
    nameVi: 'Thống nhất nền tảng, ứng dụng số',
    description: "Public-service portal, one-stop software, document systems. Group name synthetic, after the plan's task groups.",
  },
  {
    code: 'RESOURCES',
    position: 5,
    name: 'Developing resources',
    nameVi: 'Phát triển nguồn lực',
    description: 'People (including practical training), facilities and funds. Named in the article.',
  },
  {
    code: 'SECURITY',
    position: 6,
    name: 'Ensuring network safety and security',
    nameVi: 'Bảo đảm an toàn, an ninh mạng',
    description:
      'Network safety and security of the systems serving the two-level local government (a regular task named in the article; the group name is synthetic).',
  },
  {
    code: 'COMMUNICATION',
    position: 7,
    name: 'Communication and support for people',
    nameVi: 'Truyền thông, hỗ trợ người dân',
    description: 'Helping people use online public services and communicating the changes. Group name synthetic.',
  },
];

/** A central task's own progress: `[date, percent]` steps, reported at 10:00 Vietnam time. */
type CentralHistory = readonly (readonly [string, number])[];

interface TaskDefinition {
  code: string;
  group: string;
  level: TaskLevelCode;
  title: string;
  body: string;
  start: string;
  due: string;
  synthetic: boolean;
  /** CENTRAL tasks only. */
  history?: CentralHistory;
}

const PROVINCE_BODY = "Provincial People's Committee";
const COMMUNE_BODY = "Commune People's Committee";

/**
 * The tasks. Six central tasks end the history past their deadline and incomplete (F11): 1.1 and
 * 1.2 (institutions), 2.1 (infrastructure), 5.1 (practical training), 4.2 and 6.1 (other groups).
 */
const TASKS: readonly TaskDefinition[] = [
  {
    code: 'KH02-1.1',
    group: 'INSTITUTIONS',
    level: 'CENTRAL',
    title: 'Amend the regulations on administrative procedures and electronic records for the two-level local government',
    body: 'Ministry of Justice',
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
    history: [
      ['2025-06-10', 20],
      ['2025-06-24', 40],
      ['2025-07-08', 60],
      ['2025-07-22', 70],
    ],
  },
  {
    code: 'KH02-1.2',
    group: 'INSTITUTIONS',
    level: 'CENTRAL',
    title: 'Issue the digital architecture framework of the political system after the reorganisation',
    body: 'Ministry of Science and Technology',
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
    history: [
      ['2025-06-12', 30],
      ['2025-06-26', 50],
      ['2025-07-17', 75],
    ],
  },
  {
    code: 'KH02-1.3',
    group: 'INSTITUTIONS',
    level: 'CENTRAL',
    title: 'Issue the rules on connecting and sharing data between Party, State and Fatherland Front agencies',
    body: 'Central Party Office',
    start: '2025-06-19',
    due: '2025-07-15',
    synthetic: true,
    history: [
      ['2025-06-25', 40],
      ['2025-07-04', 80],
      ['2025-07-10', 100],
    ],
  },
  {
    code: 'KH02-1.4',
    group: 'INSTITUTIONS',
    level: 'PROVINCE',
    title: 'Issue the provincial plan implementing Plan No. 02-KH/BCĐTW',
    body: 'Provincial Party Committee',
    start: '2025-06-19',
    due: '2025-06-30',
    synthetic: true,
  },
  {
    code: 'KH02-1.5',
    group: 'INSTITUTIONS',
    level: 'CENTRAL',
    title: 'Standardise the KH02 monitoring indicators and reporting regime',
    body: 'Central Party Office',
    start: '2025-06-19',
    due: '2025-09-30',
    synthetic: true,
    history: [
      ['2025-06-27', 20],
      ['2025-07-18', 45],
    ],
  },
  {
    code: 'KH02-2.1',
    group: 'INFRASTRUCTURE',
    level: 'CENTRAL',
    title: 'Extend the specialised data transmission network of Party and State agencies to every commune',
    body: 'Ministry of Science and Technology',
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
    history: [
      ['2025-06-09', 30],
      ['2025-06-23', 60],
      ['2025-07-14', 85],
    ],
  },
  {
    code: 'KH02-2.2',
    group: 'INFRASTRUCTURE',
    level: 'CENTRAL',
    title: 'Put the national database on officials, civil servants and public employees into operation for the new units',
    body: 'Ministry of Home Affairs',
    start: '2025-06-01',
    due: '2025-08-31',
    synthetic: true,
    history: [
      ['2025-06-13', 25],
      ['2025-07-03', 50],
      ['2025-07-24', 75],
    ],
  },
  {
    code: 'KH02-2.3',
    group: 'INFRASTRUCTURE',
    level: 'PROVINCE',
    title: 'Connect the provincial data integration and sharing platform (LGSP) to the National Data Integration and Sharing Platform (NDXP)',
    body: PROVINCE_BODY,
    start: '2025-06-01',
    due: '2025-09-30',
    synthetic: true,
  },
  {
    code: 'KH02-2.4',
    group: 'INFRASTRUCTURE',
    level: 'COMMUNE',
    title: "Connect the commune's civil-status software to the national civil-status database",
    body: COMMUNE_BODY,
    start: '2025-06-15',
    due: '2025-08-31',
    synthetic: true,
  },
  {
    code: 'KH02-2.5',
    group: 'INFRASTRUCTURE',
    level: 'CENTRAL',
    title: 'Build the national land database and connect it to the two-level local government',
    body: 'Ministry of Agriculture and Environment',
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: true,
    history: [['2025-07-15', 10]],
  },
  {
    code: 'KH02-3.1',
    group: 'DATA',
    level: 'PROVINCE',
    title: 'Connect and interoperate data between provincial systems and the national databases',
    body: PROVINCE_BODY,
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: false,
  },
  {
    code: 'KH02-3.2',
    group: 'DATA',
    level: 'PROVINCE',
    title: 'Cut paperwork by reusing digital data in administrative procedures',
    body: PROVINCE_BODY,
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: false,
  },
  {
    code: 'KH02-4.1',
    group: 'PLATFORMS',
    level: 'CENTRAL',
    title: 'Upgrade the National Public Service Portal for the two-level local government',
    body: 'Government Office',
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
    history: [
      ['2025-06-10', 40],
      ['2025-06-20', 80],
      ['2025-06-27', 100],
    ],
  },
  {
    code: 'KH02-4.2',
    group: 'PLATFORMS',
    level: 'CENTRAL',
    title: 'Unify the document management and operation system across Party agencies',
    body: 'Central Party Office',
    start: '2025-06-19',
    due: '2025-07-15',
    synthetic: true,
    history: [
      ['2025-06-30', 30],
      ['2025-07-11', 55],
      ['2025-07-25', 70],
    ],
  },
  {
    code: 'KH02-4.3',
    group: 'PLATFORMS',
    level: 'PROVINCE',
    title: 'Upgrade the provincial administrative procedure information system for the new administrative units',
    body: PROVINCE_BODY,
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
  },
  {
    code: 'KH02-4.4',
    group: 'PLATFORMS',
    level: 'COMMUNE',
    title: "Deploy the one-stop software at the commune's Public Administration Service Centre and connect it to the National Public Service Portal",
    body: COMMUNE_BODY,
    start: '2025-06-01',
    due: '2025-07-15',
    synthetic: true,
  },
  {
    code: 'KH02-4.5',
    group: 'PLATFORMS',
    level: 'PROVINCE',
    title: 'Upgrade software and infrastructure',
    body: PROVINCE_BODY,
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: false,
  },
  {
    code: 'KH02-5.1',
    group: 'RESOURCES',
    level: 'CENTRAL',
    title: 'Organise practical training for commune-level officials on handling procedures in the new systems',
    body: 'Ministry of Home Affairs',
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
    history: [
      ['2025-06-16', 30],
      ['2025-07-07', 55],
    ],
  },
  {
    code: 'KH02-5.2',
    group: 'RESOURCES',
    level: 'CENTRAL',
    title: 'Guide the use of state funds for digital transformation after the reorganisation',
    body: 'Ministry of Finance',
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
    history: [
      ['2025-06-13', 50],
      ['2025-06-25', 100],
    ],
  },
  {
    code: 'KH02-5.3',
    group: 'RESOURCES',
    level: 'COMMUNE',
    title:
      "Arrange the headquarters, equipment and staff of the commune's Public Administration Service Centre (Decree 118/2025/ND-CP) and update the results on the monitoring system",
    body: COMMUNE_BODY,
    start: '2025-06-01',
    due: '2025-06-30',
    synthetic: true,
  },
  {
    code: 'KH02-5.4',
    group: 'RESOURCES',
    level: 'COMMUNE',
    title: 'Train officials, civil servants and public employees in digital skills',
    body: COMMUNE_BODY,
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: false,
  },
  {
    code: 'KH02-5.5',
    group: 'RESOURCES',
    level: 'PROVINCE',
    title: 'Allocate funds for the digital transformation of the two-level local government',
    body: PROVINCE_BODY,
    start: '2025-06-19',
    due: '2025-08-15',
    synthetic: true,
  },
  {
    code: 'KH02-6.1',
    group: 'SECURITY',
    level: 'CENTRAL',
    title: 'Deploy network-security monitoring of the information systems serving the two-level local government',
    body: 'Ministry of Public Security',
    start: '2025-06-01',
    due: '2025-07-15',
    synthetic: true,
    history: [
      ['2025-06-20', 30],
      ['2025-07-10', 60],
    ],
  },
  {
    code: 'KH02-6.2',
    group: 'SECURITY',
    level: 'COMMUNE',
    title: 'Issue digital certificates and digital signatures, including specialised signatures, to commune officials',
    body: COMMUNE_BODY,
    start: '2025-06-01',
    due: '2025-09-30',
    synthetic: true,
  },
  {
    code: 'KH02-6.3',
    group: 'SECURITY',
    level: 'PROVINCE',
    title: 'Ensure network safety and security of the provincial information systems',
    body: PROVINCE_BODY,
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: false,
  },
  {
    code: 'KH02-7.1',
    group: 'COMMUNICATION',
    level: 'CENTRAL',
    title: 'Communicate the two-level local government model and its online public services to the public',
    body: 'Central Commission for Propaganda and Mass Mobilisation',
    start: '2025-06-19',
    due: '2025-12-31',
    synthetic: true,
    history: [
      ['2025-07-01', 15],
      ['2025-07-25', 25],
    ],
  },
  {
    code: 'KH02-7.2',
    group: 'COMMUNICATION',
    level: 'COMMUNE',
    title: 'Help people use online public services (community digital technology teams)',
    body: COMMUNE_BODY,
    start: '2025-07-01',
    due: '2025-12-31',
    synthetic: false,
  },
  {
    code: 'KH02-7.3',
    group: 'COMMUNICATION',
    level: 'PROVINCE',
    title: 'Publish guidance for people on the online public services of the new administrative units',
    body: PROVINCE_BODY,
    start: '2025-06-19',
    due: '2025-07-15',
    synthetic: true,
  },
];

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/**
 * The fewest points a slow locality is behind schedule: at least the colour rule's YELLOW
 * threshold, so that lagging by it is not GREEN (the F2/F3/F5 targets depend on it).
 */
const MIN_SLOW_LAG = 20;

const stateOf = (percent: number): ProgressStateCode => (percent >= 100 ? 'COMPLETED' : percent > 0 ? 'IN_PROGRESS' : 'NOT_STARTED');

/** The plan-level records (plan, groups, tasks); independent of seed and fraction. */
function buildCatalog(): { plan: PlanRecord; groups: TaskGroupRecord[]; tasks: TaskRecord[] } {
  const positions = new Map<string, number>();
  const tasks = TASKS.map((t): TaskRecord => {
    const position = (positions.get(t.group) ?? 0) + 1;
    positions.set(t.group, position);
    const levelNote =
      t.level === 'CENTRAL' ? 'Carried out centrally' : t.level === 'PROVINCE' ? 'Assigned to every province' : 'Assigned to every commune-level unit';
    return {
      code: t.code,
      planCode: PLAN.code,
      groupCode: t.group,
      position,
      level: t.level,
      title: t.title,
      description: `${levelNote}. ${t.synthetic ? 'Synthetic task of the default dataset (the article does not list it).' : 'A regular task for July–December 2025 named in the article.'} Schedule and progress are synthetic.`,
      responsibleBody: t.body,
      startsAt: vn(t.start),
      deadline: endOfDay(t.due),
      synthetic: t.synthetic,
    };
  });
  return { plan: { ...PLAN }, groups: GROUPS.map((g) => ({ ...g, planCode: PLAN.code })), tasks };
}

/**
 * A report time strictly inside (after, before), to the minute, in office hours (08:00–17:59
 * Vietnam time) whenever the window allows it.
 */
function reportTime(rng: Random, after: number, before: number): Date {
  const lo = after + 60_000;
  const hi = before - HOUR;
  let t = after + (0.3 + 0.65 * rng.next()) * (before - after);
  const vnHour = new Date(t + 7 * HOUR).getUTCHours();
  if (vnHour < 8 || vnHour >= 18) {
    // Move into office hours of the same Vietnam day (of the next one after 18:00), if that stays in the window.
    const dayStart = Math.floor((t + 7 * HOUR) / (24 * HOUR)) * 24 * HOUR - 7 * HOUR;
    const officeTime = dayStart + (8 + rng.int(0, 9)) * HOUR + rng.int(0, 59) * 60_000;
    const candidate = vnHour >= 18 ? officeTime + 24 * HOUR : officeTime;
    if (candidate >= lo && candidate <= hi) t = candidate;
    else if (vnHour >= 18 && officeTime >= lo && officeTime <= hi) t = officeTime;
  }
  return new Date(Math.min(hi, Math.max(lo, Math.floor(t / 60_000) * 60_000)));
}

interface LocalityPlan {
  /** First cut-off index with any report at all (communes that are late to start). */
  firstReport: number;
  /** First cut-off index from which every assignment is on track; `Infinity` = never. */
  greenFrom: number;
  /** Points behind schedule while slow. */
  lag: number;
  /** Per task due before the last cut-off: the cut-off index by which a slow locality finishes it late. */
  lateDone: Map<string, number>;
}

/**
 * Percent an assignment reports at each cut-off, from the locality's plan. On track: at least
 * the expectation one week after the cut-off, rounded up to a multiple of 20 (so a few reports
 * per assignment), 100 once due. Slow: `lag` points behind, rounded down to 10, unless the task
 * is past due and this is the cut-off it is finished late.
 */
function trajectory(task: TaskRecord, plan: LocalityPlan, cutoffs: readonly number[]): number[] {
  const out: number[] = [];
  let previous = 0;
  cutoffs.forEach((t, k) => {
    let p = previous;
    if (k >= plan.firstReport && task.startsAt.getTime() < t) {
      if (k >= plan.greenFrom) {
        p = Math.min(100, Math.ceil(expectedPercent(task, new Date(t + WEEK)) / 20) * 20);
      } else if (task.deadline.getTime() < t && k >= (plan.lateDone.get(task.code) ?? Infinity)) {
        p = 100;
      } else {
        p = Math.max(0, Math.floor((expectedPercent(task, new Date(t)) - plan.lag) / 10) * 10);
      }
    }
    previous = Math.max(previous, p);
    out.push(previous);
  });
  return out;
}

const DEFAULT_MEMO = new Map<string, TasksDataset>();

/**
 * Generates the tasks slice of the default dataset. Deterministic: the same seed and fraction
 * always give the same records. At `fraction` < 1 the localities are the registry's first units
 * per province and every commune keeps the history it has in the full dataset (its green set is
 * the full set's intersection with the kept communes), so the figures of {@link GREEN_COMMUNE_TARGETS}
 * hold at fraction 1 only.
 *
 * Memoized per (seed, fraction) and frozen: copy before changing anything.
 *
 * @throws RangeError on a bad seed or fraction (see `generateLocalities`)
 */
export function generateTasksDataset(options: { seed?: number; fraction?: number } = {}): TasksDataset {
  const { seed = DEFAULT_SEED, fraction = 1 } = options;
  const key = `${seed}:${fraction}`;
  let dataset = DEFAULT_MEMO.get(key);
  if (!dataset) {
    dataset = Object.freeze(buildTasksDataset(seed, fraction));
    DEFAULT_MEMO.set(key, dataset);
  }
  return dataset;
}

function buildTasksDataset(seed: number, fraction: number): TasksDataset {
  if (DEFAULT_THRESHOLDS.yellowLag > MIN_SLOW_LAG) {
    throw new Error(
      `the tasks dataset needs a YELLOW threshold of at most ${MIN_SLOW_LAG} points, the colour rule's default is ${DEFAULT_THRESHOLDS.yellowLag}`,
    );
  }
  const registry = generateLocalities({ seed, fraction });
  const full = generateLocalities({ seed, fraction: 1 });
  const { plan, groups, tasks } = buildCatalog();
  const cutoffs = DATASET_CUTOFFS.map((d) => d.getTime());
  const last = cutoffs.length - 1;
  const dueBeforeEnd = tasks.filter((t) => t.level !== 'CENTRAL' && t.deadline.getTime() < cutoffs[last]);

  // Which communes end green: a fixed share of each province's full list, so a fraction keeps a subset.
  const green = new Set<string>();
  const greenTargets: Record<string, number> = {};
  for (const p of full.provinces) {
    const target = GREEN_COMMUNE_TARGETS[p.code];
    if (target === undefined) throw new Error(`no green-coverage target for province ${p.code}`);
    const count = target === 'all' ? p.unitsTotal : target;
    const codes = full.communes.filter((c) => c.provinceCode === p.code).map((c) => c.code);
    createRandom(seed, 'tasks', 'green', p.code)
      .shuffle(codes)
      .slice(0, count)
      .forEach((c) => green.add(c));
  }

  const localities: TaskLocalityRecord[] = [
    ...registry.provinces.map((p) => ({ code: p.code, level: 'PROVINCE' as const, provinceCode: p.code })),
    ...registry.communes.map((c) => ({ code: c.code, level: 'COMMUNE' as const, provinceCode: c.provinceCode })),
  ];
  const reporter = new Map<string, string>([
    ...registry.provinces.map((p): [string, string] => [p.code, `${PROVINCE_BODY}, ${p.name}`]),
    ...registry.communes.map((c): [string, string] => [c.code, `${COMMUNE_BODY}, ${c.name}`]),
  ]);

  const assignments: AssignmentRecord[] = [];
  const reports: ProgressReportRecord[] = [];

  // Central tasks report on themselves.
  for (const task of tasks) {
    const def = TASKS.find((t) => t.code === task.code)!;
    for (const [date, percent] of def.history ?? []) {
      reports.push({
        id: 0,
        taskCode: task.code,
        assignmentId: null,
        state: stateOf(percent),
        percent,
        reportedAt: vn(date, '10:00:00'),
        reportedBy: task.responsibleBody,
      });
    }
  }

  const planFor = (rng: Random, level: 'PROVINCE' | 'COMMUNE', code: string): LocalityPlan => {
    const lateDone = new Map<string, number>();
    for (const t of dueBeforeEnd) {
      const firstAfterDue = cutoffs.findIndex((c) => c > t.deadline.getTime());
      lateDone.set(t.code, rng.int(firstAfterDue, last));
    }
    if (level === 'PROVINCE') {
      // Every province ends green (F1); over half are on track from the first week.
      const greenFrom = rng.next() < 0.55 ? 0 : rng.int(1, 6);
      return { firstReport: 0, greenFrom, lag: rng.int(MIN_SLOW_LAG, 45), lateDone };
    }
    const lag = rng.int(MIN_SLOW_LAG, 55);
    if (!green.has(code)) return { firstReport: rng.int(0, 4), greenFrom: Infinity, lag, lateDone };
    // Cumulative share of the final green communes that are green by each cut-off: the road to 31 July.
    const road = [0.08, 0.15, 0.25, 0.37, 0.52, 0.67, 0.8, 0.9, 1];
    const u = rng.next();
    const greenFrom = road.findIndex((share) => u < share);
    return { firstReport: rng.int(0, greenFrom), greenFrom, lag, lateDone };
  };

  const assign = (task: TaskRecord, level: 'PROVINCE' | 'COMMUNE', code: string, provinceCode: string, plan: LocalityPlan, rng: Random) => {
    const id = assignments.length + 1;
    assignments.push({ id, taskCode: task.code, level, localityCode: code, provinceCode });
    const percents = trajectory(task, plan, cutoffs);
    let previous = 0;
    percents.forEach((percent, k) => {
      if (percent === previous) return;
      const after = Math.max(k === 0 ? MONITORING_START.getTime() : cutoffs[k - 1], task.startsAt.getTime());
      reports.push({
        id: 0,
        taskCode: task.code,
        assignmentId: id,
        state: stateOf(percent),
        percent,
        reportedAt: reportTime(rng, after, cutoffs[k]),
        reportedBy: reporter.get(code)!,
      });
      previous = percent;
    });
  };

  const provinceTasks = tasks.filter((t) => t.level === 'PROVINCE');
  const communeTasks = tasks.filter((t) => t.level === 'COMMUNE');
  for (const p of registry.provinces) {
    const rng = createRandom(seed, 'tasks', 'locality', p.code);
    const plan = planFor(rng, 'PROVINCE', p.code);
    for (const task of provinceTasks) assign(task, 'PROVINCE', p.code, p.code, plan, rng);
  }
  for (const c of registry.communes) {
    const rng = createRandom(seed, 'tasks', 'locality', c.code);
    const plan = planFor(rng, 'COMMUNE', c.code);
    for (const task of communeTasks) assign(task, 'COMMUNE', c.code, c.provinceCode, plan, rng);
  }

  reports.sort(
    (a, b) => a.reportedAt.getTime() - b.reportedAt.getTime() || (a.assignmentId ?? 0) - (b.assignmentId ?? 0) || a.taskCode.localeCompare(b.taskCode),
  );
  reports.forEach((r, i) => (r.id = i + 1));

  for (const p of registry.provinces) {
    greenTargets[p.code] = registry.communes.filter((c) => c.provinceCode === p.code && green.has(c.code)).length;
  }

  return { seed, fraction, plan, groups, tasks, localities, assignments, reports, cutoffs: [...DATASET_CUTOFFS], greenTargets };
}
