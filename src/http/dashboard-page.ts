/**
 * The migration dashboard (issue 11; docs/architecture.md §4 "people would rather look"): one self-contained
 * HTML page served by the admin port. It holds no data; everything comes from the admin API with
 * the token typed into its login form.
 */
import { dashboardJs } from './dashboard-script';
import { dashboardCss } from './dashboard-style';

const body = `
<div id="login"><form class="login" id="login-form">
  <h2>understudy migration</h2>
  <p class="muted">Admin token (the one printed at start, or UNDERSTUDY_ADMIN_TOKEN).</p>
  <p><input id="token" type="password" autocomplete="off" placeholder="admin token" style="width:100%"></p>
  <p><button type="submit" id="login-button">Log in</button> <span class="error" id="login-error"></span></p>
</form></div>
<div id="app" hidden>
  <header><h1>understudy · migration</h1><span class="facts" id="facts"></span><span style="flex:1"></span><button id="logout">Log out</button></header>
  <main>
    <table><thead><tr><th>operation</th><th>state</th><th>split vendor / platform</th><th>samples</th><th title="samples ÷ calls of the operation">compared</th><th>parity</th><th>top differing fields</th><th>candidate errors</th><th>latency Δ</th><th>dropped</th></tr></thead>
    <tbody id="ops"></tbody></table>
    <p class="muted" id="empty">No shadowed operation yet: give a policy rule <code>shadow: true</code> or move an operation to shadow.</p>
    <section class="panel" id="detail" hidden>
      <h2 id="detail-title"></h2>
      <form id="move-form">Move to <select id="move-to"><option>shadow</option><option>canary</option><option>platform</option><option>vendor</option><option>vendor-retired</option><option>hold</option><option>release</option></select>
        <input id="move-percent" type="number" min="1" max="100" value="10" style="width:70px">% <button type="submit">Apply</button> <span class="error" id="move-error"></span></form>
      <h3>Transitions</h3><ul id="transitions"></ul>
      <h3>Fields</h3><table><thead><tr><th>JSON pointer</th><th>kind</th><th>raw</th><th>noise</th><th></th></tr></thead><tbody id="fields"></tbody></table>
      <h3>Clusters (click for a sample)</h3><div id="clusters"></div>
      <div id="viewer" hidden><h3>Diff sample</h3><ul id="sample-diffs"></ul>
        <div class="sides"><div><div class="muted">vendor (primary)</div><pre id="side-primary"></pre></div><div><div class="muted">platform (candidate)</div><pre id="side-candidate"></pre></div></div></div>
    </section>
  </main>
</div>`;

/** The whole page. */
export function dashboardHtml(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>understudy · migration dashboard</title><style>${dashboardCss}</style></head><body>${body}<script>${dashboardJs}</script></body></html>`;
}
