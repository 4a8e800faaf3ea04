/* reportqa widget: <script src="https://chat.example.be/widget.js" data-lang="fr" data-position="right"
   data-title="Questions sur le rapport"></script> adds a floating button that opens the chat in an iframe.
   It loads nothing from elsewhere: the iframe comes from the same server as this script. */
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || window.__reportqaWidget) return;
  window.__reportqaWidget = true;
  const origin = new URL(script.src, document.baseURI).origin;
  const lang = (script.dataset.lang || "auto").toLowerCase();
  const side = script.dataset.position === "left" ? "left" : "right";
  const title = script.dataset.title || (lang === "nl" ? "Vragen over het activiteitenverslag" : "Questions sur le rapport d'activité");

  const button = document.createElement("button");
  button.type = "button";
  button.id = "reportqa-button";
  button.textContent = title;
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = `position:fixed;bottom:20px;${side}:20px;z-index:2147483000;padding:12px 16px;` +
    "border:0;border-radius:24px;background:#1f4e79;color:#fff;font:14px system-ui,sans-serif;" +
    "box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer;max-width:280px";

  const frame = document.createElement("iframe");
  frame.id = "reportqa-frame";
  frame.title = title;
  frame.src = `${origin}/embed?lang=${encodeURIComponent(lang)}`;
  frame.style.cssText = `position:fixed;bottom:76px;${side}:20px;z-index:2147483000;width:380px;height:600px;` +
    "max-width:calc(100vw - 40px);max-height:calc(100vh - 100px);border:1px solid #d0d7de;border-radius:12px;" +
    "box-shadow:0 4px 16px rgba(0,0,0,.25);background:#fff;display:none";

  button.addEventListener("click", () => {
    const open = frame.style.display === "none";
    frame.style.display = open ? "block" : "none";
    button.setAttribute("aria-expanded", String(open));
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
