// Searches the site at SITE_URL with Pagefind's JS API in Chromium (driven
// by playwright-core, Debian's Chromium at CHROMIUM) for each term of
// TERMS (JSON list) and prints {term: [result URLs]} as JSON, searching
// from the page SEARCH_PATH (default /cari/): Pagefind reads the index of
// that page's language (<html lang>). Used by TestShardedBuildEqualsSingle
// (generator/cli/shard_test.go).
import { launchChromium } from './chromium.mjs';

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(process.env.SITE_URL + (process.env.SEARCH_PATH || '/cari/'));
  const found = await page.evaluate(async (terms) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const out = {};
    for (const term of terms) {
      const search = await pagefind.search(term);
      out[term] = (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url);
    }
    return out;
  }, JSON.parse(process.env.TERMS));
  console.log(JSON.stringify(found));
} finally {
  await browser.close();
}
