(function () {
  "use strict";
  var body = document.body;
  var link = document.getElementById("link");
  var events = "/events" + location.search;
  var source = null;
  var wait = 1000;
  var warning = 0;
  var warned = "";

  // After a drop, say so only when it lasts: a stream that kompas renews
  // reconnects within a second and the room should not see a flash. Each
  // failed retry must not push the notice further away.
  function offline(key, later) {
    if (warned === key) { return; }
    warned = key;
    clearTimeout(warning);
    warning = setTimeout(function () {
      link.textContent = body.getAttribute(key);
      link.hidden = false;
    }, later);
  }
  function online() {
    clearTimeout(warning);
    warned = "";
    link.hidden = true;
    wait = 1000;
  }

  // On a wide screen (the projector) the board is scaled to fill the
  // screen: larger type when there is little on it, smaller (down to half)
  // when there is much. A phone scrolls instead.
  function fit() {
    var root = document.documentElement;
    root.style.removeProperty("--fit");
    if (900 > innerWidth) { return; }
    var low = 0.5, high = 1.6;
    for (var i = 0; 8 > i; i += 1) {
      var mid = (low + high) / 2;
      root.style.setProperty("--fit", String(mid));
      if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1) { high = mid; } else { low = mid; }
    }
    root.style.setProperty("--fit", String(low));
  }

  function swap(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    var next = t.content.firstElementChild;
    var main = document.getElementById("room");
    if (next === null || main === null) { return; }
    main.replaceWith(next);
    document.title = next.getAttribute("data-title") || document.title;
    fit();
  }

  function retry() {
    setTimeout(check, wait);
    wait = Math.min(wait * 2, 10000);
  }

  // The stream was refused: either kompas is away (try again) or it was
  // restarted with a new code for this address (403: the link is spent).
  function check() {
    fetch(location.href, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.status === 403) {
        offline("data-expired", 0);
        setTimeout(check, 10000);
      } else {
        connect();
      }
    }, retry);
  }

  function connect() {
    source = new EventSource(events);
    source.addEventListener("view", function (e) {
      online();
      swap(e.data);
    });
    source.onopen = online;
    source.onerror = function () {
      offline("data-offline", 3000);
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        retry();
      }
    };
  }

  addEventListener("resize", fit);
  fit();
  connect();
}());
