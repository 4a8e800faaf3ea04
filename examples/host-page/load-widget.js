// Adds the chat widget the way a real page does (one <script src=".../widget.js" data-…> tag), with the chat
// server's address read from the page's ?server= (default http://127.0.0.1:7860), so the examples work whatever
// port the server listens on. The page's own tag gives the language and title: data-lang, data-title.
(() => {
  const own = document.currentScript.dataset;
  const server = new URLSearchParams(location.search).get("server") || "http://127.0.0.1:7860";
  const widget = document.createElement("script");
  widget.src = server.replace(/\/$/, "") + "/widget.js";
  Object.assign(widget.dataset, { lang: own.lang, position: "right", title: own.title });
  document.body.appendChild(widget);
})();
