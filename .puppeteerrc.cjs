// The machines that run duban cannot download a browser; duban finds an installed
// Chrome/Chromium/Edge itself (see pipeline/render/html/browser.ts).
module.exports = { skipDownload: true };
