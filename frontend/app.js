// PersonalMem web page: vanilla JS, no build step, same origin as the API.
"use strict";

const $ = (selector) => document.querySelector(selector);
const USER_KEY = "personalmem.userId";
const API_KEY = "personalmem.apiKey";
const LEADING = ["name", "role", "location"];

const state = { profile: {}, memories: [], highlight: null, origins: {}, rules: [], openHistory: new Set(), loads: 0 };

// ---- HTTP ---------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function describeDetail(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail.map((d) => `${(d.loc || []).slice(1).join(".") || "input"}: ${d.msg}`).join("; ");
  }
  return JSON.stringify(detail);
}

async function api(method, path, body, retried = false) {
  const headers = {};
  const key = sessionStorage.getItem(API_KEY);
  if (key) headers["Authorization"] = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, "The service cannot be reached. Is it running?");
  }
  if (response.status === 401 && !retried) {
    const entered = await askForKey();
    if (entered) return api(method, path, body, true);
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!response.ok) {
    const detail = data && data.detail !== undefined ? describeDetail(data.detail) : response.statusText;
    throw new ApiError(response.status, detail);
  }
  return data;
}

// Several requests can get a 401 at once (the page loads a profile and its memories
// together): they all wait on the same prompt instead of each opening the dialog.
let keyPrompt = null;

function askForKey() {
  if (!keyPrompt) keyPrompt = promptForKey().finally(() => { keyPrompt = null; });
  return keyPrompt;
}

function promptForKey() {
  const dialog = $("#key-dialog");
  $("#api-key").value = "";
  return new Promise((resolve) => {
    const done = (value) => {
      $("#key-form").onsubmit = null;
      $("#key-cancel").onclick = null;
      if (dialog.open) dialog.close();
      resolve(value);
    };
    $("#key-form").onsubmit = (event) => {
      event.preventDefault();
      const value = $("#api-key").value.trim();
      if (!value) return;
      sessionStorage.setItem(API_KEY, value);
      done(true);
    };
    $("#key-cancel").onclick = () => done(false);
    dialog.addEventListener("cancel", () => done(false), { once: true });
    dialog.showModal();
    $("#api-key").focus();
  });
}

// ---- errors and status ---------------------------------------------------------

function showError(err) {
  const status = err.status || 0;
  let prefix = "Error";
  if (status === 503) prefix = "Database unavailable";
  else if (status === 502) prefix = "Memory extraction failed";
  else if (status === 401) prefix = "Not authorised";
  else if (status === 413) prefix = "Message too long";
  else if (status >= 400 && status < 500) prefix = "Invalid input";
  else if (status === 0) prefix = "Offline";
  $("#error-text").textContent = `${prefix}${status ? ` (${status})` : ""}: ${err.message}`;
  $("#error").hidden = false;
}

function clearError() {
  $("#error").hidden = true;
  $("#error-text").textContent = "";
}

async function guarded(action) {
  try {
    clearError();
    return await action();
  } catch (err) {
    showError(err);
    return undefined;
  }
}

function extractorLabel(health) {
  switch (health.extractor) {
    case "rules": return "built-in rules";
    case "openai": return `OpenAI (${health.llm_model})`;
    case "azure": return `Azure OpenAI (${health.llm_model})`;
    case "openai-compatible": return `OpenAI-compatible ${health.llm_base_url} (${health.llm_model})`;
    default: return health.extractor;
  }
}

async function refreshStatus() {
  try {
    const health = await api("GET", "/health");
    const db = `${health.database_mode} PostgreSQL${health.database === "ok" ? "" : " (unavailable)"}`;
    $("#status").textContent = `Extractor: ${extractorLabel(health)} · Database: ${db}`;
    $("#status").classList.toggle("bad", health.database !== "ok");
  } catch (err) {
    $("#status").textContent = "Service unreachable";
    $("#status").classList.add("bad");
  }
}

// ---- chat ----------------------------------------------------------------------

function userId() {
  return $("#user-id").value.trim();
}

// The server's rule for user ids (domain.USER_ID_PATTERN): checked here so a bad id is named
// before anything is sent, instead of a 422 from the server.
const USER_ID = /^[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,127}$/;
const USER_ID_RULE = "a user ID has 1-128 letters, digits and . _ @ - and does not start with a dot";

function userIdProblem() {
  const uid = userId();
  if (!uid) return "Enter a user ID first.";
  return USER_ID.test(uid) ? null : `"${uid}" cannot be used: ${USER_ID_RULE}.`;
}

// The server's domain.normalise_field_name: "Favorite food" -> "favorite_food".
function fieldKey(raw) {
  return raw.trim().replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

// The part of a POST /messages outcome that says what the gates kept out ("not stored: ...").
function notStored(outcome) {
  const at = (outcome || "").indexOf("not stored: ");
  return at < 0 ? "" : outcome.slice(at + "not stored: ".length);
}

function addChatLine(text, who) {
  const item = document.createElement("li");
  item.className = `bubble ${who}`;
  item.textContent = text;
  $("#chat-log").append(item);
  item.scrollIntoView({ block: "nearest" });
}

function renderNotice(events, outcome) {
  const notice = $("#notice");
  notice.replaceChildren();
  notice.hidden = false;
  const skipped = notStored(outcome);
  const title = document.createElement("strong");
  title.textContent = events.length ? "Memory updated" : skipped ? "Nothing stored" : "Nothing to remember";
  notice.append(title);
  if (skipped) {
    const why = document.createElement("p");
    why.className = "not-stored";
    why.textContent = `Not stored: ${skipped}`;
    notice.append(why);
  }
  if (!events.length) return;
  const list = document.createElement("ul");
  for (const event of events) {
    const item = document.createElement("li");
    item.className = `event event-${event.event.toLowerCase()}`;
    item.dataset.event = event.event;
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = { ADD: "Added", UPDATE: "Updated", REMOVE: "Removed" }[event.event] || event.event;
    const text = document.createElement("span");
    const value = Array.isArray(event.value) ? event.value.join(", ") : event.value;
    text.textContent = value === null || value === undefined ? ` ${event.field}` : ` ${event.field}: ${value}`;
    item.append(tag, text);
    list.append(item);
  }
  notice.append(list);
}

// What the service did besides storing facts (a rule set, parts left out) is said in the notice.
function showMessageNotes(text) {
  const notes = text.split("; ").filter((part) => /^(I will never remember|removed what was stored|left out )/.test(part));
  if (!notes.length) return;
  const list = document.createElement("ul");
  for (const note of notes) {
    const item = document.createElement("li");
    item.className = "trust-line";
    item.textContent = note;
    list.append(item);
  }
  $("#notice").append(list);
}

async function sendMessage() {
  const message = $("#message").value;
  const uid = userId();
  const problem = userIdProblem();
  if (problem) { showError(new ApiError(422, problem)); $("#user-id").focus(); return; }
  if (!message.trim()) return;
  $("#send").disabled = true;
  try {
    await guarded(async () => {
      const result = await api("POST", "/messages", { user_id: uid, message });
      addChatLine(message, "user");
      $("#message").value = "";
      renderNotice(result.extracted_memories, result.message);
      showMessageNotes(result.message);
      await loadMemories();
    });
  } finally {
    $("#send").disabled = false;
    $("#message").focus();
  }
}

// ---- memories panel -------------------------------------------------------------

function orderedFields(profile) {
  const leading = LEADING.filter((f) => f in profile);
  return leading.concat(Object.keys(profile).filter((f) => !LEADING.includes(f)).sort());
}

async function loadMemories() {
  const uid = userId();
  const problem = userIdProblem();
  if (problem) {
    state.profile = {}; state.memories = []; renderMemories();
    if (uid) throw new ApiError(422, problem);
    return;
  }
  const enc = encodeURIComponent(uid);
  // Loads can overlap (the page's first load, then a user id typed at once): only the
  // latest one may fill the panel, or a slower, older answer would show another user.
  const load = ++state.loads;
  const [profile, memories] = await Promise.all([
    api("GET", `/users/${enc}/profile`),
    api("GET", `/users/${enc}/memories`),
  ]);
  if (load !== state.loads) return;
  state.profile = profile;
  state.memories = memories;
  await applySearch();
  // Where each fact came from, and the rules, come after: the memories never wait for them,
  // and the panel is updated in place (an input being typed in is not rebuilt).
  const [recent, rules] = await Promise.all([
    api("GET", `/users/${enc}/history?limit=200`),
    api("GET", `/users/${enc}/rules`),
  ]);
  if (load !== state.loads) return;
  state.origins = latestEventPerField(recent.events);
  state.rules = rules.rules;
  renderRules();
  showOrigins();
}

function formatTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function renderMemories() {
  const list = $("#memories");
  list.replaceChildren();
  const fields = orderedFields(state.profile);
  const times = Object.fromEntries(state.memories.map((m) => [m.memory.split(":")[0], m.updated_at]));
  $("#memories-empty").hidden = fields.length > 0;
  $("#memories-empty").textContent = state.highlight ? "No memory matches this search." : "Nothing remembered yet.";
  for (const field of fields) {
    if (state.highlight && !state.highlight.has(field)) continue;
    list.append(renderMemory(field, state.profile[field], times[field]));
  }
  if (state.highlight && ![...list.children].length && fields.length) $("#memories-empty").hidden = false;
}

function renderMemory(field, value, updatedAt) {
  const item = document.createElement("li");
  item.className = "memory";
  item.dataset.field = field;
  if (state.highlight) item.classList.add("match");

  const head = document.createElement("div");
  head.className = "memory-head";
  const name = document.createElement("span");
  name.className = "memory-field";
  name.textContent = field.replace(/_/g, " ");
  const time = document.createElement("time");
  time.className = "memory-time";
  time.dateTime = updatedAt || "";
  time.textContent = updatedAt ? `updated ${formatTime(updatedAt)}` : "";
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "link danger-text delete-field";
  remove.textContent = "Delete";
  remove.setAttribute("aria-label", `Delete ${field}`);
  remove.addEventListener("click", () => deleteField(field));
  const historyToggle = document.createElement("button");
  historyToggle.type = "button";
  historyToggle.className = "link history-toggle";
  historyToggle.textContent = "History";
  historyToggle.setAttribute("aria-label", `History of ${field}`);
  historyToggle.setAttribute("aria-expanded", "false");
  head.append(name, time, historyToggle, remove);
  item.append(head);
  const origin = document.createElement("p");
  origin.className = "memory-origin";
  origin.textContent = describeOrigin(state.origins[field]);
  origin.hidden = !origin.textContent;
  item.append(origin);
  historyToggle.addEventListener("click", () => guarded(() => toggleHistory(field, item, historyToggle)));
  if (state.openHistory.has(field)) guarded(() => toggleHistory(field, item, historyToggle));

  if (Array.isArray(value)) item.append(renderChips(field, value));
  else item.append(renderScalar(field, value));
  return item;
}

function renderChips(field, items) {
  const wrap = document.createElement("div");
  wrap.className = "chips";
  for (const entry of items) {
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.dataset.value = entry;
    const label = document.createElement("span");
    label.textContent = entry;
    const x = document.createElement("button");
    x.type = "button";
    x.className = "chip-remove";
    x.textContent = "×";
    x.setAttribute("aria-label", `Remove ${entry} from ${field}`);
    x.addEventListener("click", () => guarded(async () => {
      const rest = items.filter((i) => i !== entry);
      const enc = encodeURIComponent(userId());
      if (rest.length) await api("PUT", `/users/${enc}/memories/${field}`, { value: rest });
      else await api("DELETE", `/users/${enc}/memories/${field}`);
      await loadMemories();
    }));
    chip.append(label, x);
    wrap.append(chip);
  }
  const form = document.createElement("form");
  form.className = "chip-add";
  const input = document.createElement("input");
  input.placeholder = "add…";
  input.maxLength = 500;
  input.setAttribute("aria-label", `Add an item to ${field}`);
  form.append(input);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const added = input.value.trim();
    if (!added) return;
    guarded(async () => {
      await api("PUT", `/users/${encodeURIComponent(userId())}/memories/${field}`, { value: items.concat([added]) });
      await loadMemories();
    });
  });
  wrap.append(form);
  return wrap;
}

function renderScalar(field, value) {
  const form = document.createElement("form");
  form.className = "scalar";
  const input = document.createElement("input");
  input.className = "scalar-input";
  input.value = value;
  input.maxLength = 500;
  input.setAttribute("aria-label", `Value of ${field}`);
  const save = document.createElement("button");
  save.type = "submit";
  save.className = "save-field";
  save.textContent = "Save";
  form.append(input, save);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    let newValue = input.value.trim();
    if (typeof value === "number" && newValue !== "" && !Number.isNaN(Number(newValue))) newValue = Number(newValue);
    guarded(async () => {
      await api("PUT", `/users/${encodeURIComponent(userId())}/memories/${field}`, { value: newValue });
      await loadMemories();
    });
  });
  return form;
}

async function deleteField(field) {
  if (!window.confirm(`Delete "${field}" from ${userId()}'s memories?`)) return;
  await guarded(async () => {
    await api("DELETE", `/users/${encodeURIComponent(userId())}/memories/${field}`);
    await loadMemories();
  });
}

async function forgetAll() {
  const uid = userId();
  if (!uid) return;
  if (!window.confirm(`Forget everything about "${uid}"? This cannot be undone.`)) return;
  await guarded(async () => {
    await api("DELETE", `/users/${encodeURIComponent(uid)}/memories`);
    $("#notice").hidden = true;
    await loadMemories();
  });
}

async function applySearch() {
  const query = $("#search").value.trim();
  if (!query || !userId()) {
    state.highlight = null;
    renderMemories();
    return;
  }
  const results = await api(
    "GET", `/users/${encodeURIComponent(userId())}/memories/search?query=${encodeURIComponent(query)}&limit=100`,
  );
  state.highlight = new Set(results.map((r) => r.memory.split(":")[0]));
  renderMemories();
}

async function addField(event) {
  event.preventDefault();
  const key = fieldKey($("#new-key").value);
  const value = $("#new-value").value.trim();
  if (!value || !userId()) return;
  if (!/^[a-z]/.test(key)) {
    showError(new ApiError(422, "A field name needs a letter first, e.g. favorite food (stored as favorite_food)."));
    $("#new-key").focus();
    return;
  }
  await guarded(async () => {
    const current = state.profile[key];
    const body = Array.isArray(current) ? { value: current.concat([value]) } : { value };
    await api("PUT", `/users/${encodeURIComponent(userId())}/memories/${encodeURIComponent(key)}`, body);
    $("#new-key").value = "";
    $("#new-value").value = "";
    await loadMemories();
  });
}

// ---- trust: where a fact came from, history and undo, export/import, never remember ----

const SOURCE_TEXT = {
  message: "learned from a message",
  edit: "edited by you",
  import: "imported from a file",
  undo: "restored by an undo",
  rule: "removed under a never-remember rule",
};
const KIND_TEXT = { ADD: "Added", UPDATE: "Updated", REMOVE: "Removed", EDIT: "Edited", DELETE: "Deleted" };

function latestEventPerField(events) {
  const latest = {};
  for (const event of events) if (!(event.field in latest)) latest[event.field] = event;  // newest first
  return latest;
}

function relativeTime(iso) {
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) return "";
  if (seconds < 60) return "just now";
  const steps = [[60, "minute"], [3600, "hour"], [86400, "day"], [2592000, "month"], [31536000, "year"]];
  let [size, unit] = steps[0];
  for (const step of steps) if (seconds >= step[0]) [size, unit] = step;
  const count = Math.floor(seconds / size);
  return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
}

function showOrigins() {
  for (const item of document.querySelectorAll("#memories [data-field]")) {
    const line = item.querySelector(".memory-origin");
    line.textContent = describeOrigin(state.origins[item.dataset.field]);
    line.hidden = !line.textContent;
  }
}

function describeOrigin(event) {
  if (!event) return "";
  return `${SOURCE_TEXT[event.source] || event.source} · ${relativeTime(event.created_at)}`;
}

function shown(value) {
  if (value === null || value === undefined) return "(nothing)";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

function describeEvent(event) {
  const kind = KIND_TEXT[event.event] || event.event;
  const change = event.has_values ? `: ${shown(event.before)} → ${shown(event.after)}` : " (values not kept)";
  return `${kind}${change} · ${SOURCE_TEXT[event.source] || event.source} · ${relativeTime(event.created_at)}`;
}

async function toggleHistory(field, item, toggle) {
  const open = item.querySelector(".history");
  if (open) {
    open.remove();
    state.openHistory.delete(field);
    toggle.setAttribute("aria-expanded", "false");
    return;
  }
  const page = await api("GET", `/users/${encodeURIComponent(userId())}/history?field=${field}&limit=50`);
  const list = document.createElement("ol");
  list.className = "history";
  list.setAttribute("aria-label", `History of ${field}`);
  for (const event of page.events) {
    const row = document.createElement("li");
    row.dataset.eventId = event.id;
    const text = document.createElement("span");
    text.className = "history-text";
    text.textContent = describeEvent(event);
    row.append(text);
    if (event.has_values) {
      const undo = document.createElement("button");
      undo.type = "button";
      undo.className = "link undo";
      undo.textContent = "Undo";
      undo.setAttribute("aria-label", `Undo this change to ${field}`);
      undo.addEventListener("click", () => undoEvent(event));
      row.append(undo);
    }
    list.append(row);
  }
  if (!page.events.length) {
    const empty = document.createElement("li");
    empty.textContent = "No recorded changes.";
    list.append(empty);
  }
  item.querySelector(".history")?.remove();
  item.append(list);
  state.openHistory.add(field);
  toggle.setAttribute("aria-expanded", "true");
}

async function undoEvent(event) {
  const path = `/users/${encodeURIComponent(userId())}/history/${event.id}/undo`;
  try {
    clearError();
    await api("POST", path);
  } catch (err) {
    // Changed since: say so, and restore only if the person confirms.
    if (err.status !== 409 || !/changed since/.test(err.message)) { showError(err); return; }
    if (!window.confirm(`${event.field} has changed since this event. Restore the earlier value anyway?`)) {
      showError(new ApiError(409, `Undo refused: ${event.field} has changed since this change`));
      return;
    }
    if ((await guarded(() => api("POST", `${path}?force=true`))) === undefined) return;
  }
  await guarded(loadMemories);
}

async function exportMemory() {
  const uid = userId();
  if (!uid) return;
  await guarded(async () => {
    const document_ = await api("GET", `/users/${encodeURIComponent(uid)}/export`);
    const blob = new Blob([JSON.stringify(document_, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `personalmem-${uid.replace(/[^A-Za-z0-9._-]/g, "_")}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

async function importFile() {
  const input = $("#import-file");
  const file = input.files && input.files[0];
  input.value = "";
  if (!file || !userId()) return;
  await guarded(async () => {
    let parsed;
    try { parsed = JSON.parse(await file.text()); } catch {
      throw new ApiError(422, `${file.name} is not a JSON export`);
    }
    // The history is for reading; an import never brings it back, so it is not sent.
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) delete parsed.history;
    const mode = $("#import-mode").value;
    const result = await api("POST", `/users/${encodeURIComponent(userId())}/import?mode=${mode}`, parsed);
    showTrustNotice(
      `Imported ${result.imported.length} field(s) (${result.mode})`,
      result.refused.map((reason) => `Not imported: ${reason}`),
    );
    await loadMemories();
  });
}

function showTrustNotice(title, lines) {
  const notice = $("#notice");
  notice.replaceChildren();
  notice.hidden = false;
  const strong = document.createElement("strong");
  strong.textContent = title;
  notice.append(strong);
  if (!lines.length) return;
  const list = document.createElement("ul");
  for (const line of lines) {
    const item = document.createElement("li");
    item.className = "trust-line";
    item.textContent = line;
    list.append(item);
  }
  notice.append(list);
}

function renderRules() {
  const list = $("#rules");
  list.replaceChildren();
  for (const rule of state.rules) {
    const chip = document.createElement("li");
    chip.className = "chip";
    chip.dataset.rule = rule;
    const label = document.createElement("span");
    label.textContent = rule.replace(/_/g, " ");
    const x = document.createElement("button");
    x.type = "button";
    x.className = "chip-remove";
    x.textContent = "×";
    x.setAttribute("aria-label", `Allow remembering ${rule.replace(/_/g, " ")} again`);
    x.addEventListener("click", () => saveRules(state.rules.filter((r) => r !== rule)));
    chip.append(label, x);
    list.append(chip);
  }
}

async function saveRules(rules) {
  const uid = userId();
  if (!uid) return;
  await guarded(async () => {
    const result = await api("PUT", `/users/${encodeURIComponent(uid)}/rules`, { rules });
    if (result.removed.length) {
      showTrustNotice("Removed under your never-remember rules", result.removed.map((e) => e.field));
    }
    await loadMemories();
  });
}

async function addRule(event) {
  event.preventDefault();
  const rule = $("#new-rule").value.trim();
  if (!rule) return;
  await saveRules(state.rules.concat([rule]));
  $("#new-rule").value = "";
}

// ---- wiring ---------------------------------------------------------------------

function init() {
  $("#user-id").value = localStorage.getItem(USER_KEY) || "user_123";
  $("#user-id").addEventListener("change", () => {
    localStorage.setItem(USER_KEY, userId());
    $("#chat-log").replaceChildren();
    $("#notice").hidden = true;
    guarded(loadMemories);
  });
  $("#message-form").addEventListener("submit", (event) => { event.preventDefault(); sendMessage(); });
  $("#message").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendMessage();
    }
  });
  $("#forget-all").addEventListener("click", forgetAll);
  let timer = null;
  $("#search").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => guarded(applySearch), 200);
  });
  $("#add-form").addEventListener("submit", addField);
  $("#export").addEventListener("click", exportMemory);
  $("#import-file").addEventListener("change", importFile);
  $("#rule-form").addEventListener("submit", addRule);
  $("#error-close").addEventListener("click", clearError);
  localStorage.setItem(USER_KEY, userId());
  refreshStatus();
  guarded(loadMemories);
}

document.addEventListener("DOMContentLoaded", init);
