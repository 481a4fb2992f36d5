// On a phone Loa's tables are lists of cards (see loa.css): each cell then says which
// column it is in, taken from the table's own headings. Without this script the cards show
// their values alone.
document.querySelectorAll('main table:not(.month):not(.rundown)').forEach((table) => {
  const headings = [...table.querySelectorAll('thead tr:last-child th')].map((th) => th.textContent.trim());
  if (headings.length === 0) {
    return;
  }
  table.querySelectorAll('tbody tr').forEach((row) => {
    let column = 0;
    for (const cell of row.children) {
      if (!cell.hasAttribute('data-label')) {
        cell.setAttribute('data-label', headings[column] ?? '');
      }
      column += cell.colSpan || 1;
    }
  });
});
