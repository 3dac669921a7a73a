// Small enhancements of working HTML, on every page. Each does nothing where
// its markup is missing, and the page works the same without it.

// Filter drawer: CSS shows the filters beside the results on a wide screen even
// while the <details> is closed; browsers without ::details-content get it open.
const WIDE = window.matchMedia("(min-width: 52rem)");

for (const drawer of document.querySelectorAll("[data-filter-drawer]")) {
  const openWhenWide = () => { if (WIDE.matches) drawer.open = true; };
  openWhenWide();
  WIDE.addEventListener("change", openWhenWide);
  // A listing that updates in place (opportunities.js) keeps the page: on a
  // phone, applying closes the drawer so the visitor sees the results.
  drawer.addEventListener("submit", () => {
    if (!WIDE.matches) drawer.open = false;
  });
}

// Share: the link is always there to copy; the phone's own share sheet is
// offered where the browser has one.
for (const share of document.querySelectorAll("[data-share]")) {
  const button = share.querySelector("[data-share-button]");
  const field = share.querySelector("[data-share-url]");
  field?.addEventListener("focus", () => field.select());
  if (!button || typeof navigator.share !== "function") continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.share({ title: share.dataset.shareTitle || document.title, url: field.value });
    } catch (error) {
      // Closing the share sheet is not an error worth showing.
      if (error.name !== "AbortError") field.focus();
    }
  });
}
