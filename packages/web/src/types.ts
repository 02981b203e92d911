/** Types the web app reads, taken from the API's schemas (no hand-copied interfaces). */
import type { PlanTree } from '@mirai/core';

export type PlanTreeView = PlanTree & { version: number };
