// Search page: Pagefind's UI over the index built with the site. The query
// of the header form (?q=…) is searched at once.
(function () {
  'use strict';
  var box = document.getElementById('pencarian');
  if (!box || !window.PagefindUI) { return; }
  // a site built in parts: the other parts' indexes, searched as one
  var merge = (box.getAttribute('data-merge') || '').split(' ').filter(Boolean).map(function (b) { return { bundlePath: b }; });
  // a sharded site: the shards' indexes, listed in a file beside them
  var list = box.getAttribute('data-merge-list');
  if (list) {
    var base = new URL(list, window.location.href);
    fetch(base.href).then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; }).then(function (names) {
      start(merge.concat(names.map(function (n) { return { bundlePath: new URL(n, base).pathname }; })));
    });
  } else {
    start(merge);
  }
  function start(mergeIndex) {
    var ui = new window.PagefindUI({
      element: '#pencarian',
      bundlePath: box.getAttribute('data-bundle'),
      mergeIndex: mergeIndex,
      showSubResults: false,
      showImages: false,
      translations: { placeholder: box.getAttribute('data-placeholder'), zero_results: box.getAttribute('data-zero') },
      // An item page's result names where it sits and its budget (meta
      // "induk", "anggaran" and "laporan" of the page): the keys are shown
      // as the labels the page gives, values stay text (Pagefind's UI
      // inserts meta values as text, never as markup).
      processResult: function (result) {
        var meta = {};
        Object.keys(result.meta || {}).forEach(function (key) {
          var label = box.getAttribute('data-label-' + key);
          meta[label || key] = result.meta[key];
        });
        result.meta = meta;
        return result;
      }
    });
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) {
      ui.triggerSearch(q);
      completeFilters(ui);
    }
  }
  // Pagefind's UI (1.6) loads the list of filters and runs the first search
  // at the same time. When the search ends first (a slow phone, a busy
  // machine), it shows only the filters loaded by then (the year, not the
  // programme) and keeps them until the next search. Once the first filters
  // are shown: when Pagefind (the same module the UI loaded) knows more
  // filters than are shown, the same search runs again, with all of them.
  function completeFilters(ui) {
    var seen = new MutationObserver(function () {
      var shown = box.querySelectorAll('.pagefind-ui__filter-name').length;
      if (!shown) { return; }
      seen.disconnect();
      import(box.getAttribute('data-bundle') + 'pagefind.js').then(function (pagefind) {
        return pagefind.filters();
      }).then(function (all) {
        if (Object.keys(all || {}).length > box.querySelectorAll('.pagefind-ui__filter-name').length) {
          ui.triggerFilters({});
        }
      }).catch(function () { /* the search still works, with the filters shown */ });
    });
    seen.observe(box, { childList: true, subtree: true });
  }
})();
