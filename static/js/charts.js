// What every chart of Polku shares (loaded after Chart.js, before the page's own chart script). Each chart's figures
// are also a table on its page, for screen readers and for anyone without JavaScript.
if (typeof Chart !== "undefined") {
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;
  Chart.defaults.plugins.legend.position = "bottom";
}
