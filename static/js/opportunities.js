// The opportunity listing without full reloads: a changed filter fetches the same
// page, swaps in its results and filter counts, and announces the new count.
// Without JavaScript the form's submit button and the links do the same work.

const form = document.querySelector("[data-filter-form]");
const announcer = document.querySelector("[data-announce]");

function listingUrl(params) {
  const query = params.toString();
  return form.action + (query ? `?${query}` : "");
}

function formUrl() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
  }
  return listingUrl(params);
}

function openFacets(root) {
  return new Set([...root.querySelectorAll("details[data-facet][open]")].map((el) => el.dataset.facet));
}

let pending = null;

async function update(url, { push = true, focusResults = false } = {}) {
  pending?.abort();
  pending = new AbortController();
  const results = document.querySelector("[data-results]");
  results.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const newForm = fresh.querySelector("[data-filter-form]");
    const newResults = fresh.querySelector("[data-results]");
    if (!newForm || !newResults) throw new Error("unexpected page");

    const focusedId = document.activeElement?.id;
    const stillOpen = openFacets(form);
    form.innerHTML = newForm.innerHTML;
    for (const details of form.querySelectorAll("details[data-facet]")) {
      if (stillOpen.has(details.dataset.facet)) details.open = true;
    }
    results.replaceWith(newResults);
    // The drawer's summary (outside the form) names the count too.
    const drawerCount = document.querySelector("[data-drawer-count]");
    const freshCount = fresh.querySelector("[data-drawer-count]");
    if (drawerCount && freshCount) drawerCount.textContent = freshCount.textContent;
    if (push) history.pushState({ listing: true }, "", url);

    const target = focusResults ? null : focusedId && document.getElementById(focusedId);
    if (target) target.focus();
    else newResults.focus();

    const count = newResults.querySelector("[data-result-count]")?.textContent.trim() ?? "";
    announcer.textContent = "";
    window.setTimeout(() => { announcer.textContent = count; }, 50);
  } catch (error) {
    if (error.name !== "AbortError") window.location.assign(url);
  }
}

if (form && announcer && window.fetch && window.DOMParser) {
  form.addEventListener("change", (event) => {
    // Free text waits for Enter or the button; every other control applies at once.
    if (event.target.name !== "q") update(formUrl());
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(formUrl());
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-listing-link], [data-results] .pagination a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    update(link.href, { focusResults: true });
  });
  window.addEventListener("popstate", () => update(window.location.href, { push: false }));
}
