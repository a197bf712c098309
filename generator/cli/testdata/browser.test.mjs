// Browser checks of the built site in Debian's Chromium, driven by
// playwright-core (no browser download). Run by TestBrowser/site in
// generator/cli with SITE_URL (the site served on 127.0.0.1), CHROMIUM and
// SHOT_DIR set. Uses node's own test runner.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchChromium } from './chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const SITE = process.env.SITE_URL;
const SHOTS = process.env.SHOT_DIR;
const R = 'dinas-sosial-sidoarjo/2021/';
// PAGES (JSON list) replaces the seed's pages: then only the checks that
// hold for any report run (axe, console and requests, the 360 px layout).
const GENERIC = Boolean(process.env.PAGES);
// one page of every type, with the name its screenshots get
const PAGE_TYPES = [['beranda', ''], ['glosarium', 'glosarium/'], ['instansi', 'dinas-sosial-sidoarjo/'], ['ringkasan', R],
  ['profil', R + 'profil/'], ['rencana', R + 'rencana/'], ['capaian', R + 'capaian/'], ['program-daftar', R + 'program/'],
  ['program', R + 'program/penunjang/'], ['kegiatan', R + 'program/penunjang/administrasi-umum/'],
  ['subkegiatan', R + 'program/penunjang/administrasi-umum/kunjungan-tamu/'], ['anggaran', R + 'anggaran/'],
  ['efisiensi', R + 'efisiensi/'], ['analisis', R + 'analisis/'], ['catatan-data', R + 'catatan-data/'],
  ['metodologi', R + 'metodologi/'], ['data-terbuka', R + 'data-terbuka/'], ['ringkasan-dprd', R + 'ringkasan-dprd/'],
  ['cari', 'cari/?q=permakanan'],
  // the English site (/en/): the same checks on its page types
  // (the layouts are the same; these are the pages where English text is
  // longest or the page is the English one's own: glossary, search)
  ['en-glosarium', 'en/glosarium/'], ['en-ringkasan', 'en/' + R], ['en-capaian', 'en/' + R + 'capaian/'],
  ['en-kegiatan', 'en/' + R + 'program/penunjang/administrasi-umum/'], ['en-catatan-data', 'en/' + R + 'catatan-data/'],
  ['en-ringkasan-dprd', 'en/' + R + 'ringkasan-dprd/'], ['en-cari', 'en/cari/?q=permakanan']];
// [screenshot name, page]: the test reports' pages get no screenshots
const PAGE_LIST = GENERIC ? JSON.parse(process.env.PAGES).map((p) => ['', p]) : PAGE_TYPES;
// WIDE_PASS=only runs only the pass over every page at 1366 px, =skip all
// but it: TestBrowser runs the two halves side by side
const WIDE_PASS = process.env.WIDE_PASS;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser;
before(async () => {
  assert.ok(SITE && SITE.startsWith('http://127.0.0.1:'), 'SITE_URL must be the site on 127.0.0.1');
  browser = await launchChromium();
});
after(async () => { await browser?.close(); });

// watch records console errors, page errors and every request of a context.
function watch(context) {
  const log = { errors: [], requests: [] };
  context.on('page', (page) => {
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => log.errors.push(`${page.url()}: ${e.message}`));
  });
  context.on('request', (r) => log.requests.push(r.url()));
  // ERR_ABORTED: a request cut short by the next navigation, not an error of the site
  context.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') log.errors.push(`request failed ${r.url()}: ${r.failure()?.errorText}`); });
  context.on('response', (r) => { if (r.status() >= 400) log.errors.push(`HTTP ${r.status()} ${r.url()}`); });
  return log;
}

function assertLocal(log) {
  for (const u of log.requests) {
    const url = new URL(u);
    assert.ok(url.protocol === 'data:' || url.hostname === '127.0.0.1', `request left 127.0.0.1: ${u}`);
  }
  assert.deepEqual(log.errors, [], 'console errors or failed requests');
}

// axe runs axe-core in the page. It is evaluated through the DevTools
// protocol, which the site's Content-Security-Policy does not govern, so the
// pages are tested as served (no bypassCSP) and a CSP violation still shows
// as a console error.
const axeSource = fs.readFileSync(axePath, 'utf8');
// axe runs the WCAG rules given (all, if none), or all but those of except.
async function axe(page, { rules, except } = {}) {
  await page.evaluate(axeSource);
  return page.evaluate(async ({ tags, rules, except }) => {
    // the rules a run by tags runs: experimental and deprecated ones
    // are left out of it, but would run if named
    if (except) rules = window.axe.getRules(tags).filter((r) => !r.tags.some((t) => t === 'experimental' || t === 'deprecated'))
      .map((r) => r.ruleId).filter((id) => !except.includes(id));
    const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
    // what a reader can unfold is checked too: axe skips the content of a
    // closed <details> (the report menu on a phone, folded tables), so
    // on the phone pass (every rule, or all but some) every one is
    // opened for the run and closed again after it
    const closed = rules && !except ? [] : [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d) => { d.open = true; });
    const r = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
    closed.forEach((d) => { d.open = false; });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')} — ${v.help}`);
  }, { tags: WCAG, rules, except });
}

// The WCAG 2.1 A/AA rules of axe-core whose outcome depends on the screen
// width, not only on the HTML (the same at every width): contrast of the
// text shown, scrolling regions reachable by keyboard, the page's own
// scrolling and text spacing. The wide pass runs these; the phone pass
// runs every rule, with every <details> unfolded.
const WIDTH_RULES = ['color-contrast', 'scrollable-region-focusable', 'meta-viewport', 'avoid-inline-spacing'];

// visit opens a page and waits until it has done what it does on load (the
// search page: until Pagefind shows its results).
async function visit(page, p) {
  await page.goto(SITE + '/' + p);
  if (/(^|\/)cari\/\?q=/.test(p)) await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
}

// Every page is visited once per screen width, and each visit runs every
// check that holds for it: axe-core, the console and the requests, and at
// 360 px the phone layout; then its screenshot is taken.
if (!GENERIC && WIDE_PASS !== 'only') test('without JavaScript, charts and their tables are shown', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const p of [R, R + 'anggaran/', R + 'efisiensi/']) {
    await page.goto(SITE + '/' + p);
    const charts = page.locator('figure.chart');
    const n = await charts.count();
    assert.ok(n >= 1, `/${p}: no chart`);
    for (let i = 0; i < n; i++) {
      const box = await charts.nth(i).locator('.chart-svg svg').boundingBox();
      assert.ok(box && box.width > 200 && box.height > 100, `/${p}: chart ${i} not visible`);
      assert.ok(await charts.nth(i).locator('.chart-data table tbody tr').count() > 0, `/${p}: chart ${i} has no table`);
      assert.ok(await charts.nth(i).locator('.chart-data table').isVisible(), `/${p}: chart ${i} table hidden`);
    }
    assert.ok(await page.locator('.chart-actions').first().isHidden(), 'the interactive button needs JavaScript: hidden without it');
  }
  await page.goto(SITE + '/' + R + 'catatan-data/');
  assert.ok(await page.locator('#saring-tingkat').isHidden(), 'the severity filter needs JavaScript: hidden without it');
  // the data dictionary: one closed table per dataset, opened by the link
  // to it in the list of downloads (the browser opens a <details> that
  // holds the target of a link)
  await page.goto(SITE + '/' + R + 'data-terbuka/');
  const first = page.locator('details.dictionary').first();
  const id = await first.locator('section[id^="kamus-"]').getAttribute('id');
  assert.ok(await first.locator('table').isHidden(), 'the data dictionary starts closed');
  await page.click(`a[href="#${id}"]`);
  assert.ok(await first.locator('table').isVisible(), `the link to #${id} opens its table`);
});

if (!GENERIC && WIDE_PASS !== 'only') test('keyboard: every main-menu link is reachable with Tab, with a visible focus', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(SITE + '/' + R);
  const menu = await page.$$eval('.site-nav a, .report-nav a', (as) => as.map((a) => a.href));
  assert.ok(menu.length >= 12);
  const reached = new Map();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { href: el.href || '', visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (f.href) reached.set(f.href, f.visible);
  }
  for (const href of menu) {
    assert.ok(reached.has(href), `menu link ${href} not reached with Tab`);
    assert.ok(reached.get(href), `menu link ${href} has no visible focus`);
  }
  await context.close();
});

// A real 360×640 phone screen: no isMobile, so that the layout viewport
// stays 360 px wide (with isMobile, Chromium widens it to the content and a
// page that scrolls sideways would pass).
const PHONE = { width: 360, height: 640 };

// phoneLayout measures a page at 360×640: how far it scrolls sideways, what
// sticks out beyond 360 px outside the tables' own .scroll regions, and where
// the title and the first figure are.
function phoneLayout() {
  const W = 360;
  const wide = [];
  const outside = (n) => !n.closest('.scroll');
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 0.5 && outside(el) && !el.closest('svg')) wide.push(`<${el.tagName.toLowerCase()} class="${el.className}"> to ${Math.round(r.right)}px`);
  }
  // text overflowing its box (a long word, a figure, a URL)
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) {
    if (!outside(n.parentElement) || n.parentElement.closest('svg')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.right > W + 0.5) { wide.push(`text "${n.textContent.trim().slice(0, 40)}" to ${Math.round(r.right)}px`); break; }
    }
  }
  window.scrollTo(W, 0);
  const scrollX = window.scrollX;
  window.scrollTo(0, 0);
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
  const main = document.querySelector('main');
  const h1 = main.querySelector('h1');
  // the figure a reader comes for: the headline's first figure on the
  // report home, else a report page's first stat card, else its title
  const headline = main.querySelector('section.headline');
  const figure = headline ? headline.querySelector('.stats > div') || headline
    : document.querySelector('.report-nav') ? main.querySelector('.stats > div') || h1 : null;
  return { width: document.documentElement.scrollWidth, inner: window.innerWidth, scrollX, wide: wide.slice(0, 5),
    h1: box(h1), figure: box(figure), headline: box(headline) };
}

if (WIDE_PASS !== 'only') test('at 360×640 every page: no WCAG 2.1 A/AA violation, no console error, no request off 127.0.0.1, no sideways scroll, the title and first figure on the first screen', async () => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const log = watch(context);
  const page = await context.newPage();
  const problems = [];
  for (const [name, p] of PAGE_LIST) {
    await visit(page, p);
    const m = await page.evaluate(phoneLayout);
    assert.equal(m.inner, PHONE.width, 'the layout viewport must stay 360 px wide');
    if (m.width > PHONE.width || m.scrollX > 0 || m.wide.length) {
      problems.push(`/${p}: page is ${m.width}px wide, scrolls ${m.scrollX}px sideways; ${m.wide.join('; ')}`);
    }
    if (!m.h1 || m.h1.bottom > PHONE.height) problems.push(`/${p}: the h1 ends at ${m.h1?.bottom}px, below the first screen`);
    if (m.headline && m.headline.top > PHONE.height) problems.push(`/${p}: the headline box starts at ${m.headline.top}px`);
    if (m.figure && m.figure.bottom > PHONE.height) problems.push(`/${p}: the first figure ends at ${m.figure.bottom}px, below the first screen`);
    // the English pages: every rule but the contrast of colours, which
    // are the Indonesian pages' (the same style sheet and elements); half
    // of axe's time on a page
    for (const v of await axe(page, name.startsWith('en-') ? { except: ['color-contrast'] } : {})) problems.push(`/${p} at 360 px: ${v}`);
    if (name) await screenshot(page, name, '360', name === 'ringkasan');
  }
  await context.close();
  assert.deepEqual(problems, []);
  assertLocal(log);
});

// The test reports' pages (PAGES) are checked at 360 px only: their layouts
// are the seed's, which this pass checks at 1366 px on every page type.
if (!GENERIC && WIDE_PASS !== 'skip') test('at 1366×900 every page: no violation of the WCAG 2.1 A/AA rules that depend on the width (Indonesian page types), no console error, no request off 127.0.0.1', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const log = watch(context);
  const page = await context.newPage();
  const problems = [];
  for (const [name, p] of PAGE_LIST) {
    await visit(page, p);
    // axe on the English pages at 360 px only: their layouts are the
    // Indonesian pages', which this pass checks wide (it kept the test
    // suite under five minutes); their wide screenshots are still taken
    if (!name.startsWith('en-')) {
      for (const v of await axe(page, { rules: WIDTH_RULES })) problems.push(`/${p} at 1366 px: ${v}`);
    }
    if (name) await screenshot(page, name, '1366');
  }
  await context.close();
  assert.deepEqual(problems, []);
  assertLocal(log);
});

if (!GENERIC && WIDE_PASS !== 'only') test('with JavaScript: the interactive chart loads ECharts from this site on request, the severity filter works, no console error', async () => {
  const context = await browser.newContext();
  const log = watch(context);
  const page = await context.newPage();
  await page.goto(SITE + '/' + R);
  const before = log.requests.filter((u) => u.endsWith('/js/echarts.min.js')).length;
  assert.equal(before, 0, 'ECharts must not load before it is asked for');
  // shown by CSS when scripts run (no script changes the page on load)
  assert.ok(await page.locator('#grafik-utama .chart-actions').isVisible(), 'with JavaScript the interactive button is shown');
  await page.click('#grafik-utama .chart-interactive');
  await page.waitForFunction(() => document.querySelector('#grafik-utama .chart-svg')?.getAttribute('_echarts_instance_'), null, { timeout: 15000 });
  assert.ok(log.requests.some((u) => u.endsWith('/js/echarts.min.js')), 'ECharts was loaded on request');
  // the severity filter of the data notes works with JavaScript
  await page.goto(SITE + '/' + R + 'catatan-data/');
  assert.ok(await page.locator('#saring-tingkat').isVisible(), 'with JavaScript the severity filter is shown');
  const shown = () => page.locator('.finding-list li[data-severity]:visible').count();
  const all = await shown();
  await page.locator('#saring-tingkat input').first().uncheck();
  assert.ok(await shown() < all, 'unticking a severity hides its findings');
  await context.close();
  assertLocal(log);
});

if (!GENERIC && WIDE_PASS !== 'only') test('phone: report menu folded without JavaScript, tables as stacked rows, one search box on /cari/', async () => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SITE + '/' + R);
  const summary = page.locator('.report-nav summary');
  const firstLink = page.locator('.report-nav li a').first();
  assert.ok(await summary.isVisible(), 'the report menu has a visible summary on a phone');
  assert.ok(await firstLink.isHidden(), 'the report menu is folded on a phone');
  await summary.click();
  assert.ok(await firstLink.isVisible(), 'the summary unfolds the report menu without JavaScript');
  // the header search is compact: one line, labelled, with a placeholder
  const search = await page.evaluate(() => {
    const f = document.querySelector('.site-search');
    const q = document.getElementById('q-header');
    return { h: f.getBoundingClientRect().height, label: q.labels[0]?.textContent.trim(), placeholder: q.placeholder };
  });
  assert.ok(search.h <= 48, `header search is ${search.h}px tall`);
  assert.ok(search.label && search.placeholder, 'header search has a label and a placeholder');
  // results and budget tables fit the screen as stacked rows
  for (const [p, sel] of [[R + 'capaian/', 'table.measures'], [R + 'program/penunjang/', 'table.measures'], [R + 'anggaran/', 'table.budget']]) {
    await page.goto(SITE + '/' + p);
    const t = await page.evaluate((sel) => {
      const tables = [...document.querySelectorAll(sel)];
      return {
        n: tables.length,
        overflow: tables.filter((t) => t.closest('.scroll').scrollWidth > t.closest('.scroll').clientWidth + 1).length,
        headHidden: tables.every((t) => getComputedStyle(t.tHead).display === 'none' || t.tHead.getBoundingClientRect().height < 2),
        unlabelled: tables.flatMap((t) => [...t.tBodies[0].rows].flatMap((r) => [...r.cells]))
          .filter((c) => c.getBoundingClientRect().height > 0 && !c.dataset.label).length,
      };
    }, sel);
    assert.ok(t.n > 0, `/${p}: no ${sel}`);
    assert.equal(t.overflow, 0, `/${p}: ${t.overflow} ${sel} wider than the screen`);
    assert.ok(t.headHidden, `/${p}: the column heads of ${sel} are shown above stacked rows`);
    assert.equal(t.unlabelled, 0, `/${p}: visible cells without data-label`);
  }
  await page.goto(SITE + '/cari/');
  assert.equal(await page.locator('input[type=search]:visible, #q-header').count(), 0, 'without JavaScript /cari/ shows no header search box');
  await context.close();
  // with JavaScript: exactly one search box, Pagefind themed with the site's colours
  const js = await browser.newContext({ viewport: PHONE });
  const sp = await js.newPage();
  await sp.goto(SITE + '/cari/');
  await sp.waitForSelector('.pagefind-ui__search-input', { timeout: 15000 });
  assert.equal(await sp.locator('input:visible').count(), 1, 'one search box on /cari/');
  const theme = await sp.evaluate(() => {
    const ui = getComputedStyle(document.querySelector('.pagefind-ui'));
    const root = getComputedStyle(document.documentElement);
    return { primary: ui.getPropertyValue('--pagefind-ui-primary').trim(), accent: root.getPropertyValue('--accent').trim(),
      font: ui.getPropertyValue('--pagefind-ui-font').trim() };
  });
  assert.equal(theme.primary, theme.accent, 'Pagefind uses the site accent colour');
  assert.match(theme.font, /system-ui/, 'Pagefind uses the site font');
  await js.close();
});

if (!GENERIC && WIDE_PASS !== 'only') test('wide screen: the report menu is open and unchanged, tables keep their columns', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SITE + '/' + R + 'capaian/');
  assert.ok(await page.locator('.report-nav summary').isHidden(), 'no menu summary on a wide screen');
  const links = page.locator('.report-nav li a');
  for (let i = 0; i < await links.count(); i++) assert.ok(await links.nth(i).isVisible(), `report menu link ${i} hidden on a wide screen`);
  const head = await page.evaluate(() => getComputedStyle(document.querySelector('table.measures thead')).display);
  assert.equal(head, 'table-header-group');
  await context.close();
});

// screenshot saves the first screen of a page (on the report home at
// 360 px also the whole page) to SHOT_DIR: a temporary folder, or with
// -docs-screenshots docs/screenshots/, which the README links.
async function screenshot(page, name, suffix, whole = false) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const files = [[path.join(SHOTS, `${name}-${suffix}.png`), false]];
  if (whole) files.push([path.join(SHOTS, `${name}-${suffix}-utuh.png`), true]);
  for (const [file, fullPage] of files) {
    await page.screenshot({ path: file, fullPage });
    assert.ok(fs.statSync(file).size > 5000, `${file} looks empty`);
  }
}

// A4 in PDF points, to the nearest point.
const A4 = [595, 842];

function pdfPages(buf) {
  const s = buf.toString('latin1');
  const pages = s.match(/\/Type\s*\/Page(?![s\w])/g) || [];
  const boxes = [...s.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map((m) => [Math.round(+m[3] - +m[1]), Math.round(+m[4] - +m[2])]);
  return { count: pages.length, boxes };
}

if (!GENERIC && WIDE_PASS !== 'only') test('print: A4 pages, a sensible count, charts kept whole', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [p, maxPages] of [[R, 8], [R + 'program/penunjang/', 12]]) {
    await page.goto(SITE + '/' + p);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { count, boxes } = pdfPages(pdf);
    assert.ok(count >= 1 && count <= maxPages, `/${p}: ${count} pages`);
    assert.ok(boxes.length >= 1);
    for (const b of boxes) assert.deepEqual(b, A4, `/${p}: page size ${b} is not A4`);
    // in print, every chart drawing must be unbreakable and fit one page:
    // lay the page out at the printable width of A4 (180 mm ≈ 680 CSS px)
    await page.setViewportSize({ width: 680, height: 1009 });
    await page.emulateMedia({ media: 'print' });
    const charts = await page.$$eval('figure.chart .chart-svg', (fs) => fs.map((f) => ({
      brk: getComputedStyle(f).breakInside, h: f.getBoundingClientRect().height })));
    // A4 minus 15 mm margins is 267 mm ≈ 1009 CSS px tall
    for (const c of charts) {
      assert.equal(c.brk, 'avoid', `/${p}: a chart may be split across pages`);
      assert.ok(c.h > 100 && c.h < 1009, `/${p}: a chart (${c.h}px) does not fit a page`);
    }
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 900 });
    console.log(`print /${p}: ${count} A4 pages`);
  }
  await context.close();
});

if (!GENERIC && WIDE_PASS !== 'only') test('search: the header form finds the Penyediaan Permakanan pages, with year and programme filters', async () => {
  const context = await browser.newContext();
  const log = watch(context);
  // a slow phone: every filter file after the first comes late, after the
  // first search has ended (Pagefind's UI then showed the year's filter
  // alone until the next search; cari.js searches again)
  let filterFiles = 0;
  await context.route('**/*.pf_filter', async (route) => {
    if (filterFiles++ > 0) await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(SITE + '/' + R);
  await page.fill('#q-header', 'permakanan');
  await page.press('#q-header', 'Enter');
  await page.waitForURL(/\/cari\/\?q=permakanan/);
  await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
  const results = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
  assert.ok(results.some((r) => r.text.includes('Penyediaan Permakanan') && r.href.includes('permakanan')),
    'no Penyediaan Permakanan page in ' + JSON.stringify(results));
  // both filter groups, the programme's with the search run again: wait
  // for them; when one never comes, the check below says which
  await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__filter-name').length >= 2, null, { timeout: 15000 }).catch(() => {});
  const filters = await page.$$eval('.pagefind-ui__filter-name', (els) => els.map((e) => e.textContent.trim().toLowerCase()));
  for (const f of ['tahun', 'program']) assert.ok(filters.some((x) => x.startsWith(f)), `no ${f} filter in ${filters}`);
  // the excerpts keep a label apart from its value: Pagefind reads <dt>
  // and <dd> as inline text (pagefind#736), which once gave "KodeLaporan
  // tidak …", "AnggaranRp. 14.937.120"
  const excerpts = await page.$$eval('.pagefind-ui__result-excerpt', (els) => els.map((e) => e.textContent));
  assert.ok(excerpts.length > 0, 'no excerpt');
  for (const x of excerpts) assert.doesNotMatch(x, /[a-z](Rp|[A-Z][a-z])|[a-z]{3}[0-9]/, 'words run together in an excerpt');
  await context.close();
  assertLocal(log);
});

// What the DPRD brief must show, and the lines of its footer, in each
// language (i18n keys strategic_target, absorption_total, brief_programs,
// below_target, brief_target_changes, findings; footer_note,
// source_document, brief_more).
const BRIEFS = [
  [R + 'ringkasan-dprd/', ['Sasaran strategis', 'Penyerapan anggaran', 'Program: capaian dan anggaran', 'Indikator di bawah target',
    'Target yang diubah atau berbeda antartabel', 'Catatan data'],
  /^(Data dari laporan kinerja|halaman Catatan data|Dokumen sumber|Rincian lengkap|PDF ·|sidoarjo\/)/],
  ['en/' + R + 'ringkasan-dprd/', ['Strategic objective', 'Budget absorption', 'Programmes: achievement and budget',
    'Indicators below target', 'Targets changed or differing between tables', 'Data notes'],
  /^(Data from the agencies|differences from the recomputation|listed on the Data notes|Source document|The full details|PDF ·|sidoarjo\/)/],
];

if (!GENERIC && WIDE_PASS !== 'only') test('the DPRD brief prints on at most three A4 pages, none holding only the footer, in both languages', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-'));
  try {
    for (const [p, needed, footer] of BRIEFS) {
      await page.goto(SITE + '/' + p);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const { count, boxes } = pdfPages(pdf);
      assert.ok(count >= 1 && count <= 3, `/${p}: ${count} pages`);
      for (const b of boxes) assert.deepEqual(b, A4);
      for (const n of needed) assert.ok(await page.getByText(n).first().isVisible(), `/${p}: brief lacks ${n}`);
      assert.equal(await page.locator('figure.chart svg').count(), 2, `/${p}: the brief shows the two key charts`);
      // read each printed page's text (poppler's pdftotext): every page
      // carries content of its own, not only the footer
      const file = path.join(dir, 'brief.pdf');
      fs.writeFileSync(file, pdf);
      for (let i = 1; i <= count; i++) {
        const text = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), '-layout', file, '-'], { encoding: 'utf8' });
        const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !footer.test(l));
        assert.ok(lines.length >= 10, `/${p}: page ${i} holds only ${lines.length} lines besides the footer: ${JSON.stringify(lines)}`);
      }
      console.log(`DPRD brief /${p}: ${count} A4 pages`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await context.close();
});
