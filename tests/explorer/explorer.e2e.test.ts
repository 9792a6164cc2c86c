// The explorer page, end to end in headless Chromium against the seed graph:
// the steps an analyst takes first. Expected answers come from the store, so
// the page is checked against the graph, not against a copy of it.
// Screenshots go to test-results/explorer/.

import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShortestPath } from '../../src/store/queries/shortest-path.js';
import { seedGraph } from '../seed-graph.js';
import { CHROMIUM, launchChromium } from './browser.js';
import { ARTIFACTS, clickGraphAt, holdStill, nodePosition, pick } from './page.js';
import { serveExplorer, type ServedExplorer } from './serve-explorer.js';

const MA = 'person:ma-shuliang';
const THUC = 'person:nguyen-trung-thuc';

describe.skipIf(!CHROMIUM)('the explorer in Chromium', () => {
  const kg = seedGraph();
  let served: ServedExplorer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveExplorer(kg);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(served.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('searches "Ma Shuliang", draws his neighbourhood and shows the evidence of an edge and of the node', async () => {
    await pick(page, '#search', 'Ma Shuliang', MA);
    await page.waitForSelector(`#panel article.entity[data-id="${MA}"]`);
    await holdStill(page);

    // an inferred edge on the canvas: the panel shows why it is believed
    const signed = kg.relationsOf(MA, 'OUT', ['SIGNED'])[0]!;
    expect(signed.stated).toBe(false);
    const [a, b] = [await nodePosition(page, signed.from), await nodePosition(page, signed.to)];
    await clickGraphAt(page, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    const relationPanel = page.locator(`#panel article.relation[data-id="${signed.id}"]`);
    await relationPanel.waitFor();
    expect(await relationPanel.locator('.badge.inferred').count()).toBe(1);
    expect(await relationPanel.locator('.inference').textContent()).toBe(`Inferred: ${signed.inference}`);

    // the node on the canvas: its evidence, quote by quote, with the article
    // (after sigma's double-click window, or the second click reads as a double click: expand)
    await page.waitForTimeout(400);
    await clickGraphAt(page, await nodePosition(page, MA));
    const entityPanel = page.locator(`#panel article.entity[data-id="${MA}"]`);
    await entityPanel.waitFor();
    const person = kg.getEntity(MA);
    expect(await entityPanel.locator('.evidence blockquote').allTextContents()).toEqual(person.evidence.map((e) => e.quote));
    const article = kg.getEntity(person.evidence[0]!.article);
    expect(await entityPanel.locator('.evidence .source').first().textContent()).toBe(`${article.name} · ${article.attributes.publishedOn as string}`);
    // relations grouped by type
    const types = [...new Set(kg.relationsOf(MA).map((r) => r.type))].map((t) => t.toLowerCase().replace(/_/g, ' '));
    expect((await entityPanel.locator('.relation-group h4').allTextContents()).map((t) => t.replace(/ \(\d+\)$/, '')).sort()).toEqual(types.sort());
    await page.screenshot({ path: `${ARTIFACTS}/1-ma-shuliang.png` });
  });

  it('draws the path between Ma Shuliang and Nguyen Trung Thuc', async () => {
    await page.click('#path-tool summary');
    await pick(page, '#path-from', 'Ma Shuliang', MA);
    await pick(page, '#path-to', 'Nguyen Trung Thuc', THUC);
    await page.click('#path-go');
    const panel = page.locator('#panel article.path');
    await panel.waitFor();

    const expected = findShortestPath(kg, MA, THUC, { direction: 'ANY' })!;
    expect(await panel.locator('h2').textContent()).toBe(`Path: ${expected.length} steps`);
    const steps = panel.locator('ol.steps > li');
    expect(await steps.count()).toBe(expected.length);
    expect(await steps.first().locator('.entity-link').first().getAttribute('data-id')).toBe(MA);
    expect(await steps.last().locator('.entity-link').last().getAttribute('data-id')).toBe(THUC);
    const drawn = await page.evaluate(
      (ids) => ids.every((id) => window.coopgraphExplorer.hasNode(id)),
      expected.nodes.map((n) => n.id),
    );
    expect(drawn).toBe(true);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${ARTIFACTS}/2-path.png` });
  });

  it('lists who signed which MoU, with the 9th MoU\'s inferred signatories', async () => {
    await page.click('#tab-mous');
    await page.waitForSelector('table.mous');
    const ninth = kg.entities(['Agreement']).find((a) => a.attributes.agreementType === 'MOU' && a.attributes.ordinal === 9)!;
    const signatures = kg.relationsOf(ninth.id, 'IN', ['SIGNED']);
    const inferred = signatures.filter((r) => !r.stated);
    expect(inferred.length).toBeGreaterThan(0);

    const row = page.locator(`table.mous tr[data-id="${ninth.id}"]`);
    expect(await row.locator('li.signatory.inferred').count()).toBe(inferred.length);
    for (const signature of inferred) {
      const item = row.locator('li.signatory.inferred', { has: page.locator(`.entity-link[data-id="${signature.from}"]`) });
      expect(await item.locator('.badge.inferred').textContent()).toBe('inferred');
      expect(await item.locator('.inference').textContent()).toBe(signature.inference);
    }
    expect(await page.locator('table.mous tbody tr').count()).toBe(kg.entities(['Agreement']).filter((a) => a.attributes.agreementType === 'MOU').length);
    await page.screenshot({ path: `${ARTIFACTS}/3-mous.png` });

    // a name links into the graph
    await row.locator(`li.signatory .entity-link[data-id="${inferred[0]!.from}"]`).first().click();
    await page.waitForSelector(`#panel article.entity[data-id="${inferred[0]!.from}"]`);
    expect(await page.locator('#graph-view').isVisible()).toBe(true);
  });

  it('says what went wrong when the API refuses', async () => {
    await page.evaluate(() => (location.hash = ''));
    await page.goto(`${served.url}#person:nobody-at-all`);
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toMatch(/NOT_FOUND/);
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
