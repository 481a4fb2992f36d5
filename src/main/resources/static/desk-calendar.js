// The desk calendar: drag an item to another day of the month or week grid to move it
// there (the same time of day). The server applies the same review as an edit and says
// what happened; without this script, an item's day is changed in its form.
(function () {
  'use strict';
  var form = document.getElementById('move');
  if (!form) {
    return;
  }
  var dragged = null;
  document.querySelectorAll('li.item[draggable="true"]').forEach(function (item) {
    item.addEventListener('dragstart', function (event) {
      dragged = item.getAttribute('data-id');
      event.dataTransfer.setData('text/plain', dragged);
      event.dataTransfer.effectAllowed = 'move';
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', function () {
      item.classList.remove('dragging');
      dragged = null;
      document.querySelectorAll('td.drop').forEach(function (cell) { cell.classList.remove('drop'); });
    });
  });
  document.querySelectorAll('td[data-date]').forEach(function (cell) {
    cell.addEventListener('dragover', function (event) {
      if (dragged !== null) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        cell.classList.add('drop');
      }
    });
    cell.addEventListener('dragleave', function () {
      cell.classList.remove('drop');
    });
    cell.addEventListener('drop', function (event) {
      event.preventDefault();
      var id = event.dataTransfer.getData('text/plain') || dragged;
      if (!id) {
        return;
      }
      form.querySelector('input[name="id"]').value = id;
      form.querySelector('input[name="date"]').value = cell.getAttribute('data-date');
      form.submit();
    });
  });
}());
