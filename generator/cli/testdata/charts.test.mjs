// Chart legibility in Debian's Chromium, driven by playwright-core: every
// text of every chart drawing a page shows, measured at a real 360×640
// screen (no isMobile: the layout viewport stays 360 px wide) and at
// 1366×900. Run by TestChartsReadable (charts_browser_test.go) with
// SITE_URL (the site on 127.0.0.1) and CHROMIUM set; SHOT_DIR, if set,
// receives a screenshot of every chart at both widths.
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

async function check(viewport, name) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 600 ? 2 : 1 });
  const page = await context.newPage();
  const problems = [];
  let smallest = { px: Infinity };
  let n = 0;
  for (const p of PAGES) {
    await page.goto(SITE + '/' + p);
    assert.equal(await page.evaluate(() => window.innerWidth), viewport.width, 'the layout viewport keeps its width');
    const charts = await page.evaluate(measureCharts);
    assert.ok(charts.length > 0, `/${p}: no chart`);
    for (const c of charts) {
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
      if (viewport.width >= 1024 && c.drawing.width < 0.95 * c.card.width) {
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
  console.log(`${name}: ${n} chart texts, the smallest ${smallest.px.toFixed(2)} px ("${smallest.text}", ${smallest.where})`);
  const kinds = { small: problems.filter((x) => / px$/.test(x)).length, cut: problems.filter((x) => x.endsWith('cut by the edge of the chart')).length,
    overlap: problems.filter((x) => x.includes('" overlaps "')).length, narrow: problems.filter((x) => x.includes(' px card')).length };
  console.log(`${name}: problems ${JSON.stringify(kinds)}`);
  for (const x of problems.filter((x) => !/ px$/.test(x)).slice(0, 12)) console.log('  ' + x);
  return problems;
}

test('at 360×640 every chart text is at least 11 px, none cut or overlapping', async () => {
  assert.deepEqual(await check({ width: 360, height: 640 }, '360'), []);
});

test('at 1366×900 charts fill their card, no text cut or overlapping', async () => {
  assert.deepEqual(await check({ width: 1366, height: 900 }, '1366'), []);
});
