import { registerEnumType } from 'type-graphql';
import { DEFAULT_THRESHOLDS } from './progress.rule';

/** Reported state of an assignment or central task. */
export enum ProgressState {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ProgressState, {
  name: 'ProgressState',
  description: 'State of a task, or of one assignment of it, as last reported at the moment asked about.',
  valuesConfig: {
    NOT_STARTED: { description: 'Nothing reported yet, or reported as not started (0 %).' },
    IN_PROGRESS: { description: 'Started and not finished (1–99 %).' },
    COMPLETED: { description: 'Reported as completed (100 %).' },
  },
});

/** Monitoring-map colour of a locality. */
export enum ProgressStatus {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description:
    "Colour of a locality on the KH02 monitoring map, from its OWN assignments (a province's from its province-level assignments, a commune's from its commune-level ones) at the moment asked about. " +
    "For each assignment the schedule expects progress rising linearly from 0 % at the task's start to 100 % at its deadline; the lag is expected minus last reported percent (a completed assignment has no lag), " +
    'and an assignment not completed after its deadline is overdue (at exactly the deadline it is not yet overdue). ' +
    `RED: any assignment overdue, or the largest lag is at least the red threshold; YELLOW: the largest lag is at least the yellow threshold; GREEN otherwise, including a locality with no assignments. ` +
    `Thresholds are configured per deployment (TASKS_YELLOW_LAG, TASKS_RED_LAG; defaults ${DEFAULT_THRESHOLDS.yellowLag} and ${DEFAULT_THRESHOLDS.redLag} percentage points). ` +
    'Green coverage counts a commune as green only when it is GREEN and has reported at least once.',
  valuesConfig: {
    GREEN: { description: 'On schedule: nothing overdue and no assignment lagging by the yellow threshold or more.' },
    YELLOW: { description: 'Behind: some assignment lags by at least the yellow threshold (default 15 points), none by the red threshold, nothing overdue.' },
    RED: { description: 'Seriously behind: an assignment is overdue, or lags by at least the red threshold (default 35 points).' },
  },
});

/** Level a task is carried out at. */
export enum TaskLevel {
  CENTRAL = 'CENTRAL',
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}
registerEnumType(TaskLevel, {
  name: 'TaskLevel',
  description: 'Level a task is carried out at.',
  valuesConfig: {
    CENTRAL: { description: 'By a central body (ministry, Party office); reports its own progress, colours no locality.' },
    PROVINCE: { description: 'Assigned to every province; colours the provinces.' },
    COMMUNE: { description: 'Assigned to every commune-level unit; colours the communes and so green coverage.' },
  },
});
