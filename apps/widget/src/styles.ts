/**
 * The widget's stylesheet, scoped by its shadow root. `.root { all: initial }` also cuts off the
 * properties a shadow tree would otherwise inherit from the host page (font, colour, line height),
 * so a page rule such as `* { font-size: 40px }` cannot reach inside.
 */
export const STYLES = `
:host{all:initial}
.root{all:initial;--c:#4f46e5;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937;letter-spacing:normal;text-align:left}
.root *,.root *::before,.root *::after{box-sizing:border-box;font:inherit;letter-spacing:inherit}
button,textarea,input{color:inherit;margin:0}
button{cursor:pointer;border:0;background:none;padding:0}
:focus-visible{outline:2px solid var(--c);outline-offset:2px}
.launcher{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;background:var(--c);color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;z-index:2147483000;transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#dc2626;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center;border:2px solid #fff}
.badge[hidden],[hidden]{display:none!important}
.panel{position:fixed;right:20px;bottom:92px;width:380px;height:min(620px,calc(100vh - 112px));background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.22);display:flex;flex-direction:column;overflow:hidden;z-index:2147483001}
.head{background:var(--c);color:#fff;padding:14px 12px 14px 18px;display:flex;align-items:center;gap:8px}
.head-text{flex:1;min-width:0}
.title{font-size:16px;font-weight:650;margin:0}
.subtitle{font-size:12px;opacity:.85;margin:2px 0 0}
.head button{color:#fff;border-radius:8px;padding:6px 8px;font-size:12px}
.head button:hover{background:rgba(255,255,255,.18)}
.close{font-size:22px!important;line-height:1;width:34px;height:34px}
.status{background:#fef3c7;color:#92400e;font-size:12px;padding:6px 14px}
.log{flex:1;overflow-y:auto;padding:16px 14px;background:#f8fafc;display:flex;flex-direction:column;gap:10px}
.row{display:flex;flex-direction:column;align-items:flex-start;max-width:100%}
.row.shopper{align-items:flex-end}
.row.system{align-items:center}
.who{font-size:11px;color:#64748b;margin:0 4px 2px}
.bubble{max-width:82%;padding:9px 13px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #e2e8f0;border-bottom-left-radius:4px}
.shopper .bubble{background:var(--c);color:#fff;border:0;border-radius:16px;border-bottom-right-radius:4px}
.agent .bubble{background:#ecfdf5;border-color:#a7f3d0}
.system .bubble{background:none;border:0;color:#64748b;font-size:12px;text-align:center;padding:2px 8px}
.meta{font-size:11px;color:#94a3b8;margin:3px 4px 0}
.meta.error{color:#dc2626}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.chip{border:1px solid var(--c);color:var(--c);background:#fff;border-radius:999px;padding:6px 12px;font-size:13px}
.chip:hover{background:var(--c);color:#fff}
.cards{display:flex;gap:8px;overflow-x:auto;max-width:100%;padding:6px 2px 4px}
.card{flex:0 0 150px;background:#fff;border:1px solid #e2e8f0;border-radius:12px;overflow:hidden;display:flex;flex-direction:column;color:inherit;text-decoration:none}
.card img{width:100%;height:100px;object-fit:cover;background:#f1f5f9;display:block}
.card-body{padding:8px 10px;display:flex;flex-direction:column;gap:2px}
.card-title{font-size:13px;font-weight:600;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.price{color:var(--c);font-weight:700}
.order{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:10px 12px;margin-top:6px;min-width:220px;max-width:82%}
.order-head{display:flex;justify-content:space-between;gap:8px;font-weight:650}
.pill{background:#eef2ff;color:var(--c);border-radius:999px;padding:1px 8px;font-size:12px;font-weight:600}
.order ul{margin:6px 0;padding-left:18px;color:#475569;font-size:13px}
.order a,.rating a{color:var(--c);font-weight:600}
.typing{display:flex;gap:4px;padding:12px 14px}
.typing span{width:7px;height:7px;border-radius:50%;background:#94a3b8;animation:b 1.2s infinite}
.typing span:nth-child(2){animation-delay:.15s}.typing span:nth-child(3){animation-delay:.3s}
@keyframes b{0%,60%,100%{opacity:.3;transform:none}30%{opacity:1;transform:translateY(-3px)}}
.rating{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:12px;display:flex;flex-direction:column;gap:8px;width:82%}
.stars{display:flex;flex-direction:row-reverse;justify-content:flex-end;gap:2px}
.rate-title{font-weight:650}
.rating input{position:absolute;opacity:0;width:1px;height:1px}
.rating label{font-size:28px;line-height:1;color:#cbd5e1;cursor:pointer}
.rating input:checked~label,.rating label:hover,.rating label:hover~label{color:#f59e0b}
.rating input:focus-visible+label{outline:2px solid var(--c)}
.rating textarea{border:1px solid #cbd5e1;border-radius:8px;padding:6px 8px;resize:vertical;min-height:52px}
.primary{background:var(--c);color:#fff;border-radius:8px;padding:8px 12px;font-weight:600}
.primary:disabled{opacity:.5;cursor:default}
.composer{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #e2e8f0;background:#fff;align-items:flex-end}
.composer textarea{flex:1;border:1px solid #cbd5e1;border-radius:12px;padding:9px 12px;resize:none;max-height:120px;min-height:40px;outline:none;background:#fff}
.composer textarea:focus{border-color:var(--c)}
.send{width:40px;height:40px;border-radius:50%;background:var(--c);color:#fff;display:flex;align-items:center;justify-content:center;flex:0 0 auto}
.send svg{width:18px;height:18px;fill:currentColor}
@media (max-width:479px){.panel{inset:0;width:100%;height:100%;border-radius:0}.open .launcher{display:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;
