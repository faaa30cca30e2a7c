// Trend charts of a team's fidelity reviews. Data comes from a json_script element; the table on the page
// holds the same figures for screen readers and for anyone without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("fidelity-history-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const palette = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"];
  const totalCanvas = document.getElementById("fidelity-total-chart");
  if (totalCanvas) {
    new Chart(totalCanvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [{ label: data.totalLabel, data: data.total, borderColor: palette[0], backgroundColor: palette[0] }],
      },
      options: { scales: { y: { suggestedMin: 25, suggestedMax: 125 } } },
    });
  }
  const sectionCanvas = document.getElementById("fidelity-section-chart");
  if (sectionCanvas) {
    new Chart(sectionCanvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.sections.map((section, index) => ({
          label: section.label,
          data: section.data,
          borderColor: palette[(index + 1) % palette.length],
          backgroundColor: palette[(index + 1) % palette.length],
        })),
      },
      options: {
        plugins: { title: { display: true, text: data.meanLabel } },
        scales: { y: { min: 1, max: 5 } },
      },
    });
  }
});
