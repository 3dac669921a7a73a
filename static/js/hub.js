// Tool comparison: say how many tools are chosen and stop at three.
// The form works without this (the comparison page explains a wrong choice);
// it only saves a visitor a round trip. The texts come translated from the page.
const MAX = 3;

for (const form of document.querySelectorAll("[data-compare-form]")) {
  const status = form.querySelector("[data-compare-status]");
  const boxes = [...form.querySelectorAll('input[name="vaerktoej"]')];
  const text = (name, n) => (form.dataset[name] || "").replace("{n}", n);
  const chosenCount = () => boxes.filter((box) => box.checked).length;

  const update = () => {
    const chosen = chosenCount();
    for (const box of boxes) {
      box.disabled = !box.checked && chosen >= MAX;
    }
    status.textContent = chosen === 0 ? "" : text(chosen < MAX ? "textChosen" : "textFull", chosen);
  };

  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    if (chosenCount() < 2) {
      event.preventDefault();
      status.textContent = text("textTooFew", chosenCount());
    }
  });
  update();
}
