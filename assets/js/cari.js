// Search page: Pagefind's UI over the index built with the site. The query
// of the header form (?q=…) is searched at once.
(function () {
  'use strict';
  var box = document.getElementById('pencarian');
  if (!box || !window.PagefindUI) { return; }
  var ui = new window.PagefindUI({
    element: '#pencarian',
    bundlePath: box.getAttribute('data-bundle'),
    showSubResults: true,
    showImages: false,
    translations: { placeholder: 'Cari program, kegiatan, indikator…', zero_results: 'Tidak ada hasil untuk [SEARCH_TERM]' }
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) { ui.triggerSearch(q); }
})();
