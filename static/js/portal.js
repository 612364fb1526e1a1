// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("select[data-autosubmit]")) el.form.submit();
});
// A sortable column's header keeps its column-header role (aria-sort belongs there) and gets a button inside.
document.querySelectorAll("table[data-sortable] th[data-sort]").forEach((th) => {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "sort-button";
  button.append(...th.childNodes);
  th.append(button);
  const sort = () => {
    const table = th.closest("table");
    const body = table.tBodies[0];
    const index = Array.from(th.parentNode.children).indexOf(th);
    const numeric = th.dataset.sort === "number";
    const asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    const key = (row) => {
      const cell = row.children[index];
      const raw = cell.dataset.value ?? cell.textContent.trim();
      return numeric ? parseFloat(raw) || 0 : raw.toLocaleLowerCase("id");
    };
    const rows = Array.from(body.rows).sort((a, b) => {
      const x = key(a), y = key(b);
      return (x > y ? 1 : x < y ? -1 : 0) * (asc ? 1 : -1);
    });
    rows.forEach((row) => body.appendChild(row));
  };
  th.addEventListener("click", sort);  // the button's click (Enter, Space) comes up to its header cell
});

// A table wider (or longer) than its frame scrolls inside it: the frame becomes a named region that takes
// keyboard focus, so the arrow keys scroll it (WCAG 2.1.1); frames that fit stay out of the tab order.
const frameName = (wrap) => {
  const caption = wrap.querySelector("caption");
  const section = wrap.closest("section, .card, main");
  const heading = section && section.querySelector("h1, h2, h3");
  return (caption || heading || document.querySelector("h1") || {}).textContent?.trim() || document.title;
};
const markScrollableFrames = () => {
  document.querySelectorAll(".table-wrap").forEach((wrap) => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.dataset.madeFocusable = "";
      if (!wrap.hasAttribute("role")) wrap.setAttribute("role", "region");
      if (!wrap.hasAttribute("aria-label") && !wrap.hasAttribute("aria-labelledby")) wrap.setAttribute("aria-label", frameName(wrap));
    } else if (!scrolls && wrap.hasAttribute("data-made-focusable")) {
      wrap.removeAttribute("tabindex");
      delete wrap.dataset.madeFocusable;
    }
  });
};
markScrollableFrames();
window.addEventListener("resize", markScrollableFrames);
document.addEventListener("toggle", markScrollableFrames, true);  // a table opened in <details>
