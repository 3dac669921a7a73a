// Enhancements for the intake forms. Every form works without this file.

// After a rejected submission, move focus to the list of problems so that
// keyboard and screen-reader users start there.
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
}

// A second click on "send" while the first is on its way does nothing; the
// server would recognise the duplicate anyway, but the person sees one receipt.
for (const form of document.querySelectorAll("form[data-intake]")) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "true";
  });
}

// "Bestil en frivillig": choosing municipality and activity shows the
// organisations at once, instead of after the "Vis organisationer" button.
const choice = document.querySelector("[data-referral-choice]");
const KEEP_OUT = new Set(["csrfmiddlewaretoken", "idempotency_token", "started", "website",
  "municipality", "activity", "organisation"]);

function carryOver(typed, form) {
  for (const [name, value] of typed) {
    if (KEEP_OUT.has(name)) continue;
    for (const field of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = field.checked || field.value === value;
      } else {
        field.value = value;
      }
    }
  }
}

async function showOrganisations() {
  const params = new URLSearchParams(new FormData(choice));
  if (!params.get("municipality") || !params.get("activity")) return;
  const response = await fetch(`${choice.action}?${params}`, { credentials: "same-origin" });
  if (!response.ok) return;
  const fresh = new DOMParser()
    .parseFromString(await response.text(), "text/html")
    .getElementById("referral-details");
  const current = document.getElementById("referral-details");
  if (!fresh || !current) return;
  const oldForm = current.querySelector("form[data-intake]");
  const typed = oldForm ? [...new FormData(oldForm)] : [];
  current.replaceChildren(...[...fresh.childNodes].map((node) => document.adoptNode(node)));
  const newForm = current.querySelector("form[data-intake]");
  if (newForm) carryOver(typed, newForm);
  history.replaceState(null, "", `?${params}`);
  const count = current.querySelector("[data-organisation-count]");
  const status = document.querySelector("[data-choice-status]");
  if (status && count) {
    const n = Number(count.dataset.organisationCount);
    status.textContent = n === 1 ? "1 organisation fundet" : `${n} organisationer fundet`;
  }
}

if (choice) {
  choice.addEventListener("change", () => {
    showOrganisations().catch(() => {
      // The button still works; nothing to do.
    });
  });
}
