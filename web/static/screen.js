// Polls the screen's data and updates the figures in place (no reload, no libraries).
(function () {
  "use strict";
  var body = document.body;
  var url = body.getAttribute("data-url");
  var every = parseInt(body.getAttribute("data-poll"), 10) || 2500;
  var offline = document.querySelector(".offline");

  function row(cells) {
    var li = document.createElement("li");
    var left = document.createElement("span");
    var right = document.createElement("b");
    left.textContent = cells[0];
    right.textContent = cells[1];
    if (cells[2]) { li.className = cells[2]; }
    li.appendChild(left);
    li.appendChild(right);
    return li;
  }

  function apply(data) {
    Object.keys(data.figures).forEach(function (key) {
      var el = document.querySelector('[data-f="' + key + '"]');
      if (el && el.textContent !== data.figures[key]) { el.textContent = data.figures[key]; }
    });
    Object.keys(data.lists).forEach(function (key) {
      var ul = document.querySelector('[data-list="' + key + '"]');
      if (!ul) { return; }
      var rows = data.lists[key];
      var fresh = document.createDocumentFragment();
      if (!rows.length) {
        fresh.appendChild(row([ul.getAttribute("data-empty"), ""]));
        fresh.firstChild.className = "empty";
      }
      rows.forEach(function (cells) { fresh.appendChild(row(cells)); });
      ul.replaceChildren(fresh);
    });
  }

  function tick() {
    fetch(url, { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) { offline.hidden = true; apply(data); })
      .catch(function () { offline.hidden = false; })
      .then(function () { setTimeout(tick, every); });
  }

  setTimeout(tick, every);
})();
