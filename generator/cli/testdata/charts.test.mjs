// Chart legibility in Debian's Chromium, driven by playwright-core: every
// text of every chart drawing a page shows (Indonesian pages and their
// English twins under /en/), measured at a real 360×640
// screen (no isMobile: the layout viewport stays 360 px wide), on a tablet
// (768×1024: the medium drawing's widest card; every card width from 300
// to 1.200 px is checked by arithmetic in TestLayoutsKeepTextReadable,
// generator/echarts) and at 1366×900. Then the interactive view of
// each chart kind on a phone (360×640, mobile emulation): it opens without
// a console error, the page does not scroll sideways, the chart fits its
// card, and its tooltip and axes write numbers the page's language's way
// (an Indonesian page and an English one under /en/). Run by
// TestBrowser/charts (charts_browser_test.go) with SITE_URL (the site on
// 127.0.0.1) and CHROMIUM set; SHOT_DIR, if set, receives a screenshot of
// every chart at every width.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';


const SITE = process.env.SITE_URL;
const SHOTS = process.env.SHOT_DIR;
const R = 'dinas-sosial-sidoarjo/2021/';
// every page type that shows a chart
const PAGES = process.env.PAGES ? JSON.parse(process.env.PAGES) : [R, R + 'capaian/', R + 'anggaran/', R + 'efisiensi/', R + 'ringkasan-dprd/'];
// the same pages in English: other words, other lengths, the same checks
const EN_PAGES = PAGES.map((p) => 'en/' + p);
const MIN_PX = 11;

let browser;
before(async () => {
  assert.ok(SITE && SITE.startsWith('http://127.0.0.1:'), 'SITE_URL must be the site on 127.0.0.1');
  browser = await launchChromium();
});
after(async () => { await browser?.close(); });

// measureCharts runs in the page. For each chart it finds the drawing shown
// (an inline SVG, or the <symbol> that a displayed <use> shows) and lays
// that drawing out as a plain SVG over the same box, so that every text has
// a real box on screen. It returns, per chart, every text with its size as
// displayed (computed font size × the scale of its screen CTM) and box,
// the box of the drawing, and the box of the chart's card.
function measureCharts() {
  const charts = [];
  for (const box of document.querySelectorAll('figure.chart .chart-svg')) {
    const fig = box.closest('figure.chart');
    const svg = box.querySelector('svg');
    if (!svg) continue;
    const uses = [...svg.querySelectorAll('use')].filter((u) => getComputedStyle(u).display !== 'none' && u.getBoundingClientRect().width > 0);
    const drawings = [];
    if (uses.length === 0) {
      drawings.push({ root: svg, rect: svg.getBoundingClientRect(), layout: '', tmp: null });
    }
    for (const u of uses) {
      const sym = svg.querySelector(u.getAttribute('href'));
      const r = u.getBoundingClientRect();
      const tmp = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      tmp.setAttribute('viewBox', sym.getAttribute('viewBox'));
      tmp.setAttribute('preserveAspectRatio', sym.getAttribute('preserveAspectRatio') || 'xMidYMid meet');
      tmp.style.cssText = `position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px;pointer-events:none;opacity:0`;
      tmp.innerHTML = sym.innerHTML.replace(/\sid="[^"]*"/g, '');
      document.body.appendChild(tmp);
      drawings.push({ root: tmp, rect: r, layout: u.getAttribute('class'), tmp });
    }
    // the card: the figure's content box
    const card = fig.getBoundingClientRect();
    const cs = getComputedStyle(fig);
    for (const d of drawings) {
      const texts = [];
      for (const t of d.root.querySelectorAll('text')) {
        const s = t.textContent.trim();
        if (!s) continue;
        const m = t.getScreenCTM();
        const r = t.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        texts.push({ text: s.slice(0, 50), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
          box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom } });
      }
      charts.push({ id: fig.id, layout: d.layout, texts,
        drawing: { left: d.rect.left, right: d.rect.right, top: d.rect.top, bottom: d.rect.bottom, width: d.rect.width },
        card: { width: card.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth) } });
      d.tmp?.remove();
    }
  }
  return charts;
}

// overlap is the area two text boxes share, less a pixel of slack.
function overlap(a, b) {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) - 1;
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) - 1;
  return w > 0 && h > 0 ? w * h : 0;
}

async function check(viewport, name, pages = [...PAGES, ...EN_PAGES]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 600 ? 2 : 1 });
  const page = await context.newPage();
  const problems = [];
  let smallest = { px: Infinity };
  let n = 0;
  const layouts = new Set();
  for (const p of pages) {
    await page.goto(SITE + '/' + p);
    assert.equal(await page.evaluate(() => window.innerWidth), viewport.width, 'the layout viewport keeps its width');
    const charts = await page.evaluate(measureCharts);
    assert.ok(charts.length > 0, `/${p}: no chart`);
    for (const c of charts) {
      layouts.add(c.layout);
      const where = `/${p}#${c.id}${c.layout ? ' (' + c.layout + ')' : ''} at ${viewport.width} px`;
      assert.ok(c.texts.length > 0, `${where}: a chart without text`);
      for (const t of c.texts) {
        n++;
        if (t.px < smallest.px) smallest = { ...t, where };
        if (t.px < MIN_PX - 0.01) problems.push(`${where}: "${t.text}" is ${t.px.toFixed(2)} px`);
        const b = t.box;
        if (b.left < c.drawing.left - 1 || b.right > c.drawing.right + 1 || b.top < c.drawing.top - 1 || b.bottom > c.drawing.bottom + 1) {
          problems.push(`${where}: "${t.text}" is cut by the edge of the chart`);
        }
      }
      for (let i = 0; i < c.texts.length; i++) {
        for (let j = i + 1; j < c.texts.length; j++) {
          if (overlap(c.texts[i].box, c.texts[j].box) > 0) problems.push(`${where}: "${c.texts[i].text}" overlaps "${c.texts[j].text}"`);
        }
      }
      if (viewport.width >= 768 && c.drawing.width < 0.95 * c.card.width) {
        problems.push(`${where}: the drawing is ${Math.round(c.drawing.width)} px wide in a ${Math.round(c.card.width)} px card`);
      }
    }
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      const figs = page.locator('figure.chart .chart-svg');
      for (let i = 0; i < await figs.count(); i++) {
        const file = path.join(SHOTS, `grafik-${name}-${p.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'beranda'}-${i + 1}.png`);
        await figs.nth(i).screenshot({ path: file });
      }
    }
  }
  await context.close();
  console.log(`${name}: ${n} chart texts, the smallest ${smallest.px.toFixed(2)} px ("${smallest.text}", ${smallest.where}); drawings shown: ${[...layouts].join(', ')}`);
  const kinds = { small: problems.filter((x) => / px$/.test(x)).length, cut: problems.filter((x) => x.endsWith('cut by the edge of the chart')).length,
    overlap: problems.filter((x) => x.includes('" overlaps "')).length, narrow: problems.filter((x) => x.includes(' px card')).length };
  console.log(`${name}: problems ${JSON.stringify(kinds)}`);
  for (const x of problems.filter((x) => !/ px$/.test(x)).slice(0, 12)) console.log('  ' + x);
  return problems;
}

test('at 360×640 every chart text is at least 11 px, none cut or overlapping', async () => {
  assert.deepEqual(await check({ width: 360, height: 640 }, '360'), []);
});

test('at 768×1024 (tablet, upright) every chart text is at least 11 px and charts fill their card', async () => {
  // in Indonesian: the drawings are the same in English, whose longer
  // words are measured at 360 and 1366 px
  assert.deepEqual(await check({ width: 768, height: 1024 }, '768', PAGES), []);
});

test('at 1366×900 charts fill their card, no text cut or overlapping', async () => {
  assert.deepEqual(await check({ width: 1366, height: 900 }, '1366'), []);
});

// ---- the interactive view on a phone ----

// Numbers as each language writes them: the page's own way (one must show
// in a tooltip or on an axis) and the other language's (none may show).
const NUMBERS = {
  id: { own: /\d,\d+ %|\d %|Rp \d{1,3}(\.\d{3})+/, other: /\d%|\bIDR\b|\b(billion|million)\b|\d\.\d+%/ },
  en: { own: /\d\.\d+%|\d%|IDR \d{1,3}(,\d{3})+/, other: /\d %|\bRp\b|\b(miliar|juta)\b|\d,\d+ ?%/ },
};
// chart kinds whose tooltip or axis has a number that shows the language
// (the category chart counts whole indicators: 86 in both)
const SHOWS_LANGUAGE = ['utama', 'anggaran-program', 'capaian-penyerapan'];

// openInteractive clicks the chart's button, waits for ECharts to draw it,
// taps the first data point of the first series that has a tooltip (as a
// reader's finger would), and measures: the page's width, the card, the
// drawing, its texts and the tooltip's text.
async function openInteractive(page, figId) {
  await page.locator(`#${figId} .chart-interactive`).click();
  await page.waitForFunction((id) => {
    const box = document.querySelector(`#${id} .chart-svg`);
    return window.echarts && box && window.echarts.getInstanceByDom(box) && box.querySelector('svg text');
  }, figId, { timeout: 20000 });
  // the point to tap: the layout of the data item on screen
  const point = await page.evaluate((id) => {
    const box = document.querySelector(`#${id} .chart-svg`);
    box.scrollIntoView({ block: 'center' });
    const chart = window.echarts.getInstanceByDom(box);
    const option = chart.getOption();
    const r = box.querySelector('svg').getBoundingClientRect();
    for (let si = 0; si < option.series.length; si++) {
      const s = option.series[si];
      if (s.tooltip && s.tooltip.show === false) continue;
      const data = chart.getModel().getSeriesByIndex(si).getData();
      for (let di = 0; di < data.count(); di++) {
        // a bar's rectangle, a scatter point, or a line's symbol
        const l = data.getItemLayout(di) || data.getItemGraphicEl(di);
        if (!l) continue;
        const [x, y] = Array.isArray(l) ? l : l.width !== undefined ? [l.x + l.width / 2, l.y + l.height / 2] : [l.x, l.y];
        if (Number.isFinite(x) && Number.isFinite(y)) return { x: r.left + x, y: r.top + y };
      }
    }
    return null;
  }, figId);
  if (point) {
    await page.touchscreen.tap(point.x, point.y);
    await page.waitForTimeout(500);
  }
  return page.evaluate((id) => {
    const fig = document.getElementById(id);
    const box = fig.querySelector('.chart-svg');
    const tip = [...box.querySelectorAll('div')].filter((d) => getComputedStyle(d).position === 'absolute' && getComputedStyle(d).display !== 'none' && d.textContent.trim() && !d.querySelector('svg'));
    const svg = box.querySelector('svg');
    const cs = getComputedStyle(fig);
    const f = fig.getBoundingClientRect();
    const card = { left: f.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth), right: f.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth) };
    const s = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && t.getBoundingClientRect().width > 0)
      .map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent.trim(), left: r.left, right: r.right }; });
    return {
      lang: document.documentElement.lang,
      scrollWidth: document.documentElement.scrollWidth,
      card, drawing: { left: s.left, right: s.right, width: s.width },
      texts,
      tooltip: tip.map((d) => d.innerText.replace(/\s+/g, ' ').trim()).join(' | '),
      buttonHidden: fig.querySelector('.chart-actions').hidden,
    };
  }, figId);
}

// interactive opens the interactive view of every chart kind of kinds on
// pages (each kind once, on the first page that shows it) and returns the
// problems.
async function interactive(pages, want, kinds) {
  const problems = [];
  const seen = new Set();
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  for (const p of pages) {
    if (kinds.every((k) => seen.has(k))) break;
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(SITE + '/' + p);
    const ids = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.id));
    for (const id of ids) {
      const kind = await page.$eval(`#${id} .chart-svg`, (b) => b.getAttribute('data-options').replace(/^.*\/|\.json$/g, ''));
      if (seen.has(kind) || !kinds.includes(kind)) continue;
      seen.add(kind);
      const where = `/${p}#${id} (${want}, interactive at 360 px)`;
      const m = await openInteractive(page, id);
      console.log(`${where}: page ${m.scrollWidth} px wide, drawing ${Math.round(m.drawing.width)} px in a card of ${Math.round(m.card.right - m.card.left)} px; tooltip "${m.tooltip.slice(0, 120)}"`);
      if (m.lang !== want) problems.push(`${where}: the page's language is "${m.lang}"`);
      if (!m.buttonHidden) problems.push(`${where}: the button is still shown: the chart did not open`);
      if (m.scrollWidth > 360) problems.push(`${where}: the page scrolls sideways (${m.scrollWidth} px wide on a 360 px screen)`);
      if (m.drawing.left < m.card.left - 1 || m.drawing.right > m.card.right + 1) {
        problems.push(`${where}: the chart (${Math.round(m.drawing.left)}–${Math.round(m.drawing.right)} px) does not fit its card (${Math.round(m.card.left)}–${Math.round(m.card.right)} px)`);
      }
      for (const t of m.texts) {
        if (t.left < m.drawing.left - 1 || t.right > m.drawing.right + 1) problems.push(`${where}: "${t.text}" is cut by the edge of the chart`);
      }
      if (!m.tooltip) problems.push(`${where}: no tooltip`);
      if (/–\s?%/.test(m.tooltip)) problems.push(`${where}: a missing value written with a unit: "${m.tooltip.slice(0, 120)}"`);
      const shown = [m.tooltip, ...m.texts.map((t) => t.text)];
      for (const s of shown) {
        const other = s.match(NUMBERS[want].other);
        if (other) problems.push(`${where}: "${s.slice(0, 80)}" writes a number the other language's way ("${other[0]}")`);
      }
      if (SHOWS_LANGUAGE.includes(kind) && !shown.some((s) => NUMBERS[want].own.test(s))) {
        problems.push(`${where}: no number written the ${want} way in the tooltip or on the axes`);
      }
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.locator(`#${id}`).screenshot({ path: path.join(SHOTS, `grafik-interaktif-${want}-360-${kind}.png`) });
      }
    }
    for (const e of errors) problems.push(`/${p} (${want}): console error: ${e}`);
    await page.close();
  }
  for (const kind of kinds) {
    if (!seen.has(kind)) problems.push(`${want}: no page shows the chart ${kind}`);
  }
  await context.close();
  return problems;
}

test('at 360×640 the interactive view of every chart kind fits the phone, in Indonesian numbers', async () => {
  assert.deepEqual(await interactive(PAGES, 'id', ['utama', 'anggaran-program', 'capaian-penyerapan', 'kategori']), []);
});

test('at 360×640 the interactive view on an English page writes English numbers', async () => {
  const res = await fetch(SITE + '/' + EN_PAGES[0]);
  const body = res.ok ? await res.text() : '';
  assert.ok(/<html[^>]* lang="en"/.test(body) && /<figure class="chart"/.test(body), `/${EN_PAGES[0]}: no English page with a chart (${res.status})`);
  // the kinds whose tooltip or axes write numbers (the fit on a phone is
  // the Indonesian check's: the same drawing)
  assert.deepEqual(await interactive(EN_PAGES, 'en', SHOWS_LANGUAGE), []);
});
