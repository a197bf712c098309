// Interactive charts on request: every chart is already on the page as an
// SVG rendered at build time. This script only shows a button; a click
// loads the ECharts library from this site and redraws that chart with
// tooltips and legend toggles. Nothing is loaded until someone asks.
(function () {
  'use strict';
  var nf = function (d) { return new Intl.NumberFormat('id-ID', { maximumFractionDigits: d }); };
  var formats = {
    pct: function (v) { return nf(2).format(v) + ' %'; },
    pct0: function (v) { return nf(0).format(v) + ' %'; },
    int: function (v) { return nf(0).format(v); },
    miliar: function (v) { return nf(1).format(v / 1e9) + ' M'; },
    rupiah: function (v) { return 'Rp ' + nf(0).format(v); }
  };
  function formatter(name) {
    if (name.indexOf('num:') === 0) {
      var parts = name.split(':'), d = Number(parts[1]), unit = parts.slice(2).join(':');
      return function (v) { return nf(d).format(v) + (unit ? (unit === '%' ? ' %' : ' ' + unit) : ''); };
    }
    return formats[name];
  }
  function withFormatters(node) {
    if (Array.isArray(node)) { return node.map(withFormatters); }
    if (node && typeof node === 'object') {
      var out = {};
      Object.keys(node).forEach(function (k) {
        var v = node[k];
        if (typeof v === 'string' && v.indexOf('@fmt:') === 0 && formatter(v.slice(5))) {
          var f = formatter(v.slice(5));
          out[k] = function (p) { return f(p !== null && typeof p === 'object' ? p.value : p); };
        } else { out[k] = withFormatters(v); }
      });
      return out;
    }
    return node;
  }
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
  var script = document.currentScript;
  var libURL = script ? script.getAttribute('data-echarts') : null;
  document.querySelectorAll('.chart .chart-actions').forEach(function (p) { p.hidden = false; });
  document.addEventListener('click', function (e) {
    var btn = e.target.closest ? e.target.closest('.chart-interactive') : null;
    if (!btn) { return; }
    var fig = document.getElementById(btn.getAttribute('data-target'));
    var box = fig.querySelector('.chart-svg');
    btn.disabled = true;
    Promise.all([loadECharts(libURL), fetch(box.getAttribute('data-options')).then(function (r) { return r.json(); })])
      .then(function (res) {
        var echarts = res[0], option = withFormatters(res[1]);
        if (option.legend) { option.legend.show = true; }
        var svg = box.querySelector('svg');
        var h = svg ? svg.getBoundingClientRect().height : 360;
        box.style.height = Math.max(h, 240) + 'px';
        box.textContent = '';
        echarts.init(box, null, { renderer: 'svg' }).setOption(option);
        btn.parentNode.hidden = true;
      })
      .catch(function () { btn.disabled = false; });
  });
})();
