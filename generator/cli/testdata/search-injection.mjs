// Searches the site served at SITE_URL for QUERY on /cari/ in Debian's
// Chromium (CHROMIUM) and prints, as JSON, what the Pagefind UI shows:
// filter names and values, result titles, excerpts and tags, every element
// the data could have injected, dialogs and requests. Run by
// TestSearchShowsDataAsText (injection_test.go), which judges the result.
import { launchChromium } from './chromium.mjs';


const SITE = process.env.SITE_URL;
const QUERY = process.env.QUERY;
const PROGRAM = process.env.PROGRAM; // the programme filter value to select

const browser = await launchChromium();
const out = { dialogs: [], requests: [], errors: [] };
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('dialog', (d) => { out.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => out.errors.push(e.message));
  context.on('request', (r) => out.requests.push(r.url()));
  await page.goto(SITE + '/cari/?q=' + encodeURIComponent(QUERY));
  await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
  await page.waitForSelector('.pagefind-ui__filter-label', { state: 'attached', timeout: 15000 });
  // the filter groups appear one by one as their files load (on a busy
  // machine the programme's well after the year's): wait for both; when
  // one never comes, the checks below say which
  await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__filter-name').length >= 2, null, { timeout: 15000 }).catch(() => {});
  // open every filter group, as a visitor would, and let images load or fail
  for (const summary of await page.$$('.pagefind-ui__filter-name')) await summary.click();
  await page.waitForTimeout(500);

  const look = () => page.evaluate(() => {
    const ui = document.getElementById('pencarian');
    const texts = (sel) => [...ui.querySelectorAll(sel)].map((e) => e.textContent.trim());
    // elements inside what should be text only
    const inside = (sel) => [...ui.querySelectorAll(sel)].flatMap((e) => [...e.querySelectorAll('*')].map((c) => c.outerHTML));
    const center = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    return {
      filterNames: texts('.pagefind-ui__filter-name'),
      filterValues: texts('.pagefind-ui__filter-label'),
      filterValueHTML: [...ui.querySelectorAll('.pagefind-ui__filter-label')].map((e) => e.innerHTML),
      titles: texts('.pagefind-ui__result-link'),
      subTitles: texts('.pagefind-ui__result-nested .pagefind-ui__result-link'),
      excerpts: texts('.pagefind-ui__result-excerpt'),
      tags: texts('.pagefind-ui__result-tag'),
      elementsInText: [
        ...inside('.pagefind-ui__filter-name'), ...inside('.pagefind-ui__filter-group-label'),
        ...inside('.pagefind-ui__filter-label'), ...inside('.pagefind-ui__result-link'),
        ...inside('.pagefind-ui__result-tag'),
        ...[...ui.querySelectorAll('.pagefind-ui__result-excerpt *')].filter((e) => e.tagName !== 'MARK').map((e) => e.outerHTML),
      ],
      injected: [...document.querySelectorAll('a[href*="contoh.invalid"], img, [onerror], [style*="fixed"]')].map((e) => e.outerHTML),
      // a link over the middle of the screen that leads off the site or is
      // laid over the page (a result's own title may sit there)
      centerLink: (() => {
        const a = center?.closest('a');
        if (!a) return null;
        const off = new URL(a.href, location.href).host !== location.host;
        const over = ['fixed', 'absolute'].includes(getComputedStyle(a).position);
        return off || over ? a.getAttribute('href') : null;
      })(),
      results: ui.querySelectorAll('.pagefind-ui__result').length,
    };
  });
  out.search = await look();

  // filter by the hostile programme: the value Pagefind gets back must
  // still select its pages
  const box = await page.evaluateHandle((want) => {
    for (const label of document.querySelectorAll('.pagefind-ui__filter-label')) {
      if (label.textContent.includes(want)) return document.getElementById(label.getAttribute('for'));
    }
    return null;
  }, PROGRAM);
  out.programBox = Boolean(await box.evaluate((b) => b !== null));
  if (out.programBox) {
    // after the click Pagefind searches again: wait until its count of
    // results changes and the links of its first page have loaded (a
    // fixed pause was too short on a busy machine); a filter that
    // changes nothing times out here and is judged by the test
    const message = () => document.querySelector('.pagefind-ui__message')?.textContent || '';
    const before = await page.evaluate(message);
    await box.evaluate((b) => b.click());
    await page.waitForFunction((before) => {
      const msg = document.querySelector('.pagefind-ui__message')?.textContent || '';
      const n = msg.match(/\d+/);
      return msg !== before && n && document.querySelectorAll('.pagefind-ui__result-link').length >= Math.min(Number(n[0]), 5);
    }, before, { timeout: 15000 }).catch(() => {});
    out.filtered = await look();
    out.filteredURLs = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href')));
  }
  await context.close();
} catch (e) {
  out.errors.push(String(e && e.stack || e));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
