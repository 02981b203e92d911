/**
 * The theory-of-change check as data: a measure's logic model (inputs →
 * activities → outputs → outcomes → the field's desired state) as nodes and
 * links with indicators on the nodes, and a finding per link.
 */

export const logicNodeKinds = ['input', 'activity', 'output', 'outcome', 'desired-state'] as const;
export type LogicNodeKind = (typeof logicNodeKinds)[number];

export const logicNodeKindLabels: Record<LogicNodeKind, { ja: string; en: string }> = {
  input: { ja: 'インプット', en: 'Input' },
  activity: { ja: '活動', en: 'Activity' },
  output: { ja: 'アウトプット', en: 'Output' },
  outcome: { ja: 'アウトカム', en: 'Outcome' },
  'desired-state': { ja: 'ありたい姿', en: 'Desired state' },
};

export interface LogicNode {
  id: string;
  kind: LogicNodeKind;
  label: string;
  /** Indicators that show this node's movement. */
  indicatorCodes: string[];
}

/** A causal assumption: achieving `from` leads to `to`. */
export interface LogicLink {
  id: string;
  from: string;
  to: string;
  assumption?: string;
}

export interface MeasureLogicModel {
  measureCode: string;
  nodes: LogicNode[];
  links: LogicLink[];
}

export const linkFindings = ['held', 'partly', 'not-held', 'unknown'] as const;
export type Finding = (typeof linkFindings)[number];

export const findingLabels: Record<Finding, { ja: string; en: string }> = {
  held: { ja: '成立', en: 'Held' },
  partly: { ja: '一部成立', en: 'Partly held' },
  'not-held': { ja: '不成立', en: 'Not held' },
  unknown: { ja: '判断できない', en: 'Unknown' },
};

/** How a node's indicators moved over the year. */
export type Movement = 'improving' | 'flat' | 'worsening' | 'mixed' | 'unknown';

/** The evaluator's answer for one link, on the measure sheet. */
export interface LinkFinding {
  linkId: string;
  finding: Finding;
  evidence: string;
  /** What the indicators suggested when the finding was made (kept for the record). */
  suggested?: Finding;
}
