// The screenshot scripts show the canvas as a returning visitor sees it: on the
// bare address a first visit's start card sits above the canvas, so they
// dismiss it the way a visitor does (its "Not now" button). No card: nothing to do.

export async function pastStartCard(page) {
  // The page renders after its run starts: the card, if any, is there once the page's frame is.
  await page.locator('.app').first().waitFor();
  const notNow = page.getByRole('button', { name: /Not now/ });
  if (await notNow.isVisible()) await notNow.click();
}
