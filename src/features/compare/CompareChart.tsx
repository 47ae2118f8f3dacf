/**
 * A bar chart of one compare row, drawn by Chart.js on a canvas. Only the bar chart's parts are
 * registered, so the rest of Chart.js is left out of this (lazy) chunk; Chart.js sizes its canvas
 * through the CSSOM, which the strict CSP allows (no inline style attribute, no eval).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface Bar {
  id: string;
  name: string;
  /** null: no figure (drawn as no bar). */
  value: number | null;
  /** The value as the table writes it, for the tooltip. */
  text: string;
}

const BAR_COLOUR = '#c2410c';

export function CompareChart({ bars, label }: { bars: Bar[]; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'bar', (number | null)[], string> | null>(null);
  const barsRef = useRef(bars);
  barsRef.current = bars;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: BAR_COLOUR }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          tooltip: { callbacks: { label: (item) => barsRef.current[item.dataIndex]?.text ?? '' } },
        },
        scales: { y: { beginAtZero: true } },
      },
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data.labels = bars.map((b) => b.name);
    const dataset = chart.data.datasets[0];
    if (dataset) dataset.data = bars.map((b) => b.value);
    chart.update('none');
  }, [bars]);

  return (
    <div className="compare-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} data-testid="compare-chart" />
    </div>
  );
}
