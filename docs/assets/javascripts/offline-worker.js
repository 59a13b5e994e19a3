/* EcoLeap Production, offline copy only: loaded when the site is built with Material's offline
   plugin (`make downloads`) and opened from file://.

   Browsers refuse to start a Web Worker from a file:// page, so Material's search worker runs in
   a hidden iframe instead. The idea and the interface are those of iframe-worker by Martin Donath
   (MIT licence, https://github.com/squidfunk/iframe-worker), which the offline plugin would load
   from a CDN. This version needs no inline script in the iframe, so the pages'
   Content-Security-Policy (scripts from the site's own files only) stays as it is, and it makes
   no request to a third party. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.EventTarget) { return; }
  var FRAME_SCRIPT = new URL("offline-worker-frame.js", document.currentScript.src).href;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(String(url), document.baseURI).href;
      this.onmessage = null;
      this.onerror = null;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "search";
      document.body.appendChild(frame);
      this.frame = frame;
      this.receive = this.receive.bind(this);
      this.fail = this.fail.bind(this);
      window.addEventListener("message", this.receive);
      window.addEventListener("error", this.fail);
      var doc = frame.contentWindow.document;
      doc.open();
      doc.write('<!doctype html><html><body data-worker="' + this.url + '">' +
        '<script src="' + FRAME_SCRIPT + '"></script><script src="' + this.url + '"></script></body></html>');
      doc.close();
      /* After close(): opening the document removes the frame window's listeners. */
      this.ready = new Promise(function (resolve) { frame.contentWindow.addEventListener("load", resolve); });
    }
    receive(event) {
      if (!this.frame || event.source !== this.frame.contentWindow) { return; }
      var message = new MessageEvent("message", { data: event.data });
      this.dispatchEvent(message);
      if (this.onmessage) { this.onmessage(message); }
    }
    fail(event) {
      if (event.filename !== this.url) { return; }
      var error = new ErrorEvent("error", { message: event.message, filename: event.filename, error: event.error });
      this.dispatchEvent(error);
      if (this.onerror) { this.onerror(error); }
    }
    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        if (frame.contentWindow) { frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) })); }
      });
    }
    terminate() {
      window.removeEventListener("message", this.receive);
      window.removeEventListener("error", this.fail);
      if (this.frame) { this.frame.remove(); }
      this.frame = null;
    }
  }

  window.IFrameWorker = FrameWorker;  /* the search worker looks for this name */
  window.Worker = FrameWorker;
})();
