// /indlejr/: a changed choice fetches the same page and swaps in its preview and
// code; the copy button puts the code on the clipboard. Without JavaScript the
// form's submit button renders the same page, and the code is copied by hand.

const form = document.querySelector("[data-embed-form]");
const status = document.querySelector("[data-embed-status]");

function announce(text) {
  status.textContent = "";
  // A pause, so a screen reader notices the same message twice in a row.
  window.setTimeout(() => { status.textContent = text; }, 50);
}

function showCopyButton() {
  const button = document.querySelector("[data-copy-code]");
  if (button && (navigator.clipboard || document.queryCommandSupported?.("copy"))) {
    button.hidden = false;
  }
}

function formUrl() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
  }
  const query = params.toString();
  return form.action + (query ? `?${query}` : "");
}

let pending = null;

async function update(url) {
  pending?.abort();
  pending = new AbortController();
  try {
    const response = await fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const newForm = fresh.querySelector("[data-embed-form]");
    const newResult = fresh.querySelector("[data-embed-result]");
    if (!newForm || !newResult) throw new Error("unexpected page");
    // Choices changed while this was on its way: its form would undo what was typed since,
    // and the change event of those choices fetches their own page.
    if (formUrl() !== url) return;

    const focusedId = document.activeElement?.id;
    form.innerHTML = newForm.innerHTML;
    document.querySelector("[data-embed-result]").replaceWith(newResult);
    if (focusedId) document.getElementById(focusedId)?.focus();
    history.replaceState(null, "", url);
    showCopyButton();
    announce(status.dataset.updated);
  } catch (error) {
    if (error.name !== "AbortError") window.location.assign(url);
  }
}

async function copyCode() {
  const code = document.querySelector("[data-embed-code]");
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(code.value);
    } else {
      code.select();
      if (!document.execCommand("copy")) throw new Error("copy refused");
    }
    announce(status.dataset.copied);
  } catch {
    code.focus();
    code.select();
    announce(status.dataset.copyFailed);
  }
}

if (form && status) {
  showCopyButton();
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-copy-code]")) copyCode();
  });
  if (window.fetch && window.DOMParser) {
    form.addEventListener("change", () => update(formUrl()));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      update(formUrl());
    });
  }
}
