// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("select[data-autosubmit]")) el.form.submit();
});
document.querySelectorAll("table[data-sortable] th[data-sort]").forEach((th) => {
  th.tabIndex = 0;
  th.setAttribute("role", "button");
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
  th.addEventListener("click", sort);
  th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
});
