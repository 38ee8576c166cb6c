/** The migration dashboard's stylesheet (inline: the page is one self-contained file). */
export const dashboardCss = `
:root { --bg:#0f1419; --panel:#182029; --line:#2a3642; --text:#dde6ee; --dim:#8a9aa8; --ok:#3fb27f; --warn:#e0a030; --bad:#e05252; --plat:#4f8fe0; --vend:#8a6fd0; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui, sans-serif; background:var(--bg); color:var(--text); }
header { display:flex; align-items:center; gap:16px; padding:12px 20px; border-bottom:1px solid var(--line); }
header h1 { font-size:18px; margin:0; }
header .facts { color:var(--dim); font-size:12px; }
main { padding:16px 20px; }
table { width:100%; border-collapse:collapse; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--dim); font-weight:600; font-size:12px; }
tr.op { cursor:pointer; }
tr.op:hover, tr.op.selected { background:var(--panel); }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; background:var(--line); }
.badge.shadow { background:#4a3d7a; } .badge.canary { background:#7a5a1e; } .badge.platform, .badge.vendor-retired { background:#1e4f7a; }
.split { display:flex; width:140px; height:10px; border-radius:5px; overflow:hidden; background:var(--line); margin-top:4px; }
.split .v { background:var(--vend); } .split .p { background:var(--plat); }
.good { color:var(--ok); } .meh { color:var(--warn); } .bad { color:var(--bad); }
code { font-size:12px; color:#c8d8e8; }
.panel { background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:12px 16px; margin-top:16px; }
.panel h2 { font-size:15px; margin:0 0 8px; }
.sides { display:grid; grid-template-columns:1fr 1fr; gap:12px; }
.sides > div { min-width:0; }
.sides pre { margin:0; max-height:420px; overflow:auto; background:var(--bg); padding:8px; border-radius:4px; font-size:12px; }
.sides .hl { background:#5a2a2a; display:block; }
.cluster { cursor:pointer; padding:4px 0; border-bottom:1px dashed var(--line); }
.cluster:hover { color:#fff; }
form.login { max-width:380px; margin:80px auto; background:var(--panel); padding:24px; border-radius:8px; border:1px solid var(--line); }
input, select, button { font:inherit; padding:6px 8px; border-radius:4px; border:1px solid var(--line); background:var(--bg); color:var(--text); }
button { cursor:pointer; background:#24507a; }
.error { color:var(--bad); }
.muted { color:var(--dim); font-size:12px; }
`;
