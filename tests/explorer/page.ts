// Driving the explorer page from a test: search boxes, clicks on the canvas,
// and the page's automation hook (window.coopgraphExplorer).

import type { Page } from 'playwright-core';

export const ARTIFACTS = 'test-results/explorer';

/** What the page exposes for automation (src/explorer/main.ts). */
export interface Automation {
  nodeCount: number;
  layoutRunning: boolean;
  expand(id: string): Promise<void>;
  stopLayout(): void;
  hasNode(id: string): boolean;
  nodePosition(id: string): { x: number; y: number } | undefined;
}

declare global {
  interface Window {
    coopgraphExplorer: Automation;
  }
}

/** Types into a search box and picks the hit with this id. */
export async function pick(page: Page, input: string, text: string, id: string): Promise<void> {
  await page.fill(input, text);
  await page.locator(`${input}-hits li[data-id="${id}"]`).click();
}

/** Clicks a point of the graph given in the canvas's pixels. */
export async function clickGraphAt(page: Page, point: { x: number; y: number }): Promise<void> {
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('the graph is not on the page');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** Holds the layout still and waits out the camera's animation. */
export async function holdStill(page: Page): Promise<void> {
  await page.evaluate(() => window.coopgraphExplorer.stopLayout());
  await page.waitForTimeout(600);
}

/** Where a node is drawn, in the canvas's pixels. */
export function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((node) => {
    const at = window.coopgraphExplorer.nodePosition(node);
    if (!at) throw new Error(`${node} is not drawn`);
    return at;
  }, id);
}

/** Frames the page draws a second, counted over `ms`. */
export function framesPerSecond(page: Page, ms = 2_000): Promise<number> {
  return page.evaluate(
    (span) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          if (now - start < span) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}
