// widget_check.js — drives a real browser through a notebook with a widget
// cell: runs every cell, moves the first slider to its end, checks that the
// figure is redrawn, clicks Done and checks that the cell ends with a PNG.
// Run by scripts/browser/widget_check.sh; needs playwright-core (npm) and
// Debian's chromium.
const { chromium } = require('playwright-core');
const url = process.env.NOTEBOOK_URL;
let page;
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel &&
    Jupyter.notebook.kernel.is_connected(), null, { timeout: 60000 });
  // A fresh kernel connection (as after opening a notebook by hand and
  // restarting it) makes GoNB's widget channel reliable.
  await page.evaluate(() => new Promise(r => Jupyter.notebook.kernel.restart(() => r())));
  await page.waitForTimeout(5000);
  await page.waitForFunction(() => Jupyter.notebook.kernel.is_connected(), null, { timeout: 60000 });
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  console.log('running all cells');
  await page.waitForSelector('input[type=range]', { timeout: 300000 });
  const img = 'div.receptive-interactive img';
  await page.waitForSelector(img, { timeout: 120000 });
  const before = await page.$eval(img, e => e.src);
  console.log('the interactive figure is shown');
  await page.waitForTimeout(5000); // let the widgets' websocket to the kernel open
  const slider = (await page.$$('input[type=range]'))[0];
  await slider.focus();
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  await slider.evaluate(e => e.blur());
  console.log('moved the first slider to its end');
  await page.screenshot({ path: process.env.SCREENSHOT || 'widget_check.png', fullPage: false });
  await page.waitForFunction(([s, sel]) => { const i = document.querySelector(sel); return i && i.src !== s; },
    [before, img], { timeout: 60000 });
  console.log('ok: the figure was redrawn after moving the slider');
  for (const b of await page.$$('button')) {
    if ((await b.innerText()).trim() === 'Done') { await b.click(); break; }
  }
  await page.waitForFunction(() => !Jupyter.notebook.kernel_busy &&
    Jupyter.notebook.get_cells().every(c => c.element.find('.input_prompt').text().indexOf('*') < 0),
    null, { timeout: 300000 });
  const kept = await page.evaluate(() => Jupyter.notebook.get_cells().some(c => c.output_area &&
    c.get_text().indexOf('notebook.Interactive(') >= 0 &&
    c.output_area.outputs.some(o => o.data && o.data['image/png'])));
  if (!kept) throw new Error('the widget cell did not end with its last figure as image/png');
  console.log('ok: Done ended the cell and kept the last figure');
  await page.screenshot({ path: process.env.SCREENSHOT || 'widget_check.png', fullPage: false });
  await browser.close();
})().catch(async e => {
  console.error('FAILED:', e.message);
  if (page) await page.screenshot({ path: process.env.SCREENSHOT || 'widget_check.png' }).catch(() => {});
  process.exit(1);
});
