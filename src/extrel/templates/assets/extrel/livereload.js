/* extrel serve: MkDocs' live reload as a file. MkDocs' own is an inline script, which the
   page's Content-Security-Policy refuses; this one asks the preview server for its build
   number, then waits for a newer one and reloads the page. Only `extrel serve` loads it. */
(function () {
  "use strict";
  var id = String(Date.now()) + String(Math.floor(Math.random() * 1000));
  function poll(epoch) {
    var req = new XMLHttpRequest();
    req.onloadend = function () {
      var now = parseFloat(this.responseText);
      if (epoch !== null && now > epoch) {
        window.location.reload();
        return;
      }
      var next = isNaN(now) ? epoch : now;
      window.setTimeout(function () { poll(next); }, this.status === 200 ? 0 : 3000);
    };
    req.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/" + id);
    req.send();
  }
  poll(null);
})();
