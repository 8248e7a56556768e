"""The review page's script and styles, served by the app itself (no CDN, nothing inline).

The script only ever writes text (``textContent``, ``value``), never HTML, so nothing a
reviewer or a document says can run as code.
"""

from __future__ import annotations

SCRIPT = r"""
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const reviewer = document.getElementById("reviewer");
  const LABELS = {unreviewed: "unreviewed", approved: "approved", corrected: "corrected",
                  needs_retranslation: "needs retranslation", rejected: "rejected",
                  human: "human (memory or earlier review)"};
  try {
    const saved = window.localStorage.getItem("summarize-reviewer");
    if (saved && !reviewer.value) { reviewer.value = saved; }
  } catch (error) { /* storage may be off */ }
  reviewer.addEventListener("change", function () {
    try { window.localStorage.setItem("summarize-reviewer", reviewer.value); } catch (e) {}
  });

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(body)});
    let data = null;
    try { data = await response.json(); } catch (error) { data = null; }
    return {status: response.status, data: data};
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function show(item, view) {
    item.dataset.version = String(view.version);
    item.dataset.status = view.status;
    item.querySelector(".text").textContent = view.text;
    const status = item.querySelector(".status");
    status.textContent = LABELS[view.status] || view.status;
    status.className = "status st-" + view.status;
    const who = item.querySelector(".who");
    if (who) { who.textContent = (view.reviewer ? " by " + view.reviewer : "") +
                                 (view.at ? " at " + view.at : ""); }
  }

  function editor(item, text) {
    const box = item.querySelector(".editor");
    const area = box.querySelector("textarea");
    area.value = text;
    box.hidden = false;
    area.focus();
  }

  function conflict(item, current, action, mine) {
    const box = item.querySelector(".conflict");
    const edit = item.querySelector(".editor");
    if (edit) { edit.hidden = true; }  // the conflict box holds the reviewer's text now
    box.replaceChildren();
    box.appendChild(element("p", "Someone else saved this first (version " + current.version +
      (current.reviewer ? ", by " + current.reviewer : "") + "). Their text:", "conflict-note"));
    box.appendChild(element("p", current.text, "theirs"));
    let area = null;
    if (mine !== undefined) {
      box.appendChild(element("p", "Your text (not saved):", "conflict-note"));
      area = element("textarea", undefined, "mine");
      area.value = mine;
      area.rows = 3;
      box.appendChild(area);
    }
    const keep = element("button", "Keep theirs");
    keep.type = "button";
    keep.addEventListener("click", function () {
      show(item, current); box.hidden = true;
      const edit = item.querySelector(".editor"); if (edit) { edit.hidden = true; }
    });
    const redo = element("button", mine !== undefined ? "Save mine instead" : "Do it anyway");
    redo.type = "button";
    redo.className = "mine-save";
    redo.addEventListener("click", function () {
      item.dataset.version = String(current.version);
      act(item, action, area ? area.value : undefined);
    });
    box.appendChild(keep);
    box.appendChild(redo);
    box.hidden = false;
  }

  async function act(item, action, text) {
    const body = {item: item.dataset.item, action: action,
                  version: Number(item.dataset.version), reviewer: reviewer.value || null};
    if (text !== undefined) { body.text = text; }
    const message = item.querySelector(".message");
    message.textContent = "Saving…";
    let answer;
    try { answer = await post("/api/action", body); }
    catch (error) { message.textContent = "Not saved: the server cannot be reached."; return; }
    if (answer.status === 200 && answer.data) {
      show(item, answer.data.item);
      message.textContent = "Saved.";
      item.querySelector(".conflict").hidden = true;
      const edit = item.querySelector(".editor"); if (edit) { edit.hidden = true; }
    } else if (answer.status === 409 && answer.data && answer.data.current) {
      message.textContent = "Not saved: this item changed meanwhile.";
      conflict(item, answer.data.current, action, text);
    } else {
      message.textContent = "Not saved: " +
        ((answer.data && answer.data.error) || ("error " + answer.status));
    }
  }

  async function rebuild(button) {
    const message = document.getElementById("rebuild-message");
    button.disabled = true;
    message.textContent = "Rebuilding…";
    let answer;
    try { answer = await post("/api/rebuild", {reviewer: reviewer.value || null}); }
    catch (error) { answer = {status: 0, data: null}; }
    button.disabled = false;
    if (answer.status === 200 && answer.data) {
      message.textContent = "Rebuilt: " + answer.data.written.length + " files written.";
      window.setTimeout(function () { window.location.reload(); }, 300);
    } else {
      message.textContent = "Not rebuilt: " +
        ((answer.data && answer.data.error) || ("error " + answer.status));
    }
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-action]");
    if (!button) { return; }
    const action = button.dataset.action;
    if (action === "rebuild") { rebuild(button); return; }
    const item = button.closest(".item");
    if (!item) { return; }
    if (action === "edit") { editor(item, item.querySelector(".text").textContent); }
    else if (action === "use") { editor(item, button.dataset.text); }
    else if (action === "cancel") { item.querySelector(".editor").hidden = true; }
    else if (action === "save") { act(item, "edit", item.querySelector(".editor textarea").value); }
    else { act(item, action); }
  });
})();
"""

APP_CSS = """
header { border-bottom: 2px solid #d0d5dd; margin-bottom: 1rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
               margin: .5rem 0 1rem; }
td.en.risk-2 { background: #fef3f2; } td.en.risk-1 { background: #fffaeb; }
.status { font-size: .8em; font-weight: 600; padding: 0 .3rem; border-radius: .3rem;
          background: #eaecf0; white-space: nowrap; }
.st-approved, .st-human { background: #d1fadf; } .st-corrected { background: #d1e9ff; }
.st-needs_retranslation, .st-rejected { background: #fee4e2; }
#sentences th[scope=row] { white-space: normal; }
.who { display: block; font-size: .75em; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .3rem; }
button { font: inherit; font-size: .85em; padding: .15rem .6rem; cursor: pointer; }
.editor textarea, .conflict textarea { width: 100%; box-sizing: border-box; font: inherit; }
.conflict { border-left: 4px solid #b42318; padding: .2rem .6rem; margin-top: .4rem;
            background: #fffbfa; }
.message { font-size: .8em; color: #475467; margin: .2rem 0 0; min-height: 1em; }
.suggestions { font-size: .85em; border-left: 3px solid #2e90fa; padding-left: .5rem; }
details.evidence { font-size: .9em; margin: .2rem 0; }
#digests li, #brief li { margin-bottom: .6rem; }
"""


def styles() -> str:
    """The page's styles: the static report's, and the app's own."""
    from summarize.report import CSS

    return CSS + APP_CSS
