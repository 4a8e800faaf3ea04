/* reportqa widget: <script src="https://chat.example.be/widget.js" data-lang="fr" data-position="right"
   data-title="Questions sur le rapport"></script> adds a floating button that opens the chat in a panel (a title,
   a close button, the chat in an iframe). It loads nothing from elsewhere: the iframe comes from the same server
   as this script. When the server does not allow this site to frame the chat, the panel says so. */
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || window.__reportqaWidget) return;
  window.__reportqaWidget = true;
  const origin = new URL(script.src, document.baseURI).origin;
  const lang = (script.dataset.lang || "auto").toLowerCase();
  const side = script.dataset.position === "left" ? "left" : "right";
  const pageLang = lang === "auto" ? (document.documentElement.lang || navigator.language || "fr").slice(0, 2) : lang;
  const words = {
    fr: { title: "Questions sur le rapport d'activité", close: "Fermer",
          refused: "Le chat ne peut pas s'afficher sur cette page : le serveur du chat n'autorise pas ce site. " +
                   "Le responsable du site doit ajouter son adresse ({site}) au réglage REPORTQA_EMBED_ORIGINS du serveur." },
    nl: { title: "Vragen over het activiteitenverslag", close: "Sluiten",
          refused: "De chat kan niet op deze pagina verschijnen: de server van de chat laat deze site niet toe. " +
                   "De beheerder van de site moet het adres ({site}) toevoegen aan de instelling REPORTQA_EMBED_ORIGINS van de server." },
    en: { title: "Questions on the activity report", close: "Close",
          refused: "The chat cannot be shown on this page: the chat's server does not allow this site. " +
                   "The site's owner must add its address ({site}) to the server's REPORTQA_EMBED_ORIGINS setting." },
  }[pageLang] || null;
  const text = words || { title: "Questions", close: "×", refused: "REPORTQA_EMBED_ORIGINS ({site})" };
  const title = script.dataset.title || text.title;
  const READY_WAIT_MS = 5000;  // a chat that has not said it loaded by then was refused (or is down)

  const button = document.createElement("button");
  button.type = "button";
  button.id = "reportqa-button";
  button.textContent = title;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "reportqa-panel");
  button.style.cssText = `position:fixed;bottom:20px;${side}:20px;z-index:2147483000;padding:12px 16px;` +
    "border:0;border-radius:24px;background:#1f4e79;color:#fff;font:14px system-ui,sans-serif;" +
    "box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer;max-width:280px";

  const panel = document.createElement("section");
  panel.id = "reportqa-panel";
  panel.setAttribute("aria-label", title);
  panel.style.cssText = `position:fixed;bottom:76px;${side}:20px;z-index:2147483000;width:380px;height:600px;` +
    "max-width:calc(100vw - 40px);max-height:calc(100vh - 100px);border:1px solid #d0d7de;border-radius:12px;" +
    "box-shadow:0 4px 16px rgba(0,0,0,.25);background:#fff;display:none;flex-direction:column;overflow:hidden;" +
    "font:14px system-ui,sans-serif";

  const header = document.createElement("header");
  header.style.cssText = "display:flex;align-items:center;gap:8px;padding:8px 10px;background:#1f4e79;color:#fff";
  const heading = document.createElement("h2");
  heading.id = "reportqa-title";
  heading.textContent = title;
  heading.style.cssText = "flex:1;margin:0;font-size:14px;font-weight:600";
  const close = document.createElement("button");
  close.type = "button";
  close.id = "reportqa-close";
  close.textContent = "×";
  close.setAttribute("aria-label", text.close);
  close.title = text.close;
  close.style.cssText = "border:0;background:transparent;color:#fff;font-size:20px;line-height:1;cursor:pointer";
  header.append(heading, close);

  const frame = document.createElement("iframe");
  frame.id = "reportqa-frame";
  frame.title = title;
  frame.src = `${origin}/embed?lang=${encodeURIComponent(lang)}`;
  frame.style.cssText = "flex:1;width:100%;border:0";

  const refused = document.createElement("p");
  refused.id = "reportqa-refused";
  refused.setAttribute("role", "alert");
  refused.textContent = text.refused.replace("{site}", location.origin);
  refused.style.cssText = "display:none;margin:0;padding:16px;line-height:1.4;color:#1b1f24";
  panel.append(header, frame, refused);

  const created = Date.now();
  let ready = false;
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || !event.data) return;
    if (event.data.reportqa === "ready") ready = true;
    if (event.data.reportqa === "close" && panel.style.display !== "none") setOpen(false);
  });
  function checkReady() {
    if (ready) return;
    const waited = Date.now() - created;
    if (waited < READY_WAIT_MS) { setTimeout(checkReady, READY_WAIT_MS - waited); return; }
    frame.style.display = "none";
    refused.style.display = "block";
  }

  function setOpen(open) {
    panel.style.display = open ? "flex" : "none";
    button.setAttribute("aria-expanded", String(open));
    if (open) { close.focus(); checkReady(); } else { button.focus(); }
  }
  button.addEventListener("click", () => setOpen(panel.style.display === "none"));
  close.addEventListener("click", () => setOpen(false));
  panel.addEventListener("keydown", (event) => { if (event.key === "Escape") setOpen(false); });
  document.body.appendChild(panel);
  document.body.appendChild(button);
})();
