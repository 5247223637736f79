/** Data shapes of the console's charts (kept apart from the components so pure code can use them). */
export interface BarRow {
  id: string;
  label: string;
  value: number;
}

export interface MatrixPoint {
  id: string;
  label: string;
  impact: number;
  effort: number;
}
