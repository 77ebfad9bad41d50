// Drives the API page in Debian's Chromium as a person would: opens /apidocs with the token
// in the fragment (as the window's "Open API page" does), opens "POST /users", types a body,
// presses Execute, and prints the status the page shows.
// usage: node apidocs_browser.cjs NODE_MODULES_DIR BASE_URL TOKEN NAME SCREENSHOT.png
const path = require("path");
const { chromium } = require(path.join(process.argv[2], "playwright-core"));
const [base, token, name, screenshot] = process.argv.slice(3);

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${base}/apidocs#token=${encodeURIComponent(token)}`);
    const operation = "#operations-users-createUser";
    await page.waitForSelector(operation, { timeout: 20000 });
    await page.click(`${operation} .opblock-summary`);
    await page.fill(`${operation} textarea`, JSON.stringify({ name }));
    await page.click(`${operation} button.execute`);
    const cell = `${operation} .live-responses-table .response .response-col_status`;
    await page.waitForSelector(cell, { timeout: 20000 });
    console.log(`status ${(await page.textContent(cell)).trim()}`);
    await page.screenshot({ path: screenshot });
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
