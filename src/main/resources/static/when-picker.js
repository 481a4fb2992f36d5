// The content form's schedule picker: puts an anchor from the calendar, an offset and a
// time together into the words the "Thời điểm phát" field reads ("06:00, 1 ngày trước Kỷ
// niệm Ngày Quốc khánh nước CHXHCN Việt Nam 2027"). Without it, the field is typed.
document.addEventListener('DOMContentLoaded', () => {
  const apply = document.getElementById('pick-apply');
  const when = document.getElementById('when');
  if (!apply || !when) {
    return;
  }
  apply.addEventListener('click', () => {
    const anchor = document.getElementById('pick-anchor').value;
    const amount = parseInt(document.getElementById('pick-amount').value, 10) || 0;
    const unit = document.getElementById('pick-unit').value;
    const side = document.getElementById('pick-side').value;
    const time = document.getElementById('pick-time').value || '06:00';
    if (!anchor) {
      return;
    }
    when.value = (amount > 0) ? time + ', ' + amount + ' ' + unit + ' ' + side + ' ' + anchor
      : time + ' ' + anchor;
    when.focus();
  });
});
