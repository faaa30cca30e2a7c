// Charts of the reports dashboard. Data comes from a json_script element; each chart has a table on the page
// with the same figures, for screen readers and for anyone without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("reports-chart-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const palette = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#475569"];

  const employment = document.getElementById("reports-employment-chart");
  if (employment) {
    const e = data.employment;
    const benchmarks = e.benchmarks.map((benchmark, index) => ({
      type: "line",
      label: benchmark.label,
      data: e.labels.map(() => benchmark.value),
      borderColor: palette[(index + 2) % palette.length],
      borderDash: [6, 4],
      borderWidth: 1,
      pointRadius: 0,
      fill: false,
    }));
    new Chart(employment, {
      type: "bar",
      data: {
        labels: e.labels,
        datasets: [
          { label: e.ipsLabel, data: e.ips, backgroundColor: palette[0] },
          { label: e.growLabel, data: e.grow, backgroundColor: palette[1] },
          ...benchmarks,
        ],
      },
      options: { scales: { y: { min: 0, max: 100, ticks: { callback: (value) => `${value} %` } } } },
    });
  }

  const hours = document.getElementById("reports-hours-chart");
  if (hours) {
    new Chart(hours, {
      type: "bar",
      data: { labels: data.hours.labels, datasets: [{ label: data.hours.label, data: data.hours.hours, backgroundColor: palette[2] }] },
      options: { indexAxis: "y" },
    });
  }

  const fidelity = document.getElementById("reports-fidelity-chart");
  if (fidelity) {
    new Chart(fidelity, {
      type: "line",
      data: {
        labels: data.fidelity.labels,
        datasets: [{ label: data.fidelity.label, data: data.fidelity.totals, borderColor: palette[3], backgroundColor: palette[3] }],
      },
      options: { scales: { y: { suggestedMin: 25, suggestedMax: 125 } } },
    });
  }
});
