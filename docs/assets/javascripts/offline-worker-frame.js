/* EcoLeap Production, offline copy only: runs inside the hidden iframe that stands in for a Web
   Worker (see offline-worker.js) and gives the worker script the worker's global functions. */
(function () {
  "use strict";
  var WORKER = document.body.getAttribute("data-worker");
  /* Material's search worker finds its own URL as the frame's first script: leave it that. */
  document.currentScript.remove();
  window.postMessage = function (data) { window.parent.postMessage(data, "*"); };
  /* Loads scripts one after another; the search worker waits for the returned promise. */
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          script.onerror = reject;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (event) {
    window.parent.dispatchEvent(new ErrorEvent("error", { message: event.message, filename: WORKER, error: event.error }));
  });
})();
