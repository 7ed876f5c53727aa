# Real-browser tests (headless Chromium via Playwright) of the built site, at phone and desktop widths.
