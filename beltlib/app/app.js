/* Belt Report live app: the page side of beltlib.app.live (Voilà, JupyterLab, Notebook 7).
 *
 * Loaded once per page by LiveReport.show() (a script element after window.beltAppConfig); running it
 * again only updates the configuration. It never computes a result: the kernel does. It
 *  - ties every visible label to its control (aria-labelledby, label for), makes option groups
 *    labelled radio groups that expose the selected option (arrow keys move the selection),
 *    gives each plot its caption as alt text, makes .belt-announce a polite live region, keeps
 *    the html element's lang on the report's language and the page content in a main landmark;
 *  - marks a typed number not taken yet (.belt-pending) and takes it after a pause in typing,
 *    and before the page is hidden or unloaded; each keystroke also reaches the kernel at once
 *    (.belt-draft), which takes the text after the same pause even if the tab was closed;
 *  - watches the kernel with a heartbeat (.belt-ping → .belt-pong, every 2 s while the tab is
 *    visible, so a hidden tab's kernel can be culled): when it stops answering for 12 s, shows
 *    a banner (.belt-lost) and replaces the status line, which would claim saving;
 *  - checks an upload's size against the server's limit before it is sent and says why it
 *    cannot be sent (.belt-upload-note);
 *  - remembers the language chosen (localStorage "belt-report-lang") and brings it back.
 */
(function () {
  "use strict";
  if (window.beltApp) { window.beltApp.cfg = window.beltAppConfig; return; }
  var app = window.beltApp = { cfg: window.beltAppConfig, lost: false, uploading: null };
  var LANG_KEY = "belt-report-lang";
  var PAUSE_MS = 800;          // a typed number is taken after this pause in typing
  var BEAT_MS = 2000;          // heartbeat period
  var LOST_MS = 12000;         // no answer for this long: the connection is lost
  var lastPong = Date.now(), beat = 0, restored = false;

  function lang() {
    var s = document.querySelector(".belt-page-state");
    return (s && s.getAttribute("data-lang")) || app.cfg.lang;
  }
  function T(key, vars) {
    var texts = app.cfg.texts[lang()] || app.cfg.texts.en, s = texts[key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
    return s;
  }
  function mb(bytes) {
    var x = bytes / 1048576;
    var s = x >= 10 ? String(Math.round(x)) : x.toFixed(1);
    return s.replace(".", (app.cfg.locale[lang()] || app.cfg.locale.en).decimal_mark);  // beltlib.locale
  }
  function setAttr(el, name, value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); }

  // ------------------------------------------------------------ accessibility
  function tieLabels() {
    document.querySelectorAll("label[data-belt-for]").forEach(function (label) {
      var ctl = document.querySelector("." + label.getAttribute("data-belt-for"));
      if (!ctl) return;
      ctl.querySelectorAll("label.widget-label").forEach(function (hidden) {   // ipywidgets' empty label
        if (hidden.getAttribute("for")) hidden.removeAttribute("for");
        if (hidden.getAttribute("title") === "null") hidden.removeAttribute("title");
      });
      var group = ctl.classList.contains("widget-toggle-buttons") ? ctl.querySelector(":scope > div") : null;
      if (group) { radioGroup(group, label.id); return; }
      ctl.querySelectorAll("input:not([type=file]), select, textarea").forEach(function (input) {
        setAttr(input, "aria-labelledby", label.id);
        if (input.id && label.htmlFor !== input.id) label.htmlFor = input.id;
      });
    });
  }
  function radioGroup(group, labelId) {
    setAttr(group, "role", "radiogroup");
    setAttr(group, "aria-labelledby", labelId);
    var buttons = Array.prototype.slice.call(group.querySelectorAll("button"));
    var active = buttons.filter(function (b) { return b.classList.contains("mod-active"); })[0] || buttons[0];
    buttons.forEach(function (b) {
      setAttr(b, "role", "radio");
      setAttr(b, "aria-checked", b.classList.contains("mod-active") ? "true" : "false");
      setAttr(b, "tabindex", b === active ? "0" : "-1");
      if (b.getAttribute("title") === "null" || b.getAttribute("title") === "") b.removeAttribute("title");
    });
    if (!group.beltKeys) {
      group.beltKeys = true;
      group.addEventListener("keydown", function (e) {
        var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (!step) return;
        e.preventDefault();
        var all = Array.prototype.slice.call(group.querySelectorAll("button"));
        var i = all.indexOf(document.activeElement);
        var next = all[(Math.max(i, 0) + step + all.length) % all.length];
        next.focus();
        next.click();
      });
    }
  }
  function fixPage() {
    var l = lang();
    if (document.documentElement.lang !== l) document.documentElement.lang = l;
    var main = document.querySelector("#rendered_cells");
    if (main) setAttr(main, "role", "main");
    tieLabels();
    document.querySelectorAll(".belt-section img").forEach(function (img) {
      var section = img.closest(".belt-figure") || img.closest(".belt-section");
      var caption = section && section.querySelector(".belt-plot-caption");
      var alt = caption ? caption.textContent.trim() : "";
      if (img.getAttribute("alt") !== alt) img.setAttribute("alt", alt);
    });
    document.querySelectorAll(".belt-announce .widget-html-content").forEach(function (el) {
      setAttr(el, "role", "status");
      setAttr(el, "aria-live", "polite");
    });
    document.querySelectorAll(".belt-number input").forEach(function (input) {  // a refused number: aria-invalid
      var ctl = input.closest(".belt-number"), bad = !!ctl && ctl.classList.contains("belt-invalid");
      if (bad) setAttr(input, "aria-invalid", "true"); else if (input.hasAttribute("aria-invalid")) input.removeAttribute("aria-invalid");
    });
    document.querySelectorAll('[title="null"]').forEach(function (el) { el.removeAttribute("title"); });  // "null" tooltips
    if (app.lost) showLost();
    if (!restored) restoreLang();
    else try { localStorage.setItem(LANG_KEY, l); } catch (e) { /* storage off: nothing kept */ }
  }
  function restoreLang() {
    var group = document.querySelector(".belt-lang");
    if (!group) return;
    restored = true;
    var wanted = null;
    try { wanted = localStorage.getItem(LANG_KEY); } catch (e) { return; }
    var i = app.cfg.langs.indexOf(wanted);
    if (i < 0 || wanted === lang()) return;
    var button = group.querySelectorAll("button")[i];
    if (button) button.click();
  }

  // ------------------------------------------------------------ typed numbers not taken yet
  function numberInput(el) { return el && el.closest && el.closest(".belt-number") && el.tagName === "INPUT"; }
  function pending(input, on) {
    var ctl = input.closest(".belt-number");
    var note = ctl.querySelector(".belt-pending-note");
    if (on && !note) {
      note = document.createElement("span");
      note.className = "belt-pending-note";
      note.id = "belt-pending-" + Math.random().toString(36).slice(2);
      ctl.appendChild(note);
    }
    if (note) note.textContent = on ? T("ui.pending") : "";
    ctl.classList.toggle("belt-pending", on);
    if (on) setAttr(input, "aria-describedby", note.id); else input.removeAttribute("aria-describedby");
  }
  function take(input) {
    clearTimeout(input.beltTimer);
    if (!input.closest(".belt-pending")) return;
    pending(input, false);
    input.dispatchEvent(new Event("change", { bubbles: true }));  // ipywidgets sends the value on "change"
  }
  function takeAll() { document.querySelectorAll(".belt-pending input").forEach(take); }
  function draft(input) {  // the keystroke goes to the kernel at once (it takes it after a pause)
    var box = document.querySelector(".belt-draft input"), ctl = input.closest(".belt-number");
    var hook = ctl && Array.prototype.filter.call(ctl.classList, function (c) { return c.indexOf("belt-q-") === 0; })[0];
    if (!box || !hook) return;
    box.value = hook.slice(7) + "=" + input.value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!numberInput(input)) return;
    draft(input);
    pending(input, true);
    clearTimeout(input.beltTimer);
    input.beltTimer = setTimeout(function () { take(input); }, PAUSE_MS);
  }, true);
  document.addEventListener("change", function (e) {
    if (numberInput(e.target)) { clearTimeout(e.target.beltTimer); pending(e.target, false); }
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && numberInput(e.target)) take(e.target);
  }, true);
  // capture: before Voilà's own beforeunload listener, which ends the kernel connection
  window.addEventListener("pagehide", takeAll, true);
  window.addEventListener("beforeunload", takeAll, true);
  document.addEventListener("visibilitychange", function () { if (document.hidden) takeAll(); });

  // ------------------------------------------------------------ lost connection
  function showLost() {
    var banner = document.querySelector(".belt-lost");
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "belt-lost";
      banner.setAttribute("role", "alert");
      document.body.insertBefore(banner, document.body.firstChild);
    }
    if (banner.textContent !== T("ui.lost")) banner.textContent = T("ui.lost");
    document.querySelectorAll(".belt-status").forEach(function (s) {
      if (s.textContent !== T("ui.lost_status")) s.textContent = T("ui.lost_status");
    });
    if (app.uploading) uploadNote(T("ui.upload_failed", { name: app.uploading, limit: mb(app.cfg.uploadLimit) }) + " "
                                  + T(app.cfg.shared ? "ui.upload_smaller" : "ui.upload_use_path"), true);
  }
  function heartbeat() {
    var ping = document.querySelector(".belt-ping input");
    var pong = document.querySelector(".belt-pong .widget-html-content");
    if (!ping || !pong || document.hidden) { lastPong = Date.now(); return; }  // a hidden tab does not beat
    if (pong.textContent.trim() === String(beat)) lastPong = Date.now();
    var limit = LOST_MS + (app.uploading ? 60000 : 0);
    if (!app.lost && Date.now() - lastPong > limit) { app.lost = true; document.body.classList.add("belt-disconnected"); showLost(); }
    beat += 1;
    ping.value = String(beat);
    ping.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // ------------------------------------------------------------ uploads
  function uploadNote(text, alert) {
    var host = document.querySelector(".belt-export-upload");
    if (!host) return;
    var row = host.parentElement, note = row.parentElement.querySelector(".belt-upload-note");
    if (!note && !text) return;
    if (!note) {
      note = document.createElement("p");
      note.className = "belt-upload-note";
      row.insertAdjacentElement("afterend", note);
    }
    setAttr(note, "role", alert ? "alert" : "status");
    note.classList.toggle("belt-message", !!alert);
    note.textContent = text;
    note.style.display = text ? "" : "none";
  }
  // ipywidgets' FileUpload clicks a file <input> that is not in the page: watch the one clicked
  // right after a click on .belt-export-upload, before the widget reads (and sends) the file.
  var uploadClick = 0;
  document.addEventListener("click", function (e) {
    if (e.target && e.target.closest && e.target.closest(".belt-export-upload")) uploadClick = Date.now();
  }, true);
  var inputClick = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function () {
    if (this.type === "file" && !this.beltWatched && Date.now() - uploadClick < 2000) {
      this.beltWatched = true;
      this.addEventListener("change", checkUpload, true);  // capture: runs before the widget's listener
    }
    return inputClick.apply(this, arguments);
  };
  function checkUpload(e) {
    var input = e.target, file = input.files && input.files[0];
    if (!file) return;
    if (file.size > app.cfg.uploadLimit) {
      e.stopImmediatePropagation();  // never sent: the server would close the connection
      input.value = "";
      uploadNote(T("ui.upload_limit", { name: file.name, size: mb(file.size), limit: mb(app.cfg.uploadLimit) }) + " "
                 + T(app.cfg.shared ? "ui.upload_smaller" : "ui.upload_use_path"), true);
      return;
    }
    app.uploading = file.name;
    app.uploadStamp = stamp();
    uploadNote(T("ui.uploading", { name: file.name, size: mb(file.size) }), false);
  }
  function stamp() { var el = document.querySelector(".belt-export-stamp"); return el ? el.textContent : ""; }
  function uploadDone() {  // the kernel answered (the export stamp moved): a summary or an error is shown
    if (app.uploading && !app.lost && stamp() !== app.uploadStamp) { app.uploading = null; uploadNote("", false); }
  }

  // The upload button reads its label only: ipywidgets' view appends the count of files it holds
  // (" (0)" once the kernel has taken them and cleared it).
  function uploadLabel() {
    document.querySelectorAll(".belt-export-upload").forEach(function (button) {
      var text = button.lastChild;
      if (text && text.nodeType === 3 && / \(\d+\)$/.test(text.nodeValue)) {
        text.nodeValue = text.nodeValue.replace(/ \(\d+\)$/, "");
      }
    });
  }

  // ------------------------------------------------------------ wiring
  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; fixPage(); uploadDone(); uploadLabel(); });
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true,
                                          attributes: true, attributeFilter: ["class"] });
  setInterval(heartbeat, BEAT_MS);
  fixPage();
  uploadLabel();
})();
