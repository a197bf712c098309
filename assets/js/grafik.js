// Interactive charts on request: every chart is already on the page as an
// SVG rendered at build time. This script only shows a button; a click
// loads the ECharts library from this site and redraws that chart with
// tooltips and legend toggles. Nothing is loaded until someone asks.
// Bundled by Hugo's js.Build (layouts/baseof.html) with the formatter
// module that the build-time renderer uses too; numbers are written in the
// page's language.
import { withFormatters } from './idformat.mjs';

var loading = null;
function loadECharts(src) {
  if (window.echarts) { return Promise.resolve(window.echarts); }
  if (!loading) {
    loading = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { resolve(window.echarts); };
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  return loading;
}

// shownLayout is the name of the drawing the page shows ("sempit", "sedang" or
// "lebar"): the CSS decides, by the width of the chart's card.
function shownLayout(svg, layouts) {
  var uses = svg ? svg.querySelectorAll('use') : [];
  for (var i = 0; i < uses.length; i++) {
    var name = uses[i].getAttribute('class');
    if (layouts[name] && getComputedStyle(uses[i]).display !== 'none') { return name; }
  }
  return Object.keys(layouts).pop();
}

var script = document.currentScript;
var libURL = script ? script.getAttribute('data-echarts') : null;
document.addEventListener('click', function (e) {
  var btn = e.target.closest ? e.target.closest('.chart-interactive') : null;
  if (!btn) { return; }
  var fig = document.getElementById(btn.getAttribute('data-target'));
  var box = fig.querySelector('.chart-svg');
  btn.disabled = true;
  Promise.all([loadECharts(libURL), fetch(box.getAttribute('data-options')).then(function (r) { return r.json(); })])
    .then(function (res) {
      var echarts = res[0];
      var svg = box.querySelector('svg');
      // numbers in the page's language (<html lang>): 1.234,5 or 1,234.5
      var option = withFormatters(res[1][shownLayout(svg, res[1])], document.documentElement.lang);
      var h = svg ? svg.getBoundingClientRect().height : 360;
      box.style.height = Math.max(h, 240) + 'px';
      // nothing of the chart (a tooltip on its way) widens the page
      box.style.overflow = 'hidden';
      box.textContent = '';
      echarts.init(box, null, { renderer: 'svg' }).setOption(option);
      btn.parentNode.hidden = true;
    })
    .catch(function () { btn.disabled = false; });
});
