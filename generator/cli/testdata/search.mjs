// Searches the site at SITE_URL in Chromium (driven by playwright-core,
// Debian's Chromium at CHROMIUM) for each term of TERMS (JSON list) from
// each search page of SEARCH_PATHS (JSON list, e.g. ["/cari/", "/en/cari/"])
// and prints {path: {term: [result URLs]}} as JSON. Pagefind reads the
// index of the page's language (<html lang>), merged with the other
// indexes that page lists (data-merge, a site built in parts). Used by
// TestShardedBuildEqualsSingle (generator/cli/shard_test.go).
//
// By default with Pagefind's JS API; with SEARCH_UI=1 as a reader does,
// through the search page's own UI (assets/js/cari.js, ?q=term), whose
// result links are the URLs printed.
import { launchChromium } from './chromium.mjs';

const browser = await launchChromium();
try {
  const terms = JSON.parse(process.env.TERMS);
  const all = {};
  for (const path of JSON.parse(process.env.SEARCH_PATHS)) {
    const page = await browser.newPage();
    const found = {};
    if (process.env.SEARCH_UI) {
      for (const term of terms) {
        await page.goto(process.env.SITE_URL + path + '?q=' + encodeURIComponent(term));
        // the count is shown first, then the links of the first five
        // results (the UI's first page) as each loads; or the page's
        // message that nothing was found (data-zero), which ends the wait
        await page.waitForFunction(() => {
          const msg = document.querySelector('.pagefind-ui__message')?.textContent || '';
          const zero = (document.getElementById('pencarian')?.getAttribute('data-zero') || '').split('[SEARCH_TERM]')[0];
          if (zero && msg.startsWith(zero)) { return true; }
          const n = msg.match(/\d+/);
          return n && document.querySelectorAll('.pagefind-ui__result-link').length >= Math.min(Number(n[0]), 5);
        }, null, { timeout: 15000 });
        found[term] = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href')));
      }
    } else {
      await page.goto(process.env.SITE_URL + path);
      Object.assign(found, await page.evaluate(async (terms) => {
        const pagefind = await import('/pagefind/pagefind.js');
        // a site built in parts: the indexes the search page merges
        const merge = document.getElementById('pencarian')?.getAttribute('data-merge') || '';
        await pagefind.options({ bundlePath: '/pagefind/' });
        for (const b of merge.split(' ').filter(Boolean)) { await pagefind.mergeIndex(b); }
        await pagefind.init();
        const out = {};
        for (const term of terms) {
          const search = await pagefind.search(term);
          out[term] = (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url);
        }
        return out;
      }, terms));
    }
    all[path] = found;
    await page.close();
  }
  console.log(JSON.stringify(all));
} finally {
  await browser.close();
}
