/** Pure layout of a chart's x-axis labels: as many as fit without overlapping, always the latest, none cut off. */

/** One label to draw: bucket index, x position and the anchor that keeps it inside the drawing. */
export interface AxisLabel {
  index: number;
  x: number;
  anchor: 'start' | 'middle' | 'end';
}

const GAP = 8;

/**
 * Picks labels counted back from the last bucket (the newest is the one people
 * look for) at a regular stride wide enough for `labelWidth` pixels of text,
 * anchors those near an edge so their text stays within [0, width], and drops
 * a label that would still touch its neighbour.
 */
export function axisLabels(positions: readonly number[], labelWidth: number, width: number): AxisLabel[] {
  if (positions.length === 0) return [];
  const step = positions.length > 1 ? (positions[positions.length - 1] - positions[0]) / (positions.length - 1) : width;
  const every = Math.max(1, Math.ceil((labelWidth + GAP) / Math.max(1, step)));
  const labels: AxisLabel[] = [];
  let leftmost = Infinity;
  for (let index = positions.length - 1; index >= 0; index -= every) {
    const x = positions[index];
    const anchor = x + labelWidth / 2 > width ? 'end' : x - labelWidth / 2 < 0 ? 'start' : 'middle';
    const left = anchor === 'end' ? x - labelWidth : anchor === 'middle' ? x - labelWidth / 2 : x;
    const right = left + labelWidth;
    if (right + GAP > leftmost) continue;
    labels.unshift({ index, x, anchor });
    leftmost = left;
  }
  return labels;
}
