import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

// A time chart of kW series (uPlot); x in seconds since the epoch.
export function kwChart(target, names, width = 720) {
  const colors = ['#1f6feb', '#8250df', '#cf222e', '#1a7f37'];
  const opts = {
    width,
    height: 260,
    scales: { x: { time: true } },
    series: [{}, ...names.map((n, i) => ({ label: n, stroke: colors[i % colors.length], width: 2, spanGaps: true }))],
    axes: [{}, { label: 'kW', size: 70 }],
  };
  const data = [[], ...names.map(() => [])];
  const plot = new uPlot(opts, data, target);
  return {
    set(xs, ...ys) {
      plot.setData([xs, ...ys]);
    },
  };
}
