// The print button of the radio sheet: pages carry no inline script (Content-Security-Policy).
document.addEventListener('DOMContentLoaded', function () {
	document.querySelectorAll('[data-print]').forEach(function (button) {
		button.addEventListener('click', function () {
			window.print();
		});
	});
});
