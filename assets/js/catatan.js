// Catatan data: with JavaScript, checkboxes show or hide the findings of
// each severity. Without it, every finding is listed, grouped by kind, and
// the links above jump to each group.
(function () {
  'use strict';
  var box = document.getElementById('saring-tingkat');
  if (!box) { return; }
  var items = document.querySelectorAll('.finding-list li[data-severity]');
  function apply() {
    var show = {};
    box.querySelectorAll('input').forEach(function (i) { show[i.value] = i.checked; });
    items.forEach(function (li) { li.hidden = !show[li.getAttribute('data-severity')]; });
  }
  box.querySelectorAll('input').forEach(function (i) { i.addEventListener('change', apply); });
})();
