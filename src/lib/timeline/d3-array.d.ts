/** The two functions of d3-array the timeline's scales use (d3-array ships no types of its own). */
declare module 'd3-array' {
  export function ticks(start: number, stop: number, count: number): number[];
  export function tickIncrement(start: number, stop: number, count: number): number;
}
