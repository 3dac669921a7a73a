// Title suggestions for the search box: an ARIA combobox over a working form.
// Without JavaScript the box is a plain GET form to /soeg/.
const DELAY_MS = 150;

function loadStylesheet(href) {
  if (!href || document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

function enhance(input) {
  const url = input.dataset.suggestUrl;
  const listbox = document.createElement("ul");
  const status = document.createElement("div");
  listbox.id = `${input.id}-forslag`;
  listbox.className = "search-suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", input.dataset.suggestLabel || "Forslag");
  listbox.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.after(listbox, status);
  input.parentElement.classList.add("has-suggestions");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  let results = [];
  let active = -1;
  let timer = null;
  let request = null;

  const options = () => [...listbox.querySelectorAll("[role=option]")];

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function activate(index) {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  function render() {
    listbox.replaceChildren(
      ...results.map((result, i) => {
        const option = document.createElement("li");
        const type = document.createElement("span");
        option.id = `${listbox.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = result.title;
        type.className = "search-suggestions__type";
        type.textContent = result.type;
        option.append(" ", type);
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => window.location.assign(result.url));
        return option;
      }),
    );
    active = -1;
    input.removeAttribute("aria-activedescendant");
    listbox.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(results.length > 0));
    const template = input.dataset.suggestStatus || "{n} forslag";
    status.textContent = results.length ? template.replace("{n}", results.length) : "";
  }

  async function fetchSuggestions() {
    request?.abort();
    const query = input.value.trim();
    if (query.length < 2) {
      results = [];
      render();
      return;
    }
    request = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
        signal: request.signal,
        headers: { Accept: "application/json" },
      });
      results = response.ok ? (await response.json()).results : [];
    } catch (error) {
      if (error.name === "AbortError") return;
      results = [];
    }
    render();
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (listbox.hidden && results.length) render();
      if (!results.length) return;
      event.preventDefault();
      activate(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
      event.preventDefault();
      window.location.assign(results[active].url);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
}

const inputs = document.querySelectorAll("input[data-suggest-url]");
inputs.forEach((input) => {
  loadStylesheet(input.dataset.suggestStylesheet);
  enhance(input);
});
