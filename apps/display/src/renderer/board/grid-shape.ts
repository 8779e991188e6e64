export interface GridShape {
  columns: number;
  rows: number;
}

/**
 * Columns and rows for `count` tiles in a `width` × `height` area that make the tiles' text as large as
 * possible: a tile needs about `tileAspect` times its height in width for "Loket 12" over "A-123".
 */
export function gridShape(count: number, width: number, height: number, tileAspect = 2): GridShape {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, rows: 1 };
  let best: GridShape = { columns: 1, rows: count };
  let bestSize = -1;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    // The tile's usable height: limited by its own height, or by its width for the text to fit.
    const size = Math.min(height / rows, width / columns / tileAspect);
    if (size > bestSize + 0.01) {
      best = { columns, rows };
      bestSize = size;
    }
  }
  return best;
}
